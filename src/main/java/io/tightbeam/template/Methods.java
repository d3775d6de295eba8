package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import io.tightbeam.py.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The methods playbooks call on Python values: {@code s.split(',')}, {@code d.items()}. */
final class Methods {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  static final Set<String> STR = Set.of("upper", "lower", "strip", "lstrip", "rstrip", "startswith",
      "endswith", "split", "rsplit", "splitlines", "replace", "capitalize", "title", "find", "rfind",
      "index", "rindex", "count", "isdigit", "isalpha", "isalnum", "isspace", "islower", "isupper",
      "isnumeric", "isdecimal", "istitle", "isidentifier", "join", "format", "zfill", "ljust", "rjust",
      "center", "swapcase", "partition", "rpartition", "casefold", "expandtabs", "encode", "removeprefix",
      "removesuffix");
  static final Set<String> LIST = Set.of("index", "count", "append", "extend", "insert", "pop",
      "remove", "reverse", "sort", "copy", "clear");
  static final Set<String> DICT = Set.of("items", "keys", "values", "get", "update", "copy", "pop",
      "setdefault", "clear", "popitem");

  private Methods() {}

  /** Whether {@code target.name} is a method (Jinja2 gives the method before a dict key). */
  static boolean has(Object target, String name) {
    if (target instanceof String) {
      return STR.contains(name);
    } else if (target instanceof Map) {
      return DICT.contains(name);
    } else if (target instanceof List) {
      return LIST.contains(name);
    }
    return false;
  }

  /** A method of a value, bound to it. */
  static PyCallable bind(Object target, String name) {
    return new PyCallable() {
      @Override
      public Object call(List<Object> args, Map<String, Object> kwargs) {
        return Methods.call(target, name, args, kwargs);
      }

      @Override
      public String toString() {
        return "<built-in method " + name + " of " + Py.typeName(target) + " object>";
      }
    };
  }

  static Object call(Object target, String name, List<Object> args, Map<String, Object> kwargs) {
    if (target instanceof String s) {
      return str(s, name, args, kwargs);
    } else if (target instanceof Map<?, ?> m) {
      return dict(m, name, args);
    } else if (target instanceof List<?> l) {
      return list(l, name, args);
    }
    throw new PyException("'" + Py.typeName(target) + "' object has no attribute '" + name + "'");
  }

  private static Object arg(List<Object> args, int i) {
    return i < args.size() ? args.get(i) : null;
  }

  private static String text(List<Object> args, int i) {
    Object v = arg(args, i);
    return v == null ? null : Py.str(v);
  }

  private static int integer(List<Object> args, int i, int fallback) {
    Object v = arg(args, i);
    return v == null ? fallback : Py.toBigInteger(v).intValue();
  }

  @SuppressWarnings("unchecked")
  private static Object dict(Map<?, ?> m, String name, List<Object> args) {
    Map<Object, Object> mm = (Map<Object, Object>) m;
    switch (name) {
      case "items": {
        List<Object> items = new ArrayList<>();
        m.forEach((k, v) -> items.add(Tuple.of(k, v)));
        return items;
      }
      case "keys":
        return new ArrayList<>(m.keySet());
      case "values":
        return new ArrayList<>(m.values());
      case "get":
        return Py.hasKey(m, arg(args, 0)) ? Py.get(m, arg(args, 0)) : arg(args, 1);
      case "copy":
        return new LinkedHashMap<>(m);
      case "update":
        if (!args.isEmpty() && args.get(0) instanceof Map<?, ?> other) {
          mm.putAll(other);
        }
        return null;
      case "pop": {
        if (Py.hasKey(m, arg(args, 0))) {
          Object v = Py.get(m, arg(args, 0));
          mm.remove(arg(args, 0));
          return v;
        }
        if (args.size() > 1) {
          return args.get(1);
        }
        throw new PyException(Py.repr(arg(args, 0)));
      }
      case "setdefault":
        if (!Py.hasKey(m, arg(args, 0))) {
          mm.put(arg(args, 0), arg(args, 1));
        }
        return Py.get(m, arg(args, 0));
      case "clear":
        mm.clear();
        return null;
      default:
        throw new PyException("'dict' object has no attribute '" + name + "'");
    }
  }

