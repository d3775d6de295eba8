package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/** Jinja2's built-in tests ({@code defined}, {@code odd}, {@code sameas}, {@code eq}, ...). */
final class BuiltinTests {
  private BuiltinTests() {}

  static void register(Catalogue c) {
    // Type checks see an undefined value as a value of another type (Ansible's Undefined is not
    // strict for isinstance); the others fail on it before they run.
    c.test("defined", true, (v, a, e) -> !(v instanceof Undefined));
    c.test("undefined", true, (v, a, e) -> v instanceof Undefined);
    c.test("none", true, (v, a, e) -> v == null);
    c.test("boolean", true, (v, a, e) -> v instanceof Boolean);
    c.test("true", true, (v, a, e) -> Boolean.TRUE.equals(v));
    c.test("false", true, (v, a, e) -> Boolean.FALSE.equals(v));
    c.test("integer", true, (v, a, e) -> Py.isInt(v));
    c.test("float", true, (v, a, e) -> Py.isFloat(v));
    // Python's bool is a Number, so `true is number` holds
    c.test("number", true, (v, a, e) -> Py.isNumeric(v));
    c.test("string", true, (v, a, e) -> v instanceof CharSequence);
    c.test("mapping", true, (v, a, e) -> v instanceof Map);
    c.test("sequence", true, (v, a, e) -> isSequence(v));
    c.test("iterable", (v, a, e) -> isSequence(v));
    c.test("callable", true, (v, a, e) -> v instanceof Undefined
        || v instanceof PyCallable || v instanceof java.util.function.Function);
    // Only Markup has __html__; the engine's values carry none yet.
    c.test("escaped", true, (v, a, e) -> v instanceof Undefined
        || v != null && v.getClass().getSimpleName().equals("Markup"));
    c.test("lower", (v, a, e) -> cased(Py.str(v), false));
    c.test("upper", (v, a, e) -> cased(Py.str(v), true));
    c.test("odd", (v, a, e) -> Py.eq(modulo(v, 2), 1));
    c.test("even", (v, a, e) -> Py.eq(modulo(v, 2), 0));
    c.test("divisibleby", (v, a, e) -> Py.eq(modulo(v, a.get(0, "num", null)), 0));
    c.test("sameas", true, (v, a, e) -> sameAs(v, a.get(0, "other", null)));
    c.test("in", (v, a, e) -> contains(a.get(0, "seq", null), v));
    c.test("filter", (v, a, e) -> v instanceof String s && Catalogue.builtin().filter(s) != null);
    c.test("test", (v, a, e) -> v instanceof String s && Catalogue.builtin().test(s) != null);
    for (String name : new String[] {"==", "eq", "equalto"}) {
      c.test(name, (v, a, e) -> Py.eq(v, a.get(0, "b", null)));
    }
    for (String name : new String[] {"!=", "ne"}) {
      c.test(name, (v, a, e) -> !Py.eq(v, a.get(0, "b", null)));
    }
    order(c, ">", "gt", "greaterthan");
    order(c, ">=", "ge");
    order(c, "<", "lt", "lessthan");
    order(c, "<=", "le");
  }

  private static void order(Catalogue c, String op, String... names) {
    Catalogue.TestBody body = (v, a, e) -> {
      Object other = a.get(0, "b", null);
      int cmp = compare(op, v, other);
      return switch (op) {
        case ">" -> cmp > 0;
        case ">=" -> cmp >= 0;
        case "<" -> cmp < 0;
        default -> cmp <= 0;
      };
    };
    c.test(op, body);
    for (String name : names) {
      c.test(name, body);
    }
  }

  /** Python's ordering with the operator named in its TypeError. */
  static int compare(String op, Object a, Object b) {
    try {
      return Py.compare(a, b);
    } catch (PyException ex) {
      throw PluginError.of(PluginError.TYPE_ERROR, "'" + op + "' not supported between instances of '"
          + Py.typeName(a) + "' and '" + Py.typeName(b) + "'");
    }
  }

  private static boolean isSequence(Object v) {
    return v instanceof CharSequence || v instanceof Collection || v instanceof Map;
  }

  /** Python's str.islower/isupper: at least one cased character and none of the other case. */
  private static boolean cased(String s, boolean upper) {
    boolean any = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
        if (!upper) {
          return false;
        }
        any = true;
      } else if (Character.isLowerCase(cp)) {
        if (upper) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  /** Python's {@code a % b} for numbers (the result takes the sign of the divisor). */
  static Object modulo(Object a, Object b) {
    if (a instanceof String) { // str % x is Python's %-formatting of a string without specifiers
      throw PluginError.of(PluginError.TYPE_ERROR, "not all arguments converted during string formatting");
    }
    if (!Py.isNumeric(a) || !Py.isNumeric(b)) {
      throw PluginError.of(PluginError.TYPE_ERROR, "unsupported operand type(s) for %: '" + Py.typeName(a)
          + "' and '" + Py.typeName(b) + "'");
    }
    if (Py.isFloat(a) || Py.isFloat(b)) {
      double y = Py.toDouble(b);
      if (y == 0) {
        throw new TemplateException("float modulo");
      }
      double r = Py.toDouble(a) % y;
      return r != 0 && (r < 0) != (y < 0) ? r + y : r;
    }
    BigInteger y = Py.toBigInteger(b);
    if (y.signum() == 0) {
      throw new TemplateException("integer division or modulo by zero");
    }
    BigInteger r = Py.toBigInteger(a).mod(y.abs());
    return y.signum() < 0 && r.signum() != 0 ? r.add(y) : r;
  }

  /**
   * Python's {@code is}: None, booleans and the small ints CPython caches are singletons;
   * anything else only when it is the very same object.
   */
  private static boolean sameAs(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a instanceof Boolean || b instanceof Boolean) {
      return a != null && a.equals(b);
    }
    if (Py.isInt(a) && Py.isInt(b)) {
      BigInteger x = Py.toBigInteger(a);
      return x.equals(Py.toBigInteger(b)) && x.bitLength() < 9 && x.intValue() >= -5
          && x.intValue() <= 256;
    }
    return false;
  }

  /** Python's {@code value in container}: substring, list element or dict key. */
  static boolean contains(Object container, Object value) {
    if (container instanceof CharSequence s) {
      if (!(value instanceof CharSequence v)) {
        throw PluginError.of(PluginError.TYPE_ERROR, "'in <string>' requires string as left operand, not "
            + Py.typeName(value));
      }
      return s.toString().contains(v);
    } else if (container instanceof Map<?, ?> m) {
      return Py.hasKey(m, value);
    } else if (container instanceof Collection<?> items) {
      for (Object item : items) {
        if (Py.eq(item, value)) {
          return true;
        }
      }
      return false;
    }
    throw PluginError.of(PluginError.TYPE_ERROR, "argument of type '" + Py.typeName(container)
        + "' is not iterable");
  }
}
