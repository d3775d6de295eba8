package io.tightbeam.output;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Block YAML as PyYAML's {@code yaml.dump(data, default_flow_style=False, allow_unicode=True,
 * indent=N)} writes it, for the callbacks' {@code result_format: yaml}: sorted keys, sequences
 * in a mapping not indented, strings plain when they read back as strings, else quoted, folded
 * at 80 columns; strings with line breaks as {@code |} blocks, as Ansible's callback representer
 * asks, {@code lossy} changing them (trailing spaces, tabs...) so that a block is allowed.
 */
final class PyYaml {
  private static final int WIDTH = 80;
  private static final String BREAKS = "\n\u0085\u2028\u2029";

  private final StringBuilder out = new StringBuilder();
  private final int step;
  private final boolean lossy;
  private int column;
  private boolean whitespace = true;
  private boolean indention = true;

  private PyYaml(int step, boolean lossy) {
    this.step = step;
    this.lossy = lossy;
  }

  static String dump(Object data, int indent, boolean lossy) {
    PyYaml y = new PyYaml(indent < 2 || indent > 9 ? 2 : indent, lossy);
    y.value(data, 0, 0, 0);
    y.writeIndent(0);
    return y.out.toString();
  }

  /**
   * One node: a mapping at {@code mapIndent}, a sequence at {@code seqIndent} (a mapping's
   * sequence is not indented), a scalar folded at {@code scalarIndent} (its container's plus a step).
   */
  private void value(Object v, int mapIndent, int seqIndent, int scalarIndent) {
    if (v instanceof Map<?, ?> m && !m.isEmpty()) {
      mapping(m, mapIndent);
    } else if (v instanceof Collection<?> c && !c.isEmpty()) {
      sequence(c, seqIndent);
    } else {
      scalar(v, scalarIndent, false);
    }
  }

  private void mapping(Map<?, ?> m, int indent) {
    Map<String, Object> sorted = new TreeMap<>();
    m.forEach((k, val) -> sorted.put(PyText.str(k), val));
    for (Map.Entry<String, Object> e : sorted.entrySet()) {
      writeIndent(indent);
      scalar(e.getKey(), indent + step, true);
      indicator(":", false, false);
      value(e.getValue(), indent + step, indent, indent + step);
    }
  }

  private void sequence(Collection<?> c, int indent) {
    for (Object item : c) {
      writeIndent(indent);
      indicator("-", true, true);
      value(item, indent + step, indent + step, indent + step);
    }
  }

  private void scalar(Object v, int indent, boolean simpleKey) {
    if (v instanceof Map<?, ?>) {
      indicator("{}", true);
      return;
    }
    if (v instanceof Collection<?>) {
      indicator("[]", true);
      return;
    }
    if (v == null) {
      plain("null", indent);
    } else if (v instanceof Boolean b) {
      plain(b ? "true" : "false", indent);
    } else if (v instanceof Double || v instanceof Float) {
      plain(floatText(((Number) v).doubleValue()), indent);
    } else if (v instanceof Number) {
      plain(v.toString(), indent);
    } else {
      string(PyText.str(v), indent, simpleKey);
    }
  }

  private static String floatText(double d) {
    if (Double.isNaN(d)) {
      return ".nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? ".inf" : "-.inf";
    }
    String r = PyText.str(d);
    if (!r.contains(".") && r.contains("e")) {
      r = r.replace("e", ".0e");
    }
    return r;
  }

  private void string(String s, int indent, boolean simpleKey) {
    // Ansible's representer asks for a literal block whenever a string has a line break
    boolean block = containsBreak(s);
    String text = block && lossy ? YamlScalar.lossy(s) : s;
    YamlScalar a = YamlScalar.analyze(text);
    if (block) {
      if (!simpleKey && a.allowBlock()) {
        literal(text, indent);
      } else {
        doubleQuoted(text, indent);
      }
    } else if (!(simpleKey && a.empty()) && a.blockPlain() && YamlScalar.readsAsString(text)) {
      plain(text, indent);
    } else if (a.singleQuoted()) {
      singleQuoted(text, indent);
    } else {
      doubleQuoted(text, indent);
    }
  }

