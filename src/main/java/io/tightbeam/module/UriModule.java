package io.tightbeam.module;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tightbeam.module.OptionSpec.Type;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Ansible's {@code uri}: the request is made on the target by curl (else wget) from uri.sh; Java
 * encodes the body (json, form-urlencoded, raw) and parses a JSON response into {@code json}.
 */
final class UriModule implements RemoteModule {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BODY = ShellSource.load("common.sh") + ShellSource.load("http.sh")
      + ShellSource.load("uri.sh");
  /** The key uri.sh returns a JSON body under, for {@link #withJson} to parse. */
  static final String BODY_KEY = "tb_body_json";

  private static final OptionSpec SPEC = httpOptions(FileAttributes.addTo(new OptionSpec("ansible.legacy.uri")), "user")
      .required("url", Type.STR)
      .add("ca_path", Type.STR)
      .add("dest", Type.STR)
      .add("body", Type.RAW)
      .choice("body_format", "raw", "form-urlencoded", "json", "raw", "form-multipart")
      .add("method", Type.STR, "GET")
      .add("return_content", Type.BOOL, false)
      .add("follow_redirects", Type.STR, "safe")
      .add("creates", Type.STR)
      .add("removes", Type.STR)
      .add("status_code", Type.LIST, List.of("200"))
      .add("timeout", Type.INT, 30)
      .add("src", Type.STR)
      .add("remote_src", Type.BOOL, false)
      .add("force", Type.BOOL, false)
      .add("unix_socket", Type.STR);

  /** The options uri and get_url share (Ansible's url arguments). */
  static OptionSpec httpOptions(OptionSpec spec, String userAlias) {
    return spec
        .aliased("url_username", Type.STR, userAlias)
        .aliased("url_password", Type.STR, "password")
        .add("headers", Type.RAW)
        .add("validate_certs", Type.BOOL, true)
        .add("force_basic_auth", Type.BOOL, false)
        .add("use_proxy", Type.BOOL, true)
        .add("http_agent", Type.STR, "ansible-httpget")
        .add("client_cert", Type.STR)
        .add("client_key", Type.STR)
        .add("decompress", Type.BOOL, true)
        .add("unredirected_headers", Type.LIST)
        .refuse("use_gssapi", Type.BOOL, false, "curl and wget on the target do no GSSAPI here")
        .add("use_netrc", Type.BOOL, true)
        .refuse("ciphers", Type.LIST, null, "curl and wget choose the ciphers");
  }

  @Override
  public String name() {
    return "uri";
  }

  @Override
  public Map<String, Object> checkArgs(Map<String, Object> args) {
    Map<String, Object> a = SPEC.check(args);
    if ("form-multipart".equals(a.get("body_format"))) {
      throw new ModuleArgumentException("body_format form-multipart is not supported by tightbeam");
    }
    if (a.get("src") != null && !Boolean.TRUE.equals(a.get("remote_src"))) {
      throw new ModuleArgumentException("src from the controller is not supported by tightbeam (use remote_src: true)");
    }
    if (a.get("src") != null && a.get("body") != null) {
      throw new ModuleArgumentException("parameters are mutually exclusive: body|src");
    }
    String follow = String.valueOf(a.get("follow_redirects"));
    a.put("follow_redirects", switch (follow) {
      case "all", "yes", "true" -> "all";
      case "none", "no", "false" -> "none";
      case "safe", "urllib2" -> "safe";
      default -> throw new ModuleArgumentException("value of follow_redirects must be one of: all, none, safe, urllib2, yes, no, got: " + follow);
    });
    for (String code : strings(a.get("status_code"))) {
      if (!code.matches("-?\\d+")) {
        throw new ModuleArgumentException("Elements value for option 'status_code' is of type <class 'str'> and we were unable to convert to int: invalid literal for int() with base 10: '" + code + "'");
      }
    }
    a.put("method", String.valueOf(a.get("method")).toUpperCase(java.util.Locale.ROOT));
    return TransferModules.withMode(a);
  }

