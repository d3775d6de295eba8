package io.tightbeam.template;

import io.tightbeam.py.Py;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** Python's datetime as templates see it: str(), strftime(), year/month/... attributes. */
record DateTime(LocalDateTime value) implements Access.Attributes, Py.Named {

  @Override
  public Object attribute(String name) {
    return switch (name) {
      case "year" -> value.getYear();
      case "month" -> value.getMonthValue();
      case "day" -> value.getDayOfMonth();
      case "hour" -> value.getHour();
      case "minute" -> value.getMinute();
      case "second" -> value.getSecond();
      case "microsecond" -> value.getNano() / 1000;
      case "strftime" -> (PyCallable) (a, k) -> strftime(Py.str(a.get(0)));
      case "isoformat" -> (PyCallable) (a, k) -> iso("T");
      case "date" -> (PyCallable) (a, k) -> String.format("%04d-%02d-%02d", value.getYear(), value.getMonthValue(), value.getDayOfMonth());
      case "weekday" -> (PyCallable) (a, k) -> value.getDayOfWeek().getValue() - 1;
      case "timestamp" -> (PyCallable) (a, k) ->
          value.atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli() / 1000.0;
      default -> null;
    };
  }

  private String iso(String sep) {
    String s = String.format("%04d-%02d-%02d%s%02d:%02d:%02d", value.getYear(), value.getMonthValue(),
        value.getDayOfMonth(), sep, value.getHour(), value.getMinute(), value.getSecond());
    int micros = value.getNano() / 1000;
    return micros == 0 ? s : s + String.format(".%06d", micros);
  }

  /** {@code a - b}: the time between two datetimes. */
  TimeDelta minus(DateTime other) {
    long micros = java.time.Duration.between(other.value, value).toNanos() / 1000;
    return new TimeDelta(micros);
  }

  /** C's strftime for the directives Python documents. */
  String strftime(String fmt) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fmt.length(); i++) {
      char c = fmt.charAt(i);
      if (c != '%' || i + 1 >= fmt.length()) {
        out.append(c);
        continue;
      }
      char d = fmt.charAt(++i);
      out.append(switch (d) {
        case 'Y' -> String.valueOf(value.getYear());
        case 'y' -> String.format("%02d", value.getYear() % 100);
        case 'm' -> String.format("%02d", value.getMonthValue());
        case 'd' -> String.format("%02d", value.getDayOfMonth());
        case 'e' -> String.format("%2d", value.getDayOfMonth());
        case 'H' -> String.format("%02d", value.getHour());
        case 'I' -> String.format("%02d", (value.getHour() + 11) % 12 + 1);
        case 'M' -> String.format("%02d", value.getMinute());
        case 'S' -> String.format("%02d", value.getSecond());
        case 'f' -> String.format("%06d", value.getNano() / 1000);
        case 'p' -> value.getHour() < 12 ? "AM" : "PM";
        case 'j' -> String.format("%03d", value.getDayOfYear());
        case 'a' -> value.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        case 'A' -> value.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        case 'b', 'h' -> value.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        case 'B' -> value.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        case 'w' -> String.valueOf(value.getDayOfWeek().getValue() % 7);
        case 'u' -> String.valueOf(value.getDayOfWeek().getValue());
        case 's' -> String.valueOf(value.atZone(java.time.ZoneId.systemDefault()).toEpochSecond());
        case 'F' -> strftime("%Y-%m-%d");
        case 'T' -> strftime("%H:%M:%S");
        case 'D' -> strftime("%m/%d/%y");
        case 'c' -> strftime("%a %b %e %H:%M:%S %Y");
        case 'x' -> strftime("%m/%d/%y");
        case 'X' -> strftime("%H:%M:%S");
        case 'z', 'Z' -> "";
        case '%' -> "%";
        default -> "%" + d;
      });
    }
    return out.toString();
  }

  @Override
  public String typeName() {
    return "datetime";
  }

  @Override
  public String toString() {
    return iso(" ");
  }
}
