package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ansible's math filters: log, pow, root, human_readable and human_to_bytes. */
final class AnsibleMathFilters {
  private static final String[] UNITS = {"Y", "Z", "E", "P", "T", "G", "M", "K", "B"};
  private static final Pattern HUMAN = Pattern.compile("^\\s*(\\d*\\.?\\d*)\\s*([A-Za-z]+)?");

  private AnsibleMathFilters() {}

  static void register(Catalogue c) {
    c.filter("log", (v, a, e) -> {
      double x = number(v, "log");
      Object base = a.get(0, "base", null);
      if (x <= 0 || (base != null && Py.isNumeric(base) && Py.toDouble(base) <= 0)) {
        throw PyException.valueError("math domain error");
      }
      if (base != null && Py.isNumeric(base) && Py.compareNumbers(base, 10) == 0) {
        return Math.log10(x);
      }
      return base == null ? Math.log(x) : Math.log(x) / Math.log(number(base, "log"));
    });
    c.filter("pow", (v, a, e) -> Math.pow(number(v, "pow"), number(a.get(0, "y", null), "pow")));
    c.filter("root", (v, a, e) -> {
      double x = number(v, "root");
      Object base = a.get(0, "base", 2);
      if (x < 0) {
        throw new PyException("root() can only be used on numbers: math domain error");
      }
      if (Py.isNumeric(base) && Py.compareNumbers(base, 2) == 0) {
        return Math.sqrt(x);
      }
      return Math.pow(x, 1.0 / number(base, "root"));
    });
    c.filter("human_readable", (v, a, e) -> humanReadable(v,
        Items.truth(a.get(0, "isbits", false)), a.get(1, "unit", null)));
    c.filter("human_to_bytes", (v, a, e) -> humanToBytes(v, a.get(0, "default_unit", null),
        Items.truth(a.get(1, "isbits", false))));
  }

  private static double number(Object v, String filter) {
    Items.failIfUndefined(v);
    if (!Py.isNumeric(v)) {
      throw new PyException(filter + "() can only be used on numbers: must be real number, "
          + "not " + Py.typeName(v));
    }
    return Py.toDouble(v);
  }


  private static Object humanReadable(Object v, boolean isBits, Object unit) {
    double size;
    if (Py.isNumeric(v)) {
      size = Py.toDouble(v);
    } else {
      throw new PyException("human_readable() failed on bad input: '>=' not supported "
          + "between instances of '" + Py.typeName(v) + "' and 'int'");
    }
    String base = isBits ? "bits" : "Bytes";
    String suffix = "B";
    double limit = 1;
    for (int i = 0; i < UNITS.length; i++) {
      suffix = UNITS[i];
      limit = Math.pow(2, 10 * (UNITS.length - 1 - i));
      if (unit == null ? size >= limit
          : Items.str(unit).toUpperCase(java.util.Locale.ROOT).equals(suffix.substring(0, 1))) {
        break;
      }
    }
    String label = limit != 1 ? suffix + base.charAt(0) : base;
    return new BigDecimal(size / limit).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " "
        + label;
  }

  private static Object humanToBytes(Object v, Object defaultUnit, boolean isBits) {
    String text = Items.str(v);
    Matcher m = HUMAN.matcher(text);
    if (!m.find()) {
      throw cannot(text);
    }
    Double num = JinjaTextFilters.parseFloat(m.group(1));
    if (num == null || m.group(1).isEmpty()) {
      throw cannot(text);
    }
    String unit = m.group(2) != null ? m.group(2) : defaultUnit == null ? null : Items.str(defaultUnit);
    if (unit == null) {
      return Py.normalInt(new BigDecimal(num).setScale(0, RoundingMode.HALF_EVEN).toBigInteger());
    }
    String key = unit.substring(0, 1).toUpperCase(java.util.Locale.ROOT);
    int at = java.util.Arrays.asList(UNITS).indexOf(key);
    if (at < 0) {
      throw cannot(text);
    }
    String unitClass = isBits ? "b" : "B";
    String unitName = isBits ? "bit" : "byte";
    if (unit.length() > 1 && !unit.toLowerCase(java.util.Locale.ROOT).contains(unitName)
        && unit.charAt(1) != unitClass.charAt(0)) {
      throw cannot(text);
    }
    double bytes = num * Math.pow(2, 10 * (UNITS.length - 1 - at));
    return Py.normalInt(new BigDecimal(bytes).setScale(0, RoundingMode.HALF_EVEN).toBigInteger());
  }

  private static TemplateException cannot(String text) {
    return new TemplateException("human_to_bytes() can't interpret following string: " + text);
  }

}
