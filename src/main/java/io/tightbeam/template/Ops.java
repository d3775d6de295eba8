package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import io.tightbeam.py.Range;
import io.tightbeam.py.Tuple;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Python's arithmetic, comparison and membership operators on template values. */
final class Ops {
  private Ops() {}

  static Object binary(String op, Object a, Object b) {
    check(a);
    check(b);
    return switch (op) {
      case "+" -> add(a, b);
      case "-" -> arith(op, a, b);
      case "*" -> mul(a, b);
      case "/" -> div(a, b);
      case "//" -> floorDiv(a, b);
      case "%" -> mod(a, b);
      case "**" -> pow(a, b);
      case "~" -> Py.str(a) + Py.str(b);
      default -> throw new IllegalArgumentException(op);
    };
  }

  static void check(Object v) {
    if (v instanceof Undefined u) {
      throw u.error();
    }
  }

  private static PyException unsupported(String op, Object a, Object b) {
    return new PyException("unsupported operand type(s) for " + op + ": '" + Py.typeName(a) + "' and '"
        + Py.typeName(b) + "'");
  }

  private static Object add(Object a, Object b) {
    if (Py.isNumeric(a) && Py.isNumeric(b)) {
      return arith("+", a, b);
    }
    if (a instanceof String x) {
      if (b instanceof String y) {
        return x + y;
      }
      throw new PyException("can only concatenate str (not \"" + Py.typeName(b) + "\") to str");
    }
    if (a instanceof List<?> x && !(a instanceof Tuple) && !(a instanceof Range)) {
      if (b instanceof List<?> y && !(b instanceof Tuple) && !(b instanceof Range)) {
        List<Object> out = new ArrayList<>(x);
        out.addAll(y);
        return out;
      }
      throw new PyException("can only concatenate list (not \"" + Py.typeName(b) + "\") to list");
    }
    if (a instanceof Tuple x && b instanceof Tuple y) {
      List<Object> out = new ArrayList<>(x);
      out.addAll(y);
      return Tuple.copyOf(out);
    }
    throw unsupported("+", a, b);
  }

  private static Object arith(String op, Object a, Object b) {
    if (op.equals("-") && a instanceof DateTime x && b instanceof DateTime y) {
      return x.minus(y);
    }
    if (!Py.isNumeric(a) || !Py.isNumeric(b)) {
      throw unsupported(op, a, b);
    }
    if (Py.isFloat(a) || Py.isFloat(b)) {
      double x = Py.toDouble(a);
      double y = Py.toDouble(b);
      return op.equals("+") ? x + y : x - y;
    }
    BigInteger x = Py.toBigInteger(a);
    BigInteger y = Py.toBigInteger(b);
    return Py.normalInt(op.equals("+") ? x.add(y) : x.subtract(y));
  }

  private static Object mul(Object a, Object b) {
    if (Py.isNumeric(a) && Py.isNumeric(b)) {
      if (Py.isFloat(a) || Py.isFloat(b)) {
        return Py.toDouble(a) * Py.toDouble(b);
      }
      return Py.normalInt(Py.toBigInteger(a).multiply(Py.toBigInteger(b)));
    }
    if (isIntLike(b) && (a instanceof String || a instanceof List)) {
      return repeat(a, Py.toBigInteger(b).intValue());
    }
    if (isIntLike(a) && (b instanceof String || b instanceof List)) {
      return repeat(b, Py.toBigInteger(a).intValue());
    }
    if (a instanceof String || a instanceof List) {
      throw new PyException("can't multiply sequence by non-int of type '" + Py.typeName(b) + "'");
    }
    throw unsupported("*", a, b);
  }

  private static boolean isIntLike(Object v) {
    return Py.isInt(v) || v instanceof Boolean;
  }

  private static Object repeat(Object seq, int times) {
    if (seq instanceof String s) {
      return times <= 0 ? "" : s.repeat(times);
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      out.addAll((List<?>) seq);
    }
    return seq instanceof Tuple ? Tuple.copyOf(out) : out;
  }

  private static Object div(Object a, Object b) {
    if (!Py.isNumeric(a) || !Py.isNumeric(b)) {
      throw unsupported("/", a, b);
    }
    double y = Py.toDouble(b);
    if (y == 0) {
      throw PyException.of("ZeroDivisionError", Py.isFloat(a) || Py.isFloat(b) ? "float division by zero" : "division by zero");
    }
    if (!Py.isFloat(a) && !Py.isFloat(b)) {
      return new java.math.BigDecimal(Py.toBigInteger(a))
          .divide(new java.math.BigDecimal(Py.toBigInteger(b)), new java.math.MathContext(40)).doubleValue();
    }
    return Py.toDouble(a) / y;
  }

