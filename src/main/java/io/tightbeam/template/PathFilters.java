package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import io.tightbeam.py.Tuple;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Ansible's path filters, with Python's os.path (POSIX) and ntpath rules: basename, dirname,
 * expanduser, expandvars, path_join, realpath, relpath, splitext, win_*, fileglob.
 */
final class PathFilters {
  private static final Pattern VAR = Pattern.compile("\\$(\\w+|\\{[^}]*\\})");

  private PathFilters() {}

  static void register(Catalogue c) {
    c.filter("basename", (v, a, e) -> {
      String s = path(v);
      return s.substring(s.lastIndexOf('/') + 1);
    });
    c.filter("dirname", (v, a, e) -> dirname(path(v)));
    c.filter("expanduser", (v, a, e) -> expandUser(path(v)));
    c.filter("expandvars", (v, a, e) -> expandVars(path(v), System.getenv()));
    c.filter("path_join", (v, a, e) -> {
      if (v instanceof String s) {
        return s;
      }
      if (!(v instanceof List<?> parts)) {
        throw new TemplateException("|path_join expects string or sequence, got "
            + AnsibleListFilters.pyClass(v) + " instead.");
      }
      String out = "";
      for (Object part : parts) {
        String p = path(part);
        if (p.startsWith("/") || out.isEmpty()) {
          out = p;
        } else {
          out = out.endsWith("/") ? out + p : out + "/" + p;
        }
      }
      return out;
    });
    c.filter("realpath", (v, a, e) -> realpath(path(v)));
    c.filter("relpath", (v, a, e) -> {
      Object start = a.get(0, "start", null);
      Path from = Path.of(start == null ? "" : path(start)).toAbsolutePath().normalize();
      Path to = Path.of(path(v)).toAbsolutePath().normalize();
      String rel = from.relativize(to).toString();
      return rel.isEmpty() ? "." : rel;
    });
    c.filter("splitext", (v, a, e) -> splitext(path(v)));
    c.filter("win_basename", (v, a, e) -> {
      String rest = winSplitDrive(path(v)).get(1).toString();
      return rest.substring(Math.max(rest.lastIndexOf('\\'), rest.lastIndexOf('/')) + 1);
    });
    c.filter("win_dirname", (v, a, e) -> {
      Tuple parts = winSplitDrive(path(v));
      String rest = parts.get(1).toString();
      int i = Math.max(rest.lastIndexOf('\\'), rest.lastIndexOf('/')) + 1;
      String head = rest.substring(0, i);
      if (!head.matches("[\\\\/]*")) {
        head = head.replaceAll("[\\\\/]+$", "");
      }
      return parts.get(0) + head;
    });
    c.filter("win_splitdrive", (v, a, e) -> winSplitDrive(path(v)));
    c.filter("fileglob", (v, a, e) -> Glob.files(Items.str(v)));
  }

  static String path(Object v) {
    Items.failIfUndefined(v);
    if (v instanceof String s) {
      return s;
    }
    throw new PyException("expected str, bytes or os.PathLike object, not " + Py.typeName(v));
  }

  static String dirname(String s) {
    int i = s.lastIndexOf('/') + 1;
    String head = s.substring(0, i);
    return !head.isEmpty() && !head.matches("/+") ? head.replaceAll("/+$", "") : head;
  }

  private static String expandUser(String s) {
    if (!s.startsWith("~")) {
      return s;
    }
    int slash = s.indexOf('/');
    String user = s.substring(1, slash < 0 ? s.length() : slash);
    String rest = slash < 0 ? "" : s.substring(slash);
    String home;
    if (user.isEmpty()) {
      home = System.getenv().getOrDefault("HOME", System.getProperty("user.home"));
    } else {
      home = passwdHome(user);
      if (home == null) {
        return s;
      }
    }
    return (home.endsWith("/") && !rest.isEmpty() ? home.substring(0, home.length() - 1) : home)
        + rest;
  }

  private static String passwdHome(String user) {
    try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"))) {
      return lines.map(l -> l.split(":", -1)).filter(f -> f.length > 5 && f[0].equals(user))
          .map(f -> f[5]).findFirst().orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  static String expandVars(String s, Map<String, String> env) {
    Matcher m = VAR.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1).startsWith("{")
          ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
      String value = env.get(name);
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String realpath(String s) {
    Path p = Path.of(s).toAbsolutePath().normalize();
    Path existing = p;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return p.toString();
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(p)).normalize().toString();
    } catch (IOException e) {
      return p.toString();
    }
  }

  static Tuple splitext(String s) {
    int slash = s.lastIndexOf('/');
    int dot = s.lastIndexOf('.');
    if (dot > slash) {
      int start = slash + 1;
      while (start < dot && s.charAt(start) == '.') {
        start++;
      }
      if (start < dot) {
        return Tuple.of(s.substring(0, dot), s.substring(dot));
      }
    }
    return Tuple.of(s, "");
  }

  /** Python's ntpath.splitdrive: a drive letter or a UNC {@code \\server\share} prefix. */
  static Tuple winSplitDrive(String s) {
    String norm = s.replace('/', '\\');
    if (norm.startsWith("\\\\") && !norm.startsWith("\\\\\\")) {
      int server = norm.indexOf('\\', 2);
      if (server < 0) {
        return Tuple.of("", s);
      }
      int share = norm.indexOf('\\', server + 1);
      if (share == server + 1) {
        return Tuple.of("", s);
      }
      int end = share < 0 ? s.length() : share;
      return Tuple.of(s.substring(0, end), s.substring(end));
    }
    if (s.length() >= 2 && s.charAt(1) == ':') {
      return Tuple.of(s.substring(0, 2), s.substring(2));
    }
    return Tuple.of("", s);
  }

}
