package io.tightbeam.template;

import io.tightbeam.py.Py;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The url lookup: the body of a GET on the controller, split into lines unless
 * {@code split_lines=false}. Basic auth, headers, agent, timeout, redirects and certificate
 * checking follow Ansible's options; proxies are not used.
 */
final class UrlLookup {
  private UrlLookup() {}

  static void register(Catalogue c) {
    c.lookup("url", UrlLookup::run);
  }

  private static List<Object> run(List<Object> terms, Map<String, Object> options, Env env) {
    HttpClient client = client(options);
    List<Object> out = new ArrayList<>();
    for (Object t : terms) {
      String term = Py.str(t);
      String body = get(client, term, options);
      if (FileSearch.flag(options, "split_lines", true)) {
        out.addAll(FileLookups.splitLines(body));
      } else {
        out.add(body);
      }
    }
    return out;
  }

  private static HttpClient client(Map<String, Object> options) {
    String follow = FileSearch.text(options, "follow_redirects", "urllib2");
    boolean none = List.of("none", "no", "false").contains(follow);
    HttpClient.Builder b = HttpClient.newBuilder()
        .followRedirects(none ? HttpClient.Redirect.NEVER : HttpClient.Redirect.NORMAL)
        .connectTimeout(timeout(options));
    if (!FileSearch.flag(options, "validate_certs", true)) {
      b.sslContext(trustingEveryone());
    }
    return b.build();
  }

  private static Duration timeout(Map<String, Object> options) {
    Object t = options.getOrDefault("timeout", 10);
    return Duration.ofMillis((long) (Py.isNumeric(t) ? Py.toDouble(t) * 1000
        : Double.parseDouble(Py.str(t)) * 1000));
  }

  private static String get(HttpClient client, String term, Map<String, Object> options) {
    URI uri;
    try {
      uri = URI.create(term);
    } catch (IllegalArgumentException ex) {
      throw new TemplateException("Failed lookup url for " + term + " : <urlopen error unknown "
          + "url type: " + Py.repr(term) + ">");
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(timeout(options))
        .header("User-Agent", FileSearch.text(options, "http_agent", "ansible-httpget"));
    if (options.get("headers") instanceof Map<?, ?> headers) {
      headers.forEach((k, v) -> request.header(Py.str(k), Py.str(v)));
    }
    String user = FileSearch.text(options, "username", null);
    String auth = user == null ? null : "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + FileSearch.text(options, "password", "")).getBytes(StandardCharsets.UTF_8));
    if (auth != null && FileSearch.flag(options, "force_basic_auth", false)) {
      request.header("Authorization", auth);
    }
    try {
      HttpResponse<byte[]> response = client.send(request.build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() == 401 && auth != null
          && !FileSearch.flag(options, "force_basic_auth", false)) {
        // urllib's basic-auth handler answers the server's challenge once
        response = client.send(request.header("Authorization", auth).build(),
            HttpResponse.BodyHandlers.ofByteArray());
      }
      if (response.statusCode() >= 300) {
        throw new TemplateException("Received HTTP error for " + term + " : HTTP Error "
            + response.statusCode() + ": " + HttpReasons.of(response.statusCode()));
      }
      return new String(response.body(), StandardCharsets.UTF_8);
    } catch (SSLHandshakeException ex) {
      throw new TemplateException("Error validating the server's certificate for " + term + ": "
          + ex.getMessage(), ex);
    } catch (IOException ex) {
      throw new TemplateException("Failed lookup url for " + term + " : <urlopen error "
          + (ex instanceof java.net.ConnectException ? "[Errno 111] Connection refused"
              : String.valueOf(ex.getMessage())) + ">", ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new TemplateException("Failed lookup url for " + term + " : interrupted", ex);
    }
  }

  private static SSLContext trustingEveryone() {
    TrustManager[] all = {new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    }};
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, all, null);
      return context;
    } catch (GeneralSecurityException ex) {
      throw new IllegalStateException("every JDK has TLS", ex);
    }
  }

  /** Python's http.HTTPStatus phrases for the statuses a lookup meets. */
  private static final class HttpReasons {
    private static final Map<Integer, String> PHRASES = Map.ofEntries(
        Map.entry(300, "Multiple Choices"), Map.entry(301, "Moved Permanently"),
        Map.entry(302, "Found"), Map.entry(303, "See Other"), Map.entry(304, "Not Modified"),
        Map.entry(307, "Temporary Redirect"), Map.entry(308, "Permanent Redirect"),
        Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
        Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
        Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"),
        Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"), Map.entry(410, "Gone"),
        Map.entry(418, "I'm a Teapot"), Map.entry(429, "Too Many Requests"),
        Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"),
        Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
        Map.entry(504, "Gateway Timeout"));

    static String of(int status) {
      return PHRASES.getOrDefault(status, "");
    }
  }
}