  private static Object floorDiv(Object a, Object b) {
    if (!Py.isNumeric(a) || !Py.isNumeric(b)) {
      throw unsupported("//", a, b);
    }
    if (Py.isFloat(a) || Py.isFloat(b)) {
      double y = Py.toDouble(b);
      if (y == 0) {
        throw PyException.of("ZeroDivisionError", "float floor division by zero");
      }
      return Math.floor(Py.toDouble(a) / y);
    }
    BigInteger y = Py.toBigInteger(b);
    if (y.signum() == 0) {
      throw PyException.of("ZeroDivisionError", "integer division or modulo by zero");
    }
    BigInteger[] qr = Py.toBigInteger(a).divideAndRemainder(y);
    BigInteger q = qr[0];
    if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
      q = q.subtract(BigInteger.ONE);
    }
    return Py.normalInt(q);
  }

  private static Object mod(Object a, Object b) {
    if (a instanceof String s) {
      return PercentFormat.format(s, b);
    }
    if (!Py.isNumeric(a) || !Py.isNumeric(b)) {
      throw unsupported("%", a, b);
    }
    if (Py.isFloat(a) || Py.isFloat(b)) {
      double x = Py.toDouble(a);
      double y = Py.toDouble(b);
      if (y == 0) {
        throw PyException.of("ZeroDivisionError", "float modulo");
      }
      double r = x % y;
      return r != 0 && (r < 0) != (y < 0) ? r + y : r;
    }
    BigInteger y = Py.toBigInteger(b);
    if (y.signum() == 0) {
      throw PyException.of("ZeroDivisionError", "integer modulo by zero");
    }
    BigInteger r = Py.toBigInteger(a).mod(y.abs());
    if (y.signum() < 0 && r.signum() != 0) {
      r = r.add(y);
    }
    return Py.normalInt(r);
  }

  private static Object pow(Object a, Object b) {
    if (!Py.isNumeric(a) || !Py.isNumeric(b)) {
      throw unsupported("** or pow()", a, b);
    }
    if (!Py.isFloat(a) && !Py.isFloat(b) && Py.toBigInteger(b).signum() >= 0) {
      return Py.normalInt(Py.toBigInteger(a).pow(Py.toBigInteger(b).intValueExact()));
    }
    double x = Py.toDouble(a);
    if (x == 0 && Py.toDouble(b) < 0) {
      throw new PyException("0.0 cannot be raised to a negative power");
    }
    return Math.pow(x, Py.toDouble(b));
  }

  static Object negate(Object v) {
    check(v);
    if (Py.isFloat(v)) {
      return -Py.toDouble(v);
    }
    if (Py.isNumeric(v)) {
      return Py.normalInt(Py.toBigInteger(v).negate());
    }
    throw new PyException("bad operand type for unary -: '" + Py.typeName(v) + "'");
  }

  static Object plus(Object v) {
    check(v);
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (Py.isNumeric(v)) {
      return v;
    }
    throw new PyException("bad operand type for unary +: '" + Py.typeName(v) + "'");
  }

  /** The type's name in a TypeError: C types such as datetime's carry their module. */
  private static String qualified(Object v) {
    return v instanceof DateTime || v instanceof TimeDelta ? "datetime." + Py.typeName(v) : Py.typeName(v);
  }

  static boolean compare(String op, Object a, Object b) {
    check(a);
    check(b);
    switch (op) {
      case "==":
        return Py.eq(a, b);
      case "!=":
        return !Py.eq(a, b);
      case "in":
        return contains(b, a);
      case "notin":
        return !contains(b, a);
      default:
        break;
    }
    int c;
    try {
      c = a instanceof DateTime x && b instanceof DateTime y ? x.value().compareTo(y.value())
          : a instanceof TimeDelta x && b instanceof TimeDelta y ? Long.compare(x.micros(), y.micros())
          : Py.compare(a, b);
    } catch (PyException e) {
      throw new PyException("'" + op + "' not supported between instances of '" + qualified(a)
          + "' and '" + qualified(b) + "'");
    }
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }

  /** Python's {@code item in container}. */
  static boolean contains(Object container, Object item) {
    check(container);
    if (container instanceof String s) {
      if (!(item instanceof String i)) {
        throw new PyException("'in <string>' requires string as left operand, not " + Py.typeName(item));
      }
      return s.contains(i);
    }
    if (container instanceof Map<?, ?> m) {
      return Py.hasKey(m, item);
    }
    if (container instanceof Iterable<?> it) {
      for (Object o : it) {
        if (Py.eq(o, item)) {
          return true;
        }
      }
      return false;
    }
    throw new PyException("argument of type '" + Py.typeName(container) + "' is not iterable");
  }

  /** The items a for loop or filter sees when it iterates a value. */
  static List<Object> iterate(Object v) {
    check(v);
    if (v instanceof List<?> l) {
      return Collections.unmodifiableList(l);
    }
    if (v instanceof Map<?, ?> m) {
      return new ArrayList<>(m.keySet());
    }
    if (v instanceof String s) {
      List<Object> out = new ArrayList<>(s.length());
      s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
      return out;
    }
    if (v instanceof Iterable<?> it) {
      List<Object> out = new ArrayList<>();
      it.forEach(out::add);
      return out;
    }
    throw new PyException("'" + Py.typeName(v) + "' object is not iterable");
  }
}
