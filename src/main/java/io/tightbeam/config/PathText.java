package io.tightbeam.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Local paths from settings as Ansible resolves them: {@code ~} is the home directory, {@code $VAR}
 * and {@code ${VAR}} come from the environment (unknown ones stay as written), and a relative path
 * is taken from the directory of the file that set it (or the working directory).
 */
final class PathText {
  private static final Pattern VAR = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)\\}|([A-Za-z_][A-Za-z0-9_]*))");

  private PathText() {}

  static Path resolve(String text, Path base, Map<String, String> env, Path home) {
    String s = text;
    if (s.equals("~") || s.startsWith("~/")) {
      s = home + s.substring(1);
    }
    Matcher m = VAR.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      String value = env.get(name);
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return base.resolve(out.toString()).normalize();
  }
}
