package io.tightbeam.template;

import io.tightbeam.py.Py;
import java.time.LocalDateTime;

/**
 * Python's naive {@code datetime.datetime}, as {@code to_datetime} returns it: prints as {@code
 * 2024-01-02 03:04:05} and answers year, month, day, hour, minute, second and microsecond.
 */
record PyDateTime(LocalDateTime value) implements Py.Named {
  @Override
  public String typeName() {
    return "datetime";
  }

  /** The named attribute, or an undefined value as for any missing attribute. */
  Object attribute(Object name) {
    return switch (String.valueOf(name)) {
      case "year" -> value.getYear();
      case "month" -> value.getMonthValue();
      case "day" -> value.getDayOfMonth();
      case "hour" -> value.getHour();
      case "minute" -> value.getMinute();
      case "second" -> value.getSecond();
      case "microsecond" -> value.getNano() / 1000;
      default -> Undefined.attribute(this, name);
    };
  }

  @Override
  public String toString() {
    String text = String.format("%04d-%02d-%02d %02d:%02d:%02d", value.getYear(),
        value.getMonthValue(), value.getDayOfMonth(), value.getHour(), value.getMinute(),
        value.getSecond());
    return value.getNano() == 0 ? text : text + String.format(".%06d", value.getNano() / 1000);
  }
}
