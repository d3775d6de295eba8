package io.tightbeam.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** String, regex, path, encoding and serialisation filters. */
final class TextFilters {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SHELL_SAFE = Pattern.compile("[\\w@%+=:,./-]+");

  private TextFilters() {}

  static void register(Catalogue c) {
    c.filter("to_json", (v, a, env) -> Json.dump(Literals.plain(v), -1, a.bool(-1, "sort_keys", false)));
    c.filter("to_nice_json", (v, a, env) -> Json.dump(Literals.plain(v), a.integer(-1, "indent", 4), true));
    c.filter("from_json", (v, a, env) -> {
      try {
        return Literals.plain(JSON.readValue(io.tightbeam.py.Py.str(v), Object.class));
      } catch (java.io.IOException e) {
        throw new TemplateException("from_json: invalid JSON: " + e.getMessage(), e);
      }
    });
    c.filter("to_yaml", (v, a, env) -> yaml(false, 2).dump(Literals.plain(v)));
    c.filter("to_nice_yaml", (v, a, env) -> yaml(true, a.integer(-1, "indent", 4)).dump(Literals.plain(v)));
    c.filter("from_yaml", (v, a, env) ->
        Literals.plain(new Yaml(new SafeConstructor(new LoaderOptions())).load(io.tightbeam.py.Py.str(v))));
    c.filter("regex_replace", (v, a, env) -> {
      Matcher m = regex(a.string(0, "pattern", ""), a).matcher(io.tightbeam.py.Py.str(v));
      return m.replaceAll(javaReplacement(a.string(1, "replacement", "")));
    });
    c.filter("regex_search", (v, a, env) -> TextFilters.regexSearch(v, a));
    c.filter("regex_findall", (v, a, env) -> {
      Matcher m = regex(a.string(0, "regex", ""), a).matcher(io.tightbeam.py.Py.str(v));
      List<Object> out = new ArrayList<>();
      while (m.find()) {
        if (m.groupCount() == 0) {
          out.add(m.group());
        } else if (m.groupCount() == 1) {
          out.add(m.group(1));
        } else {
          List<Object> groups = new ArrayList<>();
          for (int i = 1; i <= m.groupCount(); i++) {
            groups.add(m.group(i) == null ? "" : m.group(i));
          }
          out.add(groups);
        }
      }
      return out;
    });
    c.filter("replace", (v, a, env) -> {
      String s = io.tightbeam.py.Py.str(v);
      String old = a.string(0, "old", "");
      String repl = a.string(1, "new", "");
      int count = a.integer(2, "count", -1);
      if (count < 0) {
        return s.replace(old, repl);
      }
      StringBuilder out = new StringBuilder();
      int from = 0;
      for (int i = s.indexOf(old); i >= 0 && count-- > 0; i = s.indexOf(old, from)) {
        out.append(s, from, i).append(repl);
        from = i + old.length();
      }
      return out.append(s.substring(from)).toString();
    });
    c.filter("lower", (v, a, env) -> io.tightbeam.py.Py.str(v).toLowerCase(Locale.ROOT));
    c.filter("upper", (v, a, env) -> io.tightbeam.py.Py.str(v).toUpperCase(Locale.ROOT));
    c.filter("trim", (v, a, env) -> io.tightbeam.py.Py.str(v).strip());
    c.filter("split", (v, a, env) ->
        Methods.split(io.tightbeam.py.Py.str(v), a.string(0, "sep", null), a.integer(1, "maxsplit", -1)));
    c.filter("basename", (v, a, env) -> {
      String s = io.tightbeam.py.Py.str(v);
      return s.substring(s.lastIndexOf('/') + 1);
    });
    c.filter("dirname", (v, a, env) -> {
      String s = io.tightbeam.py.Py.str(v);
      int i = s.lastIndexOf('/');
      if (i < 0) {
        return "";
      }
      String head = s.substring(0, i + 1);
      return head.matches("/+") ? head : head.replaceAll("/+$", "");
    });
    c.filter("quote", (v, a, env) -> quote(v == null ? "" : io.tightbeam.py.Py.str(v)));
    c.filter("b64encode", (v, a, env) ->
        Base64.getEncoder().encodeToString(io.tightbeam.py.Py.str(v).getBytes(StandardCharsets.UTF_8)));
    c.filter("b64decode", (v, a, env) ->
        new String(Base64.getMimeDecoder().decode(io.tightbeam.py.Py.str(v)), StandardCharsets.UTF_8));
    c.filter("hash", (v, a, env) -> hash(io.tightbeam.py.Py.str(v), a.string(0, "hashtype", "sha1")));
    c.filter("checksum", (v, a, env) -> hash(io.tightbeam.py.Py.str(v), "sha1"));
    c.filter("sha1", (v, a, env) -> hash(io.tightbeam.py.Py.str(v), "sha1"));
    c.filter("md5", (v, a, env) -> hash(io.tightbeam.py.Py.str(v), "md5"));
  }