  private static boolean containsBreak(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (BREAKS.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private void write(String s) {
    out.append(s);
    column += s.codePointCount(0, s.length());
  }

  private void indicator(String s, boolean needWhitespace) {
    indicator(s, needWhitespace, false);
  }

  private void indicator(String s, boolean needWhitespace, boolean keepIndention) {
    write(whitespace || !needWhitespace ? s : " " + s);
    whitespace = false;
    indention = indention && keepIndention;
  }

  private void lineBreak() {
    out.append('\n');
    column = 0;
    whitespace = true;
    indention = true;
  }

  private void lineBreak(char br) {
    out.append(br);
    column = 0;
    whitespace = true;
    indention = true;
  }

  private void writeIndent(int indent) {
    if (!indention || column > indent || (column == indent && !whitespace)) {
      lineBreak();
    }
    if (column < indent) {
      whitespace = true;
      out.append(" ".repeat(indent - column));
      column = indent;
    }
  }

  private void plain(String text, int indent) {
    if (text.isEmpty()) {
      return;
    }
    if (!whitespace) {
      write(" ");
    }
    whitespace = false;
    indention = false;
    boolean spaces = false;
    int start = 0;
    for (int end = 0; end <= text.length(); end++) {
      char ch = end < text.length() ? text.charAt(end) : 0;
      boolean none = end == text.length();
      if (spaces) {
        if (none || ch != ' ') {
          if (start + 1 == end && column > WIDTH) {
            writeIndent(indent);
            whitespace = false;
            indention = false;
          } else {
            write(text.substring(start, end));
          }
          start = end;
        }
      } else if (none || ch == ' ') {
        write(text.substring(start, end));
        start = end;
      }
      spaces = !none && ch == ' ';
    }
  }

  private void singleQuoted(String text, int indent) {
    indicator("'", true);
    boolean spaces = false;
    boolean breaks = false;
    int start = 0;
    for (int end = 0; end <= text.length(); end++) {
      boolean none = end == text.length();
      char ch = none ? 0 : text.charAt(end);
      if (spaces) {
        if (none || ch != ' ') {
          if (start + 1 == end && column > WIDTH && start != 0 && end != text.length()) {
            writeIndent(indent);
          } else {
            write(text.substring(start, end));
          }
          start = end;
        }
      } else if (breaks) {
        if (none || BREAKS.indexOf(ch) < 0) {
          if (text.charAt(start) == '\n') {
            lineBreak();
          }
          for (char br : text.substring(start, end).toCharArray()) {
            if (br == '\n') {
              lineBreak();
            } else {
              lineBreak(br);
            }
          }
          writeIndent(indent);
          start = end;
        }
      } else if (none || ch == ' ' || ch == '\'' || BREAKS.indexOf(ch) >= 0) {
        if (start < end) {
          write(text.substring(start, end));
          start = end;
        }
      }
      if (ch == '\'' && !none) {
        write("''");
        start = end + 1;
      }
      if (!none) {
        spaces = ch == ' ';
        breaks = BREAKS.indexOf(ch) >= 0;
      }
    }
    indicator("'", false);
  }

  private void doubleQuoted(String text, int indent) {
    indicator("\"", true);
    int start = 0;
    for (int end = 0; end <= text.length(); end++) {
      boolean none = end == text.length();
      char ch = none ? 0 : text.charAt(end);
      if (none || "\"\\\u0085\u2028\u2029\uFEFF".indexOf(ch) >= 0 || !YamlScalar.printable(ch)) {
        if (start < end) {
          write(text.substring(start, end));
          start = end;
        }
        if (!none) {
          write(YamlScalar.escape(text, end));
          if (Character.isHighSurrogate(ch) && end + 1 < text.length()) {
            end++;
          }
          start = end + 1;
        }
      }
      if (0 < end && end < text.length() - 1 && (ch == ' ' || start >= end)
          && column + (end - start) > WIDTH) {
        String data = text.substring(start, end) + "\\";
        if (start < end) {
          start = end;
        }
        write(data);
        writeIndent(indent);
        whitespace = false;
        indention = false;
        if (text.charAt(start) == ' ') {
          write("\\");
        }
      }
    }
    indicator("\"", false);
  }

  private void literal(String text, int indent) {
    String hints = YamlScalar.blockHints(text, step);
    indicator("|" + hints, true);
    lineBreak();
    boolean breaks = true;
    int start = 0;
    for (int end = 0; end <= text.length(); end++) {
      boolean none = end == text.length();
      char ch = none ? 0 : text.charAt(end);
      if (breaks) {
        if (none || BREAKS.indexOf(ch) < 0) {
          for (char br : text.substring(start, end).toCharArray()) {
            if (br == '\n') {
              lineBreak();
            } else {
              lineBreak(br);
            }
          }
          if (!none) {
            writeIndent(indent);
          }
          start = end;
        }
      } else if (none || BREAKS.indexOf(ch) >= 0) {
        write(text.substring(start, end));
        if (none) {
          lineBreak();
        }
        start = end;
      }
      if (!none) {
        breaks = BREAKS.indexOf(ch) >= 0;
      }
    }
  }

}
