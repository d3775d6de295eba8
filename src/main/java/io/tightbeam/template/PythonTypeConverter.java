package io.tightbeam.template;

import com.hubspot.jinjava.el.TruthyTypeConverter;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Coercions with Python's rules: booleans are the numbers 1 and 0 (so {@code True == 1} holds),
 * and any non-empty string is true (Jinjava treats "false" as false).
 */
final class PythonTypeConverter extends TruthyTypeConverter {
  @Override
  protected Boolean coerceToBoolean(Object value) {
    if (value instanceof Undefined u) {
      throw u.error();
    }
    if (value instanceof String || value instanceof Number || value == null) {
      return Pyish.truthy(value);
    }
    return super.coerceToBoolean(value);
  }

  private static Object numeric(Object value) {
    return value instanceof Boolean b ? (b ? 1L : 0L) : value;
  }

  @Override
  protected Long coerceToLong(Object value) {
    return super.coerceToLong(numeric(value));
  }

  @Override
  protected Integer coerceToInteger(Object value) {
    return super.coerceToInteger(numeric(value));
  }

  @Override
  protected Double coerceToDouble(Object value) {
    return super.coerceToDouble(numeric(value));
  }

  @Override
  protected BigDecimal coerceToBigDecimal(Object value) {
    return super.coerceToBigDecimal(numeric(value));
  }

  @Override
  protected BigInteger coerceToBigInteger(Object value) {
    return super.coerceToBigInteger(numeric(value));
  }
}