  @SuppressWarnings("unchecked")
  private static Object list(List<?> l, String name, List<Object> args) {
    List<Object> ml = (List<Object>) l;
    switch (name) {
      case "index":
        for (int i = 0; i < l.size(); i++) {
          if (Py.eq(l.get(i), arg(args, 0))) {
            return i;
          }
        }
        throw new PyException(Py.repr(arg(args, 0)) + " is not in list");
      case "count":
        return (int) l.stream().filter(x -> Py.eq(x, arg(args, 0))).count();
      case "append":
        ml.add(arg(args, 0));
        return null;
      case "extend":
        ml.addAll(Ops.iterate(arg(args, 0)));
        return null;
      case "insert":
        ml.add(Math.min(Math.max(integer(args, 0, 0), 0), l.size()), arg(args, 1));
        return null;
      case "pop": {
        int i = integer(args, 0, -1);
        return ml.remove(i < 0 ? l.size() + i : i);
      }
      case "remove":
        for (int i = 0; i < l.size(); i++) {
          if (Py.eq(l.get(i), arg(args, 0))) {
            return ml.remove(i) == null ? null : null;
          }
        }
        throw new PyException("list.remove(x): x not in list");
      case "reverse":
        java.util.Collections.reverse(ml);
        return null;
      case "sort":
        ml.sort(Py::compare);
        return null;
      case "copy":
        return new ArrayList<>(l);
      case "clear":
        ml.clear();
        return null;
      default:
        throw new PyException("'list' object has no attribute '" + name + "'");
    }
  }

