package io.tightbeam.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * INI text read as Python's configparser reads it (what the ini lookup uses): sections, keys
 * lower-cased unless case-sensitive, '=' or ':' delimiters, indented continuation lines, '#' and
 * ';' comments, a DEFAULT section seen by all, and {@code %(name)s} interpolation.
 */
final class IniFile {
  private static final Pattern SECTION = Pattern.compile("\\[(.+)\\]");
  private static final Pattern OPTION = Pattern.compile("(.*?)\\s*([=:])\\s*(.*)");

  private final boolean allowNoValue;
  private final boolean caseSensitive;
  private final Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
  private final Map<String, List<String>> defaults = new LinkedHashMap<>();

  IniFile(boolean allowNoValue, boolean caseSensitive) {
    this.allowNoValue = allowNoValue;
    this.caseSensitive = caseSensitive;
  }

  /** Thrown for a duplicate option (the ini lookup names the file in its message). */
  static final class DuplicateOption extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DuplicateOption(String message) {
      super(message);
    }
  }

  /** Reads more text into this file, as configparser's read_file does. */
  void read(String text) {
    Map<String, List<String>> current = null;
    String sectionName = null;
    List<String> value = null;
    int indent = 0;
    java.util.Set<String> seenSections = new java.util.HashSet<>();
    java.util.Set<String> seenOptions = new java.util.HashSet<>();
    String[] lines = text.split("\r\n|\n|\r", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      String stripped = line.strip();
      if (stripped.startsWith("#") || stripped.startsWith(";")) {
        continue;
      }
      if (stripped.isEmpty()) {
        if (value != null) {
          value.add("");
        }
        continue;
      }
      int lineIndent = line.length() - line.stripLeading().length();
      if (current != null && value != null && lineIndent > indent) {
        value.add(stripped);
        continue;
      }
      trim(value);
      value = null;
      indent = lineIndent;
      Matcher s = SECTION.matcher(stripped);
      if (s.matches()) {
        sectionName = s.group(1);
        if (!seenSections.add(sectionName)) {
          throw PluginError.of("configparser.DuplicateSectionError",
              "While reading from '<???>' [line " + lineNumber(n) + "]: section " + quote(sectionName) + " already exists");
        }
        current = sectionName.equals("DEFAULT") ? defaults
            : sections.computeIfAbsent(sectionName, k -> new LinkedHashMap<>());
        continue;
      }
      if (current == null) {
        throw PluginError.of("configparser.MissingSectionHeaderError",
            "File contains no section headers.\nfile: '<???>', line: "
            + (n + 1) + "\n" + quote(line + "\n"));
      }
      Matcher o = OPTION.matcher(stripped);
      String name;
      if (o.matches()) {
        name = key(o.group(1).stripTrailing());
        value = new ArrayList<>(List.of(o.group(3).strip()));
      } else if (allowNoValue) {
        name = key(stripped);
        value = null;
      } else {
        throw PluginError.of("configparser.ParsingError", "Source contains parsing errors: '<???>'\n\t[line "
            + lineNumber(n) + "]: " + quote(line + "\n"));
      }
      if (!seenOptions.add(sectionName + "\0" + name)) {
        throw new DuplicateOption("While reading from '<???>' [line " + lineNumber(n)
            + "]: option " + quote(name) + " in section " + quote(sectionName)
            + " already exists");
      }
      current.put(name, value);
    }
    trim(value);
  }

  private static String lineNumber(int index) {
    return String.format("%2d", index + 1);
  }

  private static String quote(String s) {
    return io.tightbeam.py.Py.repr(s);
  }

  private static void trim(List<String> value) {
    while (value != null && value.size() > 1 && value.get(value.size() - 1).isEmpty()) {
      value.remove(value.size() - 1);
    }
  }

  private String key(String name) {
    return caseSensitive ? name : name.toLowerCase(Locale.ROOT);
  }

  boolean hasSection(String name) {
    return sections.containsKey(name);
  }

  /** Whether the section (or DEFAULT) has the key. */
  boolean has(String section, String key) {
    return raw(section, key).isPresent();
  }

  /** A key's value, interpolated; null for a key without value (ask {@link #has} first). */
  String get(String section, String key) {
    java.util.Optional<String> raw = raw(section, key).orElseThrow();
    return raw.isEmpty() ? null : interpolate(section, raw.get(), 1);
  }

  /** The value as written (Optional.empty() inside for a key without value); empty if absent. */
  private java.util.Optional<java.util.Optional<String>> raw(String section, String key) {
    Map<String, List<String>> s = sections.get(section);
    String k = key(key);
    if (s.containsKey(k) || defaults.containsKey(k)) {
      List<String> raw = s.containsKey(k) ? s.get(k) : defaults.get(k);
      return java.util.Optional.of(raw == null ? java.util.Optional.empty()
          : java.util.Optional.of(String.join("\n", raw)));
    }
    return java.util.Optional.empty();
  }

  /** The section's keys, its own first and then DEFAULT's, each once. */
  List<String> keys(String section) {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>(defaults.keySet());
    out.addAll(sections.get(section).keySet());
    return new ArrayList<>(out);
  }

  private String interpolate(String section, String value, int depth) {
    if (depth > 10) {
      throw new TemplateException("Recursion limit exceeded in value substitution");
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      int pct = value.indexOf('%', i);
      if (pct < 0) {
        out.append(value, i, value.length());
        break;
      }
      out.append(value, i, pct);
      if (value.startsWith("%%", pct)) {
        out.append('%');
        i = pct + 2;
      } else if (value.startsWith("%(", pct) && value.indexOf(")s", pct) > 0) {
        int end = value.indexOf(")s", pct);
        String ref = value.substring(pct + 2, end);
        java.util.Optional<String> v = raw(section, ref).orElseThrow(() -> new TemplateException(
            "Bad value substitution: option " + quote(key(ref)) + " in section "
                + quote(section) + " contains an interpolation key " + quote(key(ref))
                + " which is not a valid option name."));
        out.append(v.isEmpty() ? "None" : interpolate(section, v.get(), depth + 1));
        i = end + 2;
      } else {
        throw new TemplateException("'%' must be followed by '%' or '(', found: "
            + quote(value.substring(pct)));
      }
    }
    return out.toString();
  }
}
