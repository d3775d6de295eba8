package io.tightbeam.config;

import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import io.tightbeam.yaml.Pos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An ansible.cfg read as Python's {@code configparser} reads it for Ansible: {@code [section]}
 * headers, {@code key = value} or {@code key: value} (keys lower-cased), whole-line {@code #} and
 * {@code ;} comments, inline {@code ;} comments after whitespace, indented continuation lines, no
 * interpolation (Ansible reads raw values). Duplicate keys and lines outside a section are errors.
 */
record ConfigFile(Path path, Map<String, Map<String, String>> sections) {

  /** The value of {@code key} in {@code section}, or null. */
  String get(String section, String key) {
    Map<String, String> s = sections.get(section);
    return s == null ? null : s.get(key);
  }

  static ConfigFile read(Path path) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw error(path, 0, "Error reading config file (" + path + "): " + e.getMessage());
    }
    return parse(path, text);
  }

  static ConfigFile parse(Path path, String text) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> current = null;
    String section = null;
    String lastKey = null;
    int keyIndent = 0;
    String[] lines = text.split("\r?\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      String raw = stripInlineComment(lines[i]);
      String stripped = raw.strip();
      int indent = raw.length() - raw.stripLeading().length();
      if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
        // configparser ends a value at a comment line only if it is not indented further.
        if (stripped.isEmpty()) {
          lastKey = null;
        }
        continue;
      }
      if (current != null && lastKey != null && indent > keyIndent) {
        current.put(lastKey, current.get(lastKey) + "\n" + stripped);
        continue;
      }
      if (stripped.startsWith("[") && stripped.endsWith("]")) {
        section = stripped.substring(1, stripped.length() - 1);
        if (sections.containsKey(section)) {
          throw error(path, i + 1, "Error reading config file (" + path + "): While reading from '"
              + path + "' [line " + pad(i + 1) + "]: section '" + section + "' already exists");
        }
        current = new LinkedHashMap<>();
        sections.put(section, current);
        lastKey = null;
        continue;
      }
      if (current == null) {
        throw error(path, i + 1, "Error reading config file (" + path
            + "): File contains no section headers.\nfile: '" + path + "', line: " + (i + 1)
            + "\n'" + lines[i] + "\\n'");
      }
      int eq = firstDelimiter(stripped);
      if (eq <= 0) {
        throw error(path, i + 1, "Error reading config file (" + path
            + "): Source contains parsing errors: '" + path + "'\n\t[line " + pad(i + 1) + "]: '"
            + lines[i] + "\\n'");
      }
      String key = stripped.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      if (current.containsKey(key)) {
        throw error(path, i + 1, "Error reading config file (" + path + "): While reading from '"
            + path + "' [line " + pad(i + 1) + "]: option '" + key + "' in section '" + section
            + "' already exists");
      }
      current.put(key, stripped.substring(eq + 1).strip());
      lastKey = key;
      keyIndent = indent;
    }
    return new ConfigFile(path, sections);
  }

  private static String pad(int line) {
    return String.format("%2d", line);
  }

  private static int firstDelimiter(String line) {
    int eq = line.indexOf('=');
    int colon = line.indexOf(':');
    if (eq < 0) {
      return colon;
    }
    if (colon < 0) {
      return eq;
    }
    return Math.min(eq, colon);
  }

  private static String stripInlineComment(String line) {
    for (int i = 1; i < line.length(); i++) {
      if (line.charAt(i) == ';' && Character.isWhitespace(line.charAt(i - 1))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static InputException error(Path path, int line, String message) {
    return new InputException(List.of(Diagnostic.at(new Pos(path.toString(), line, 0), message)), 5);
  }
}