  @Override
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    Map<String, String> vars = requestVars(args);
    List<String> codes = strings(args.get("status_code"));
    vars.put("status_codes", String.join(" ", codes));
    vars.put("status_list", String.join(", ", codes));
    Map<String, String> headers = headers(args.get("headers"));
    String format = String.valueOf(args.get("body_format"));
    Object body = args.get("body");
    byte[] bytes = null;
    if (body != null) {
      if (format.equals("json")) {
        bytes = (body instanceof String s ? s : json(body)).getBytes(StandardCharsets.UTF_8);
        headers.putIfAbsent("Content-Type", "application/json");
      } else if (format.equals("form-urlencoded")) {
        bytes = (body instanceof Map<?, ?> m ? form(m) : String.valueOf(body)).getBytes(StandardCharsets.UTF_8);
        headers.putIfAbsent("Content-Type", "application/x-www-form-urlencoded");
      } else {
        bytes = body instanceof byte[] b ? b : String.valueOf(body).getBytes(StandardCharsets.UTF_8);
      }
    }
    vars.put("body_b64", bytes == null ? "" : Base64.getEncoder().encodeToString(bytes));
    vars.put("req_headers", headerLines(headers));
    vars.put("return_content", ScriptRun.flag(args.get("return_content")));
    for (String k : List.of("creates", "removes", "dest", "src")) {
      vars.put(k, ScriptRun.str(args.get(k)));
    }
    FileAttributes.putVars(args, vars);
    return ScriptRun.script(vars, target, BODY);
  }

  /** The variables tb_http reads. */
  static Map<String, String> requestVars(Map<String, Object> a) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("url", ScriptRun.str(a.get("url")));
    vars.put("method", ScriptRun.str(a.getOrDefault("method", "GET")));
    vars.put("url_username", ScriptRun.str(a.get("url_username")));
    vars.put("url_password", ScriptRun.str(a.get("url_password")));
    vars.put("validate_certs", ScriptRun.flag(a.get("validate_certs")));
    vars.put("timeout", ScriptRun.str(a.get("timeout")));
    vars.put("follow", ScriptRun.str(a.getOrDefault("follow_redirects", "safe")));
    vars.put("http_agent", ScriptRun.str(a.get("http_agent")));
    vars.put("ca_path", ScriptRun.str(a.get("ca_path")));
    vars.put("client_cert", ScriptRun.str(a.get("client_cert")));
    vars.put("client_key", ScriptRun.str(a.get("client_key")));
    vars.put("use_proxy", ScriptRun.flag(a.get("use_proxy")));
    vars.put("unix_socket", ScriptRun.str(a.get("unix_socket")));
    vars.put("decompress", ScriptRun.flag(a.get("decompress")));
    vars.put("body_file", "");
    vars.put("req_headers", headerLines(headers(a.get("headers"))));
    return vars;
  }

  @Override
  public CompletableFuture<Map<String, Object>> run(Map<String, Object> args, TargetContext target) {
    return ScriptRun.run(script(args, target), target).thenApply(UriModule::withJson);
  }

  /** A JSON response body, parsed as Ansible's uri does (left out when it is not valid JSON). */
  static Map<String, Object> withJson(Map<String, Object> r) {
    Object body = r.remove(BODY_KEY);
    if (body instanceof String s) {
      try {
        r.put("json", JSON.readValue(s, Object.class));
      } catch (IOException notJson) {
        // Ansible keeps quiet too: the text is still in content when asked for
      }
    }
    return r;
  }

  @Override
  public boolean supportsCheckMode() {
    return true;
  }

  static Map<String, String> headers(Object value) {
    Map<String, String> out = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    } else if (value != null) {
      throw new ModuleArgumentException("argument 'headers' is of type " + io.tightbeam.py.Py.typeName(value)
          + " and we were unable to convert to dict: dictionary requested, could not parse JSON or key=value");
    }
    return out;
  }

  private static String headerLines(Map<String, String> headers) {
    StringBuilder s = new StringBuilder();
    headers.forEach((k, v) -> s.append(k.replaceAll("[\r\n]", "")).append(": ").append(v.replaceAll("[\r\n]", " ")).append('\n'));
    return s.toString();
  }

  private static List<String> strings(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> l) {
      l.forEach(v -> out.add(String.valueOf(v).trim()));
    }
    return out;
  }

  private static String form(Map<?, ?> m) {
    StringBuilder s = new StringBuilder();
    m.forEach((k, v) -> s.append(s.length() == 0 ? "" : "&").append(URLEncoder.encode(String.valueOf(k), StandardCharsets.UTF_8))
        .append('=').append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)));
    return s.toString();
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new ModuleArgumentException("body cannot be written as JSON: " + e.getMessage());
    }
  }
}