  /** Python's shlex.quote. */
  static String quote(String s) {
    if (s.isEmpty()) {
      return "''";
    }
    if (SHELL_SAFE.matcher(s).matches()) {
      return s;
    }
    return "'" + s.replace("'", "'\"'\"'") + "'";
  }

  private static String hash(String s, String type) {
    String algorithm = switch (type.toLowerCase(Locale.ROOT)) {
      case "sha1" -> "SHA-1";
      case "md5" -> "MD5";
      case "sha224" -> "SHA-224";
      case "sha256" -> "SHA-256";
      case "sha384" -> "SHA-384";
      case "sha512" -> "SHA-512";
      default -> throw new TemplateException("hash: unsupported hash type '" + type + "'");
    };
    try {
      byte[] digest = MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new TemplateException("hash: " + type + " is not available", e);
    }
  }

  private static Pattern regex(String pattern, Args a) {
    int flags = 0;
    if (a.bool(-1, "ignorecase", false)) {
      flags |= Pattern.CASE_INSENSITIVE;
    }
    if (a.bool(-1, "multiline", false)) {
      flags |= Pattern.MULTILINE;
    }
    return Pattern.compile(pythonRegex(pattern), flags);
  }

  /** Python's named groups {@code (?P<n>…)} and {@code (?P=n)} in Java's spelling. */
  static String pythonRegex(String pattern) {
    return pattern.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>");
  }

  /** Python replacement syntax ({@code \1}, {@code \g<name>}) to Java's ({@code $1}, {@code ${name}}). */
  private static String javaReplacement(String repl) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < repl.length(); i++) {
      char c = repl.charAt(i);
      if (c == '\\' && i + 1 < repl.length()) {
        char n = repl.charAt(i + 1);
        if (Character.isDigit(n)) {
          out.append('$').append(n);
          i++;
          continue;
        }
        if (n == 'g' && i + 2 < repl.length() && repl.charAt(i + 2) == '<') {
          int end = repl.indexOf('>', i);
          out.append("${").append(repl, i + 3, end).append('}');
          i = end;
          continue;
        }
        out.append(n == '\\' ? "\\\\" : String.valueOf(n));
        i++;
        continue;
      }
      if (c == '$') {
        out.append("\\$");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static Object regexSearch(Object v, Args a) {
    Matcher m = regex(a.string(0, "regex", ""), a).matcher(io.tightbeam.py.Py.str(v));
    if (!m.find()) {
      return null;
    }
    if (a.size() <= 1) {
      return m.group();
    }
    List<Object> out = new ArrayList<>();
    for (int i = 1; i < a.size(); i++) {
      String ref = io.tightbeam.py.Py.str(a.positional()[i]);
      if (ref.matches("\\\\\\d+")) {
        out.add(m.group(Integer.parseInt(ref.substring(1))));
      } else if (ref.matches("\\\\g<\\w+>")) {
        out.add(m.group(ref.substring(3, ref.length() - 1)));
      } else {
        throw new TemplateException("Unknown argument to regex_search: " + ref);
      }
    }
    return out;
  }

  private static Yaml yaml(boolean nice, int indent) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(nice ? DumperOptions.FlowStyle.BLOCK : DumperOptions.FlowStyle.AUTO);
    options.setIndent(Math.max(2, indent));
    options.setAllowUnicode(true);
    options.setWidth(nice ? 80 : Integer.MAX_VALUE);
    return new Yaml(options);
  }
}
