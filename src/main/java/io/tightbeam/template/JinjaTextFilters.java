package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import io.tightbeam.py.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja2 3.1's text filters: capitalize, center, filesizeformat, format, indent, lower, upper,
 * replace, title, trim, truncate, wordcount and string.
 */
final class JinjaTextFilters {
  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern WORD_START = Pattern.compile("([-\\s({\\[<]+)");

  private JinjaTextFilters() {}

  static void register(Catalogue c) {
    c.jinjaFilter("capitalize", false, (v, a, e) -> capitalize(Items.str(v)));
    c.jinjaFilter("center", false, (v, a, e) -> center(Items.str(v), Items.integer(a.get(0, "width", 80))));
    c.jinjaFilter("string", false, (v, a, e) -> Items.str(v));
    c.jinjaFilter("filesizeformat", false, (v, a, e) ->
        fileSize(v, Items.truth(a.get(0, "binary", false))));
    c.jinjaFilter("format", false, JinjaTextFilters::format);
    c.jinjaFilter("indent", false, JinjaTextFilters::indent);
    c.jinjaFilter("lower", false, (v, a, e) -> Items.str(v).toLowerCase(Locale.ROOT));
    c.jinjaFilter("upper", false, (v, a, e) -> Items.str(v).toUpperCase(Locale.ROOT));
    c.jinjaFilter("replace", false, (v, a, e) -> replace(Items.str(v), Items.str(a.get(0, "old", null)),
        Items.str(a.get(1, "new", null)), count(a.get(2, "count", null))));
    c.jinjaFilter("title", false, (v, a, e) -> title(Items.str(v)));
    c.jinjaFilter("trim", false, (v, a, e) -> strip(Items.str(v), a.get(0, "chars", null)));
    c.jinjaFilter("truncate", false, JinjaTextFilters::truncate);
    c.jinjaFilter("wordcount", false, (v, a, e) -> {
      Matcher m = WORD.matcher(Items.str(v));
      int n = 0;
      while (m.find()) {
        n++;
      }
      return n;
    });
    JinjaMarkupFilters.register(c);
    Urlize.register(c);
    TextWrap.register(c);
  }

  static String capitalize(String s) {
    if (s.isEmpty()) {
      return s;
    }
    int first = s.codePointAt(0);
    int n = Character.charCount(first);
    return new String(Character.toChars(Character.toTitleCase(first)))
        + s.substring(n).toLowerCase(Locale.ROOT);
  }

  static String center(String s, int width) {
    int margin = width - s.length();
    if (margin <= 0) {
      return s;
    }
    int left = margin / 2 + (margin & width & 1);
    return " ".repeat(left) + s + " ".repeat(margin - left);
  }

