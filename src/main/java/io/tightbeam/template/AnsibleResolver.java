package io.tightbeam.template;

import java.beans.FeatureDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * Put first in Jinjava's resolver chain: missing dict keys become {@link Undefined} (Jinja2 gives
 * an undefined, Jinjava a silent null), attributes of an undefined stay undefined, strings can be
 * indexed, and Python's str and dict methods work ({@code s.split(',')}, {@code d.items()}).
 */
final class AnsibleResolver extends ELResolver {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    if (base instanceof Undefined) {
      context.setPropertyResolved(true);
      return base;
    }
    if (base instanceof Map<?, ?> map && property != null && !hasKey(map, property)) {
      context.setPropertyResolved(true);
      return Undefined.attribute(map, property);
    }
    if (base instanceof Number || base instanceof Boolean) {
      context.setPropertyResolved(true);
      return Undefined.attribute(base, property);
    }
    if (base instanceof List<?> list && property != null && String.valueOf(property).matches("-?\\d+")) {
      int n = Integer.parseInt(String.valueOf(property));
      if (n >= list.size() || n < -list.size()) {
        context.setPropertyResolved(true);
        return Undefined.element(list, n);
      }
      return null;
    }
    if (base instanceof String s && property != null && String.valueOf(property).matches("-?\\d+")) {
      int n = Integer.parseInt(String.valueOf(property));
      int i = n < 0 ? s.length() + n : n;
      context.setPropertyResolved(true);
      return i >= 0 && i < s.length() ? String.valueOf(s.charAt(i)) : Undefined.attribute(s, property);
    }
    return null;
  }

  private static boolean hasKey(Map<?, ?> map, Object property) {
    if (map.containsKey(property)) {
      return true;
    }
    String name = String.valueOf(property);
    for (Object key : map.keySet()) {
      if (name.equals(String.valueOf(key))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Object invoke(
      ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
    if (base instanceof Undefined u) {
      throw u.error();
    }
    Object[] args = params == null ? new Object[0] : params;
    Object result = Invalid.NONE;
    if (base instanceof String s) {
      result = stringMethod(s, String.valueOf(method), args);
    } else if (base instanceof Map<?, ?> m) {
      result = dictMethod(m, String.valueOf(method), args);
    }
    if (result == Invalid.NONE) {
      return null;
    }
    context.setPropertyResolved(true);
    return result;
  }

  private enum Invalid {
    NONE
  }

  private static Object dictMethod(Map<?, ?> m, String method, Object[] args) {
    switch (method) {
      case "items":
        List<Object> items = new ArrayList<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
          items.add(new ArrayList<>(Arrays.asList(e.getKey(), e.getValue())));
        }
        return items;
      case "keys":
        return new ArrayList<>(m.keySet());
      case "values":
        return new ArrayList<>(m.values());
      case "get":
        if (args.length >= 1) {
          return m.containsKey(args[0]) ? m.get(args[0]) : (args.length > 1 ? args[1] : null);
        }
        return Invalid.NONE;
      default:
        return Invalid.NONE;
    }
  }

  private static Object stringMethod(String s, String method, Object[] args) {
    String a0 = args.length > 0 && args[0] != null ? Pyish.str(args[0]) : null;
    switch (method) {
      case "upper":
        return s.toUpperCase(Locale.ROOT);
      case "lower":
        return s.toLowerCase(Locale.ROOT);
      case "strip":
        return a0 == null ? s.strip() : stripChars(stripChars(s, a0, true), a0, false);
      case "lstrip":
        return a0 == null ? s.stripLeading() : stripChars(s, a0, true);
      case "rstrip":
        return a0 == null ? s.stripTrailing() : stripChars(s, a0, false);
      case "startswith":
        return a0 != null && s.startsWith(a0);
      case "endswith":
        return a0 != null && s.endsWith(a0);
      case "split":
        return split(s, a0, args.length > 1 ? ((Number) args[1]).intValue() : -1);
      case "splitlines":
        return new ArrayList<>(s.lines().toList());
      case "replace":
        return args.length >= 2 ? s.replace(a0, Pyish.str(args[1])) : Invalid.NONE;
      case "capitalize":
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
      case "find":
        return a0 == null ? Invalid.NONE : s.indexOf(a0);
      case "count":
        return a0 == null ? Invalid.NONE : count(s, a0);
      case "isdigit":
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
      case "join":
        if (args.length == 1 && args[0] instanceof Iterable<?> parts) {
          StringBuilder out = new StringBuilder();
          Iterator<?> it = parts.iterator();
          while (it.hasNext()) {
            out.append(Pyish.str(it.next()));
            if (it.hasNext()) {
              out.append(s);
            }
          }
          return out.toString();
        }
        return Invalid.NONE;
      default:
        return Invalid.NONE;
    }
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
      String rest = s.strip();
      if (rest.isEmpty()) {
        return out;
      }
      String[] parts = maxSplit < 0 ? WHITESPACE.split(rest) : WHITESPACE.split(rest, maxSplit + 1);
      out.addAll(Arrays.asList(parts));
      return out;
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

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {}

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    return true;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return Object.class;
  }
}