  private static Object str(String s, String name, List<Object> args, Map<String, Object> kwargs) {
    String a0 = text(args, 0);
    switch (name) {
      case "upper": return s.toUpperCase(Locale.ROOT);
      case "lower": return s.toLowerCase(Locale.ROOT);
      case "casefold": return s.toLowerCase(Locale.ROOT);
      case "swapcase": {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> out.appendCodePoint(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c)));
        return out.toString();
      }
      case "strip": return a0 == null ? pyStrip(s, true, true) : stripChars(stripChars(s, a0, true), a0, false);
      case "lstrip": return a0 == null ? pyStrip(s, true, false) : stripChars(s, a0, true);
      case "rstrip": return a0 == null ? pyStrip(s, false, true) : stripChars(s, a0, false);
      case "startswith": return affix(s, arg(args, 0), true);
      case "endswith": return affix(s, arg(args, 0), false);
      case "removeprefix": return a0 != null && s.startsWith(a0) ? s.substring(a0.length()) : s;
      case "removesuffix": return a0 != null && !a0.isEmpty() && s.endsWith(a0) ? s.substring(0, s.length() - a0.length()) : s;
      case "split": return split(s, kwargs.containsKey("sep") ? (String) kwargs.get("sep") : a0,
          kwargs.containsKey("maxsplit") ? Py.toBigInteger(kwargs.get("maxsplit")).intValue() : integer(args, 1, -1));
      case "rsplit": return rsplit(s, a0, integer(args, 1, -1));
      case "splitlines": return splitlines(s, Py.truthy(arg(args, 0)));
      case "replace": {
        int count = integer(args, 2, -1);
        if (count < 0) {
          return s.replace(a0, text(args, 1));
        }
        String out = s;
        StringBuilder b = new StringBuilder();
        int from = 0;
        for (int n = 0; n < count; n++) {
          int i = out.indexOf(a0, from);
          if (i < 0) {
            break;
          }
          b.append(out, from, i).append(text(args, 1));
          from = i + a0.length();
        }
        return b.append(out.substring(from)).toString();
      }
      case "capitalize": return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
      case "title": return title(s);
      case "find": return s.indexOf(a0, integer(args, 1, 0));
      case "rfind": return s.lastIndexOf(a0);
      case "index":
      case "rindex": {
        int i = name.equals("index") ? s.indexOf(a0) : s.lastIndexOf(a0);
        if (i < 0) {
          throw new PyException("substring not found");
        }
        return i;
      }
      case "count": return count(s, a0);
      case "isdigit":
      case "isnumeric":
      case "isdecimal": return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
      case "isalpha": return !s.isEmpty() && s.chars().allMatch(Character::isLetter);
      case "isalnum": return !s.isEmpty() && s.chars().allMatch(Character::isLetterOrDigit);
      case "isspace": return !s.isEmpty() && s.chars().allMatch(Character::isWhitespace);
      case "islower": return s.chars().anyMatch(Character::isLetter) && s.equals(s.toLowerCase(Locale.ROOT));
      case "isupper": return s.chars().anyMatch(Character::isLetter) && s.equals(s.toUpperCase(Locale.ROOT));
      case "istitle": return s.chars().anyMatch(Character::isLetter) && s.equals(title(s));
      case "isidentifier": return s.matches("[A-Za-z_][A-Za-z0-9_]*");
      case "join": {
        StringBuilder out = new StringBuilder();
        List<Object> parts = Ops.iterate(arg(args, 0));
        for (int i = 0; i < parts.size(); i++) {
          if (!(parts.get(i) instanceof String p)) {
            throw new PyException("sequence item " + i + ": expected str instance, " + Py.typeName(parts.get(i)) + " found");
          }
          out.append(i > 0 ? s : "").append(p);
        }
        return out.toString();
      }
      case "format": return StrFormat.format(s, args, kwargs);
      case "zfill": {
        int width = integer(args, 0, 0);
        if (s.length() >= width) {
          return s;
        }
        boolean sign = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+');
        String zeros = "0".repeat(width - s.length());
        return sign ? s.charAt(0) + zeros + s.substring(1) : zeros + s;
      }
      case "ljust":
      case "rjust":
      case "center": return pad(s, name, integer(args, 0, 0), args.size() > 1 ? text(args, 1) : " ");
      case "partition":
      case "rpartition": {
        int i = name.equals("partition") ? s.indexOf(a0) : s.lastIndexOf(a0);
        if (i < 0) {
          return name.equals("partition") ? Tuple.of(s, "", "") : Tuple.of("", "", s);
        }
        return Tuple.of(s.substring(0, i), a0, s.substring(i + a0.length()));
      }
      case "expandtabs": return s.replace("\t", " ".repeat(integer(args, 0, 8)));
      case "encode": return s;
      default: throw new PyException("'str' object has no attribute '" + name + "'");
    }
  }

  private static boolean affix(String s, Object what, boolean start) {
    if (what instanceof List<?> options) {
      for (Object o : options) {
        if (start ? s.startsWith(Py.str(o)) : s.endsWith(Py.str(o))) {
          return true;
        }
      }
      return false;
    }
    String a = Py.str(what);
    return start ? s.startsWith(a) : s.endsWith(a);
  }

  private static String pad(String s, String how, int width, String fill) {
    int n = width - s.length();
    if (n <= 0) {
      return s;
    }
    return switch (how) {
      case "ljust" -> s + fill.repeat(n);
      case "rjust" -> fill.repeat(n) + s;
      default -> {
        int left = n / 2 + (n & width & 1);
        yield fill.repeat(left) + s + fill.repeat(n - left);
      }
    };
  }

  static String title(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean prevCased = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(prevCased ? Character.toLowerCase(c) : Character.toUpperCase(c));
      prevCased = Character.isLetter(c);
    }
    return out.toString();
  }

  private static boolean pySpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u001c' || c == '\u001d'
        || c == '\u001e' || c == '\u001f' || c == '\u0085';
  }

  static String pyStrip(String s, boolean leading, boolean trailing) {
    int start = 0;
    int end = s.length();
    while (leading && start < end && pySpace(s.charAt(start))) {
      start++;
    }
    while (trailing && end > start && pySpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static int count(String s, String part) {
    if (part.isEmpty()) {
      return s.length() + 1;
    }
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }

  private static String stripChars(String s, String chars, boolean leading) {
    int start = 0;
    int end = s.length();
    if (leading) {
      while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
        start++;
      }
    } else {
      while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
        end--;
      }
    }
    return s.substring(start, end);
  }

  /** Python's str.split: no separator splits on runs of whitespace and drops empty ends. */
  static List<Object> split(String s, String sep, int maxSplit) {
    List<Object> out = new ArrayList<>();
    if (sep == null) {
      String rest = pyStrip(s, true, false);
      while (!rest.isEmpty()) {
        if (maxSplit >= 0 && out.size() == maxSplit) {
          out.add(rest);
          return out;
        }
        java.util.regex.Matcher m = WHITESPACE.matcher(rest);
        if (m.find()) {
          out.add(rest.substring(0, m.start()));
          rest = rest.substring(m.end());
        } else {
          out.add(rest);
          rest = "";
        }
      }
      return out;
    }
    if (sep.isEmpty()) {
      throw PyException.valueError("empty separator");
    }
    int from = 0;
    int splits = 0;
    for (int i = s.indexOf(sep); i >= 0 && (maxSplit < 0 || splits < maxSplit); i = s.indexOf(sep, from)) {
      out.add(s.substring(from, i));
      from = i + sep.length();
      splits++;
    }
    out.add(s.substring(from));
    return out;
  }

  private static List<Object> rsplit(String s, String sep, int maxSplit) {
    if (maxSplit < 0 || sep == null) {
      return split(s, sep, maxSplit);
    }
    List<Object> out = new ArrayList<>();
    int end = s.length();
    int splits = 0;
    for (int i = s.lastIndexOf(sep, end - sep.length()); i >= 0 && splits < maxSplit; i = s.lastIndexOf(sep, end - sep.length())) {
      out.add(0, s.substring(i + sep.length(), end));
      end = i;
      splits++;
      if (end - sep.length() < 0) {
        break;
      }
    }
    out.add(0, s.substring(0, end));
    return out;
  }

  static List<Object> splitlines(String s, boolean keepEnds) {
    List<Object> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u000b' || c == '\u000c' || c == '\u001c' || c == '\u001d'
          || c == '\u001e' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        int end = i;
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        out.add(keepEnds ? s.substring(start, i + 1) : s.substring(start, end));
        start = i + 1;
      }
      i++;
    }
    if (start < s.length()) {
      out.add(s.substring(start));
    }
    return out;
  }
}