  private static Object fileSize(Object v, boolean binary) {
    double bytes = toFloat(v);
    int base = binary ? 1024 : 1000;
    String[] prefixes = binary
        ? new String[] {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"}
        : new String[] {"kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    if (bytes == 1) {
      return "1 Byte";
    } else if (bytes < base) {
      return (long) bytes + " Bytes";
    }
    double unit = 0;
    for (int i = 0; i < prefixes.length; i++) {
      unit = Math.pow(base, i + 2);
      if (bytes < unit || i == prefixes.length - 1) {
        return oneDecimal(base * bytes / unit) + " " + prefixes[i];
      }
    }
    throw new IllegalStateException("unreachable");
  }

  static String oneDecimal(double d) {
    return new BigDecimal(d).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** Python's {@code float(v)} of a number or numeric string. */
  static double toFloat(Object v) {
    Items.failIfUndefined(v);
    if (Py.isNumeric(v)) {
      return Py.toDouble(v);
    }
    if (v instanceof String s) {
      Double d = parseFloat(s);
      if (d != null) {
        return d;
      }
      throw PyException.valueError("could not convert string to float: " + Py.repr(s));
    }
    throw new PyException("float() argument must be a string or a real number, not '"
        + Py.typeName(v) + "'");
  }

  /** Python's float() text rules (inf, nan, underscores between digits), or null. */
  static Double parseFloat(String s) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    String body = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
    if (body.equals("inf") || body.equals("infinity")) {
      return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    } else if (body.equals("nan")) {
      return Double.NaN;
    }
    if (!t.matches("[-+]?(\\d(_?\\d)*)?(\\.(\\d(_?\\d)*)?)?(e[-+]?\\d(_?\\d)*)?")
        || !t.matches(".*\\d.*e?.*") || t.matches("[-+]?\\.?e.*")) {
      return null;
    }
    try {
      return Double.parseDouble(t.replace("_", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Object format(Object v, Args a, Env e) {
    String text = Items.str(v);
    if (a.size() > 0 && !a.named().isEmpty()) {
      throw new TemplateException("can't handle positional and keyword arguments at the same time");
    }
    Object args = a.named().isEmpty() ? Tuple.of(a.positional()) : a.named();
    return PercentFormat.format(text, args);
  }

  private static Object indent(Object v, Args a, Env e) {
    if (!(v instanceof String s)) {
      throw new PyException("unsupported operand type(s) for +=: '" + Py.typeName(v)
          + "' and 'str'");
    }
    Object width = a.get(0, "width", 4);
    boolean first = Items.truth(a.get(1, "first", false));
    boolean blank = Items.truth(a.get(2, "blank", false));
    String indention = width instanceof String w ? w : " ".repeat(Items.integer(width));
    List<String> lines = splitLines(s + "\n");
    StringBuilder out = new StringBuilder();
    if (blank) {
      out.append(String.join("\n" + indention, lines));
    } else {
      out.append(lines.get(0));
      for (int i = 1; i < lines.size(); i++) {
        out.append('\n');
        if (!lines.get(i).isEmpty()) {
          out.append(indention);
        }
        out.append(lines.get(i));
      }
    }
    return first ? indention + out : out.toString();
  }

  /** Python's str.splitlines() (no line ends kept). */
  static List<String> splitLines(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if ("\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029".indexOf(c) >= 0) {
        out.add(s.substring(start, i));
        i += c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n' ? 2 : 1;
        start = i;
      } else {
        i++;
      }
    }
    if (start < s.length()) {
      out.add(s.substring(start));
    }
    return out;
  }

  private static int count(Object v) {
    return v == null ? -1 : Items.integer(v);
  }

  /** Python's str.replace, including an empty {@code old} that inserts between characters. */
  static String replace(String s, String old, String repl, int count) {
    StringBuilder out = new StringBuilder();
    if (old.isEmpty()) {
      int n = 0;
      for (int i = 0; i < s.length(); i++) {
        if (count < 0 || n < count) {
          out.append(repl);
          n++;
        }
        out.append(s.charAt(i));
      }
      if (count < 0 || n < count) {
        out.append(repl);
      }
      return out.toString();
    }
    int from = 0;
    int n = 0;
    for (int i = s.indexOf(old); i >= 0 && (count < 0 || n < count); i = s.indexOf(old, from)) {
      out.append(s, from, i).append(repl);
      from = i + old.length();
      n++;
    }
    return out.append(s.substring(from)).toString();
  }

  /** Python's str.split() with no separator: runs of whitespace, no empty strings. */
  static List<String> splitWhitespace(String s) {
    List<String> out = new ArrayList<>();
    for (String part : s.strip().split("[\\s\\x1c-\\x1f\\x85]+")) {
      if (!part.isEmpty()) {
        out.add(part);
      }
    }
    return out;
  }

  static String title(String s) {
    StringBuilder out = new StringBuilder();
    Matcher m = WORD_START.matcher(s);
    int last = 0;
    while (m.find()) {
      out.append(titleWord(s.substring(last, m.start()))).append(titleWord(m.group()));
      last = m.end();
    }
    return out.append(titleWord(s.substring(last))).toString();
  }

  private static String titleWord(String w) {
    if (w.isEmpty()) {
      return w;
    }
    int first = w.codePointAt(0);
    return new String(Character.toChars(Character.toUpperCase(first)))
        + w.substring(Character.charCount(first)).toLowerCase(Locale.ROOT);
  }

  /** Python's str.strip(chars): whitespace when chars is None. */
  static String strip(String s, Object chars) {
    if (chars == null) {
      return s.strip();
    }
    String set = Items.str(chars);
    int start = 0;
    int end = s.length();
    while (start < end && set.indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && set.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end);
  }

  private static Object truncate(Object v, Args a, Env e) {
    if (!(v instanceof String s)) {
      throw new PyException("object of type '" + Py.typeName(v) + "' has no len()");
    }
    int length = Items.integer(a.get(0, "length", 255));
    boolean killWords = Items.truth(a.get(1, "killwords", false));
    String end = Items.str(a.get(2, "end", "..."));
    Object leewayArg = a.get(3, "leeway", null);
    int leeway = leewayArg == null ? 5 : Items.integer(leewayArg);
    if (length < end.length()) {
      throw new TemplateException("expected length >= " + end.length() + ", got " + length);
    }
    if (leeway < 0) {
      throw new TemplateException("expected leeway >= 0, got " + leeway);
    }
    if (s.length() <= length + leeway) {
      return s;
    }
    String head = s.substring(0, length - end.length());
    if (killWords) {
      return head + end;
    }
    int space = head.lastIndexOf(' ');
    return (space >= 0 ? head.substring(0, space) : head) + end;
  }
}
