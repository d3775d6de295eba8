package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The Python operations filters share: iterating a value as {@code list(v)} does, reading an
 * item's {@code attribute='a.b'} path as Jinja2 does, truth that fails on an undefined value.
 */
final class Items {
  private Items() {}

  /** Python's {@code list(v)}: a string's characters, a dict's keys, a list's items. */
  static List<Object> list(Object v) {
    failIfUndefined(v);
    List<Object> out = new ArrayList<>();
    if (v instanceof Map<?, ?> m) {
      out.addAll(m.keySet());
    } else if (v instanceof Collection<?> c) {
      out.addAll(c);
    } else if (v instanceof CharSequence s) {
      s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
    } else if (v instanceof Iterable<?> it) {
      it.forEach(out::add);
    } else {
      throw new PyException("'" + Py.typeName(v) + "' object is not iterable");
    }
    return out;
  }


  /** A required argument, or Python's "missing 1 required positional argument" error. */
  static Object required(Args a, int index, String name, String function) {
    if ((name == null || !a.named().containsKey(name)) && index >= a.size()) {
      throw new PyException(function + "() missing 1 required positional argument: '" + name + "'");
    }
    return a.get(index, name, null);
  }

  static void failIfUndefined(Object v) {
    if (v instanceof Undefined u) {
      throw u.error();
    }
  }

  /** Python's truth of a value; an undefined value fails as StrictUndefined does. */
  static boolean truth(Object v) {
    failIfUndefined(v);
    return Py.truthy(v);
  }

  /** Python's {@code str(v)}; an undefined value fails. */
  static String str(Object v) {
    failIfUndefined(v);
    return Py.str(v);
  }

  /** Jinja2's {@code environment.getitem}: a dict key, a list index, else an undefined value. */
  static Object item(Object owner, Object key) {
    return Access.item(owner, key);
  }

  /**
   * Jinja2's attribute getter for {@code attribute=}: dotted parts, digits read as indexes;
   * {@code fallback} (when not null) replaces an undefined result; {@code lower} folds strings.
   */
  static Function<Object, Object> attrGetter(Object attribute, Object fallback, boolean lower) {
    List<Object> parts = path(attribute);
    return item -> {
      Object cur = item;
      for (Object part : parts) {
        cur = item(cur, part);
        if (cur instanceof Undefined && fallback != null) {
          cur = fallback;
          break;
        }
      }
      return lower ? fold(cur) : cur;
    };
  }

  /** Jinja2's multi-attribute getter for {@code sort(attribute='a,b')}: a key list. */
  static Function<Object, Object> multiGetter(Object attribute, boolean lower) {
    if (!(attribute instanceof String s) || !s.contains(",")) {
      return attrGetter(attribute, null, lower);
    }
    List<Function<Object, Object>> getters = new ArrayList<>();
    for (String part : s.split(",")) {
      getters.add(attrGetter(part, null, lower));
    }
    return item -> {
      List<Object> key = new ArrayList<>();
      for (Function<Object, Object> g : getters) {
        Object k = g.apply(item);
        failIfUndefined(k);
        key.add(k);
      }
      return key;
    };
  }

  private static List<Object> path(Object attribute) {
    List<Object> parts = new ArrayList<>();
    if (attribute == null) {
      return parts;
    }
    if (!(attribute instanceof String s)) {
      parts.add(attribute);
      return parts;
    }
    for (String part : s.split("\\.", -1)) {
      parts.add(part.matches("\\d+") ? (Object) Integer.valueOf(part) : part);
    }
    return parts;
  }

  /** Jinja2's ignore_case: strings lower-cased, other values unchanged. */
  static Object fold(Object v) {
    return v instanceof String s ? s.toLowerCase(Locale.ROOT) : v;
  }

  /** Python's ordering with undefined values failing first. */
  static int compare(Object a, Object b) {
    failIfUndefined(a);
    failIfUndefined(b);
    return Py.compare(a, b);
  }

  /** A positional or named argument as a Java int (Python's int() of a number or digits). */
  static int integer(Object v) {
    failIfUndefined(v);
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    } else if (v instanceof Number n && !Py.isFloat(n)) {
      return n.intValue();
    } else if (v instanceof String s && s.trim().matches("[-+]?\\d+")) {
      return Integer.parseInt(s.trim());
    }
    throw new PyException("'" + Py.typeName(v) + "' object cannot be interpreted as an integer");
  }

  /** Ansible's {@code bool}: True, 'yes', 'on', '1', 'true' (any case) and 1 are true. */
  static boolean ansibleBool(Object v) {
    failIfUndefined(v);
    if (v instanceof Boolean b) {
      return b;
    } else if (v == null) {
      return false;
    } else if (v instanceof String s) {
      String l = s.toLowerCase(Locale.ROOT);
      return l.equals("yes") || l.equals("on") || l.equals("1") || l.equals("true");
    } else if (Py.isNumeric(v)) {
      return Py.compareNumbers(v, 1) == 0;
    }
    return false;
  }

  /** An int result as Integer, Long or BigInteger, whichever holds it. */
  static Object intValue(BigInteger b) {
    return Py.normalInt(b);
  }

  /** Whether a value is a Python sequence or mapping (what Ansible calls iterable, not a string). */
  static boolean isContainer(Object v) {
    return v instanceof Collection<?> || v instanceof Map<?, ?>;
  }
}
