package io.tightbeam.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sequence lookup: numbers from {@code start} to {@code end} (or {@code count} of them) by
 * {@code stride}, each through a printf-style {@code format}; also the short form
 * {@code [start-]end[/stride][:format]}.
 */
final class SequenceLookup {
  private static final String NUM = "(0?x?[0-9a-f]+)";
  private static final Pattern SHORTCUT = Pattern.compile(
      "^(" + NUM + "-)?" + NUM + "(/" + NUM + ")?(:(.+))?$", Pattern.CASE_INSENSITIVE);

  private long start = 1;
  private Long end;
  private Long count;
  private long stride = 1;
  private String format = "%d";

  private SequenceLookup() {}

  static void register(Catalogue c) {
    c.lookup("sequence", (terms, o, e) -> {
      List<Object> out = new ArrayList<>();
      for (Object term : terms) {
        out.addAll(new SequenceLookup().run(io.tightbeam.py.Py.str(term)));
      }
      return out;
    });
  }

  private List<Object> run(String term) {
    if (!shortcut(term)) {
      keywords(TermOptions.parse(term));
    }
    if (count == null && end == null) {
      throw new TemplateException("must specify count or end in with_sequence");
    } else if (count != null && end != null) {
      throw new TemplateException("can't specify both count and end in with_sequence");
    } else if (count != null) {
      if (count != 0) {
        end = start + count * stride - 1;
      } else {
        start = 0;
        end = 0L;
        stride = 0;
      }
    }
    if (stride > 0 && end < start) {
      throw new TemplateException("to count backwards make stride negative");
    }
    if (stride < 0 && end > start) {
      throw new TemplateException("to count forward don't make stride negative");
    }
    if (format.chars().filter(ch -> ch == '%').count() != 1) {
      throw new TemplateException("bad formatting string: " + format);
    }
    List<Object> out = new ArrayList<>();
    if (stride == 0) {
      return out;
    }
    long stop = end + (stride > 0 ? 1 : -1);
    for (long i = start; stride > 0 ? i < stop : i > stop; i += stride) {
      out.add(format(i));
    }
    return out;
  }

  private boolean shortcut(String term) {
    Matcher m = SHORTCUT.matcher(term);
    if (!m.matches()) {
      return false;
    }
    if (m.group(2) != null) {
      start = integer("start", m.group(2));
    }
    end = integer("end", m.group(3));
    if (m.group(5) != null) {
      stride = integer("stride", m.group(5));
    }
    if (m.group(7) != null) {
      format = m.group(7);
    }
    return true;
  }

  private void keywords(TermOptions parsed) {
    Map<String, String> args = new java.util.LinkedHashMap<>(parsed.options());
    if (!parsed.free().isEmpty()) {
      args.put("_raw_params", parsed.freeText());
    }
    String s = args.remove("start");
    if (s != null) {
      start = integer("start", s);
    }
    s = args.remove("end");
    if (s != null) {
      end = integer("end", s);
    }
    s = args.remove("count");
    if (s != null) {
      count = integer("count", s);
    }
    s = args.remove("stride");
    if (s != null) {
      stride = integer("stride", s);
    }
    if (args.containsKey("format")) {
      format = args.remove("format");
    }
    if (!args.isEmpty()) {
      List<String> names = new ArrayList<>();
      args.keySet().forEach(k -> names.add("'" + k + "'"));
      throw new TemplateException("unrecognized arguments to with_sequence: ["
          + String.join(", ", names) + "]");
    }
  }

  private static long integer(String name, String text) {
    BigInteger value = pythonInt(text);
    if (value == null) {
      throw new TemplateException("can't parse " + name + "=" + text + " as integer");
    }
    return value.longValueExact();
  }

  /** Python's {@code int(text, 0)}: decimal, 0x, 0o, 0b, underscores; null when it fails. */
  static BigInteger pythonInt(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    boolean negative = s.startsWith("-");
    if (s.startsWith("-") || s.startsWith("+")) {
      s = s.substring(1);
    }
    int radix = 10;
    if (s.startsWith("0x") || s.startsWith("0o") || s.startsWith("0b")) {
      radix = s.charAt(1) == 'x' ? 16 : s.charAt(1) == 'o' ? 8 : 2;
      s = s.substring(2);
      if (s.startsWith("_")) {
        s = s.substring(1);
      }
    } else if (s.length() > 1 && s.charAt(0) == '0' && !s.replace("_", "").matches("0+")) {
      return null; // a leading zero is not allowed with base 0
    }
    if (s.isEmpty() || s.startsWith("_") || s.endsWith("_") || s.contains("__")) {
      return null;
    }
    try {
      BigInteger v = new BigInteger(s.replace("_", ""), radix);
      return negative ? v.negate() : v;
    } catch (NumberFormatException ex) {
      return null;
    }
  }

  private static String radix(long i, char conv) {
    String digits = Long.toString(i, conv == 'o' ? 8 : 16);
    return conv == 'X' ? digits.toUpperCase(Locale.ROOT) : digits;
  }

  /** Python's {@code format % i} for a format with a single conversion. */
  private String format(long i) {
    Matcher m = Pattern.compile("%([-+ #0]*)(\\d*)(?:\\.(\\d+))?([a-zA-Z%])").matcher(format);
    if (!m.find()) {
      throw new TemplateException("problem formatting " + i + " with '" + format + "'");
    }
    String flags = m.group(1);
    String width = m.group(2);
    String precision = m.group(3) == null ? "" : "." + m.group(3);
    char conv = m.group(4).charAt(0);
    String spec = "%" + flags.replace("#", "") + width;
    String text = switch (conv) {
      case 'd', 'i', 'u' -> String.format(spec + "d", i);
      case 'x', 'X', 'o' -> (i < 0 ? "-" : "") + (flags.contains("#") ? (conv == 'o' ? "0o"
          : "0" + conv) : "") + radix(Math.abs(i), conv);
      case 'e', 'E', 'f', 'F', 'g', 'G' -> String.format(spec + precision + conv, (double) i);
      case 's', 'r' -> String.format(spec + "s", i);
      case 'c' -> String.format(spec + "s", Character.toString((int) i));
      default -> throw new TemplateException("problem formatting " + i + " with '" + format
          + "'");
    };
    if ((conv == 'x' || conv == 'X' || conv == 'o') && !width.isEmpty()) {
      String pad = flags.contains("0") && !flags.contains("-") ? "0" : " ";
      int w = Integer.parseInt(width);
      while (text.length() < w) {
        text = flags.contains("-") ? text + " " : pad + text;
      }
    }
    return format.substring(0, m.start()) + text + format.substring(m.end());
  }
}
