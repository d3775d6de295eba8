package io.tightbeam.template;

import io.tightbeam.py.PyException;
import io.tightbeam.py.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Ansible's regex filters with Python's re syntax translated to Java's: named groups
 * {@code (?P<name>)} (renamed, since Java forbids {@code _} in names), {@code \Z}, and
 * re.sub's replacement escapes.
 */
final class RegexFilters {
  private static final Pattern NAMED = Pattern.compile("\\(\\?P<(\\w+)>|\\(\\?P=(\\w+)\\)");

  private RegexFilters() {}

  /** A Python pattern compiled for Java, with its group names mapped. */
  record PyPattern(Pattern pattern, Map<String, String> names) {
    String group(String pythonName) {
      String javaName = names.get(pythonName);
      if (javaName == null) {
        throw new PyException("unknown group name '" + pythonName + "'");
      }
      return javaName;
    }
  }

  static void register(Catalogue c) {
    c.filter("regex_replace", (v, a, e) -> {
      PyPattern p = compile(Items.str(a.get(0, "pattern", "")), a, 2, 3);
      return replace(p, Items.str(v), Items.str(a.get(1, "replacement", "")));
    });
    c.filter("regex_findall", (v, a, e) -> {
      PyPattern p = compile(Items.str(a.get(0, "regex", "")), a, 2, 1);
      Matcher m = p.pattern().matcher(Items.str(v));
      List<Object> out = new ArrayList<>();
      while (m.find()) {
        if (m.groupCount() == 0) {
          out.add(m.group());
        } else if (m.groupCount() == 1) {
          out.add(m.group(1) == null ? "" : m.group(1));
        } else {
          List<Object> groups = new ArrayList<>();
          for (int i = 1; i <= m.groupCount(); i++) {
            groups.add(m.group(i) == null ? "" : m.group(i));
          }
          out.add(Tuple.copyOf(groups));
        }
      }
      return out;
    });
    c.filter("regex_search", RegexFilters::search);
    c.filter("regex_escape", (v, a, e) -> {
      String type = Items.str(a.get(0, "re_type", "python"));
      String s = Items.str(v);
      return switch (type) {
        case "python" -> escape(s, "()[]{}?*+-|^$\\.&~# \t\n\r\u000b\f");
        case "posix_basic" -> escape(s, "].[^*$");
        case "posix_extended" -> throw new TemplateException(
            "Regex type (" + type + ") not yet implemented");
        default -> throw new TemplateException("Invalid regex type (" + type + ")");
      };
    });
  }

  private static String escape(String s, String special) {
    StringBuilder out = new StringBuilder();
    for (char ch : s.toCharArray()) {
      if (special.indexOf(ch) >= 0) {
        out.append('\\');
      }
      out.append(ch);
    }
    return out.toString();
  }

  /** Compiles with the ignorecase and multiline flags, found by name or at the given positions. */
  static PyPattern compile(String pattern, Args a, int ignoreCaseAt, int multilineAt) {
    int flags = 0;
    if (Items.truth(a.get(ignoreCaseAt, "ignorecase", false))) {
      flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    }
    if (Items.truth(a.get(multilineAt, "multiline", false))) {
      flags |= Pattern.MULTILINE;
    }
    Map<String, String> names = new LinkedHashMap<>();
    Matcher m = NAMED.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      if (m.group(1) != null) {
        String javaName = "g" + names.size() + "n" + m.group(1).replaceAll("[^A-Za-z0-9]", "");
        names.put(m.group(1), javaName);
        m.appendReplacement(out, Matcher.quoteReplacement("(?<" + javaName + ">"));
      } else {
        String javaName = names.getOrDefault(m.group(2), m.group(2));
        m.appendReplacement(out, Matcher.quoteReplacement("\\k<" + javaName + ">"));
      }
    }
    m.appendTail(out);
    String javaPattern = out.toString().replace("\\Z", "\\z");
    try {
      return new PyPattern(Pattern.compile(javaPattern, flags | Pattern.UNICODE_CHARACTER_CLASS),
          names);
    } catch (PatternSyntaxException ex) {
      throw new PyException(PythonPattern.error(pattern, ex));
    }
  }

  /** Python's re.sub(pattern, repl, s): every match, repl's escapes and group references. */
  static String replace(PyPattern p, String s, String repl) {
    Matcher m = p.pattern().matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(expand(p, m, repl)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String expand(PyPattern p, Matcher m, String repl) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < repl.length(); i++) {
      char ch = repl.charAt(i);
      if (ch != '\\' || i + 1 >= repl.length()) {
        out.append(ch);
        continue;
      }
      char n = repl.charAt(++i);
      if (Character.isDigit(n)) {
        int j = i + 1;
        if (j < repl.length() && Character.isDigit(repl.charAt(j))) {
          j++;
        }
        out.append(group(m, Integer.parseInt(repl.substring(i, j))));
        i = j - 1;
      } else if (n == 'g' && i + 1 < repl.length() && repl.charAt(i + 1) == '<') {
        int end = repl.indexOf('>', i);
        String ref = repl.substring(i + 2, end);
        out.append(ref.matches("\\d+") ? group(m, Integer.parseInt(ref))
            : nullToEmpty(m.group(p.group(ref))));
        i = end;
      } else {
        switch (n) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'f' -> out.append('\f');
          case 'v' -> out.append('\u000b');
          case 'a' -> out.append('\u0007');
          case 'b' -> out.append('\b');
          case '\\' -> out.append('\\');
          default -> {
            if ((n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z')) {
              throw new PyException("bad escape \\" + n + " at position " + (i - 1));
            }
            out.append('\\').append(n);
          }
        }
      }
    }
    return out.toString();
  }

  private static String group(Matcher m, int n) {
    if (n > m.groupCount()) {
      throw new PyException("invalid group reference " + n);
    }
    return nullToEmpty(m.group(n));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static Object search(Object v, Args a, Env e) {
    PyPattern p = compile(Items.str(a.get(0, "regex", "")), a, -1, -1);
    Matcher m = p.pattern().matcher(Items.str(v));
    List<Object> refs = new ArrayList<>();
    for (int i = 1; i < a.size(); i++) {
      String arg = Items.str(a.positional()[i]);
      Matcher named = Pattern.compile("^\\\\g<(\\S+)>").matcher(arg);
      Matcher numbered = Pattern.compile("^\\\\(\\d+)").matcher(arg);
      if (arg.startsWith("\\g") && named.find()) {
        refs.add(named.group(1));
      } else if (arg.startsWith("\\") && numbered.find()) {
        refs.add(Integer.parseInt(numbered.group(1)));
      } else {
        throw new TemplateException("Unknown argument");
      }
    }
    if (!m.find()) {
      return null;
    }
    if (refs.isEmpty()) {
      return m.group();
    }
    List<Object> out = new ArrayList<>();
    for (Object ref : refs) {
      out.add(ref instanceof Integer n ? m.group(n) : m.group(p.group((String) ref)));
    }
    return out;
  }
}
