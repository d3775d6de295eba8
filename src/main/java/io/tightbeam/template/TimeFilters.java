package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's {@code strftime} and {@code to_datetime}, with Python's (C locale) directives.
 * {@code to_datetime} gives a {@link DateTime}.
 */
final class TimeFilters {
  private TimeFilters() {}

  static void register(Catalogue c) {
    c.filter("strftime", (v, a, e) -> {
      Object second = a.get(0, "second", null);
      boolean utc = Items.truth(a.get(1, "utc", false));
      double epoch;
      if (second == null) {
        epoch = System.currentTimeMillis() / 1000.0;
      } else {
        try {
          epoch = JinjaTextFilters.toFloat(second);
        } catch (PyException ex) {
          throw new TemplateException("Invalid value for epoch value (" + Items.str(second) + ")");
        }
      }
      ZoneId zone = utc ? ZoneOffset.UTC : ZoneId.systemDefault();
      ZonedDateTime t = Instant.ofEpochSecond((long) Math.floor(epoch)).atZone(zone);
      return format(Items.str(v), t);
    });
    c.filter("to_datetime", (v, a, e) -> {
      String fmt = Items.str(a.get(0, "format", "%Y-%m-%d %H:%M:%S"));
      return new DateTime(parse(Items.str(v), fmt));
    });
  }

  /** Python's time.strftime in the C locale. */
  static String format(String fmt, ZonedDateTime t) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fmt.length(); i++) {
      char ch = fmt.charAt(i);
      if (ch != '%' || i + 1 >= fmt.length()) {
        out.append(ch);
        continue;
      }
      char d = fmt.charAt(++i);
      out.append(switch (d) {
        case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US);
        case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
        case 'b', 'h' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US);
        case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.US);
        case 'c' -> format("%a %b %e %H:%M:%S %Y", t);
        case 'C' -> two(t.getYear() / 100);
        case 'd' -> two(t.getDayOfMonth());
        case 'D' -> format("%m/%d/%y", t);
        case 'e' -> String.format("%2d", t.getDayOfMonth());
        case 'F' -> format("%Y-%m-%d", t);
        case 'G' -> String.valueOf(t.get(IsoFields.WEEK_BASED_YEAR));
        case 'H' -> two(t.getHour());
        case 'I' -> two(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
        case 'j' -> String.format("%03d", t.getDayOfYear());
        case 'k' -> String.format("%2d", t.getHour());
        case 'l' -> String.format("%2d", t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
        case 'm' -> two(t.getMonthValue());
        case 'M' -> two(t.getMinute());
        case 'n' -> "\n";
        case 'p' -> t.getHour() < 12 ? "AM" : "PM";
        case 'R' -> format("%H:%M", t);
        case 's' -> String.valueOf(t.toEpochSecond());
        case 'S' -> two(t.getSecond());
        case 't' -> "\t";
        case 'T' -> format("%H:%M:%S", t);
        case 'u' -> String.valueOf(t.getDayOfWeek().getValue());
        case 'U' -> two((t.getDayOfYear() + 6 - t.getDayOfWeek().getValue() % 7) / 7);
        case 'V' -> two(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        case 'w' -> String.valueOf(t.getDayOfWeek().getValue() % 7);
        case 'W' -> two((t.getDayOfYear() + 6 - (t.getDayOfWeek().getValue() + 6) % 7) / 7);
        case 'x' -> format("%m/%d/%y", t);
        case 'X' -> format("%H:%M:%S", t);
        case 'y' -> two(t.getYear() % 100);
        case 'Y' -> String.valueOf(t.getYear());
        case 'z' -> t.getOffset().getId().equals("Z") ? "+0000"
            : t.getOffset().getId().replace(":", "");
        case 'Z' -> t.getZone() instanceof ZoneOffset ? (t.getOffset().getTotalSeconds() == 0
            ? "UTC" : t.getOffset().getId()) : t.getZone().getDisplayName(TextStyle.SHORT, Locale.US);
        case 'f' -> String.format("%06d", t.get(ChronoField.MICRO_OF_SECOND));
        case '%' -> "%";
        default -> "%" + d;
      });
    }
    return out.toString();
  }

  private static String two(int n) {
    return String.format("%02d", n);
  }

  /** Python's datetime.strptime for the common directives. */
  static LocalDateTime parse(String text, String fmt) {
    StringBuilder regex = new StringBuilder();
    List<Character> fields = new ArrayList<>();
    for (int i = 0; i < fmt.length(); i++) {
      char ch = fmt.charAt(i);
      if (ch == '%' && i + 1 < fmt.length()) {
        char d = fmt.charAt(++i);
        String group = switch (d) {
          case 'Y' -> "(\\d{4})";
          case 'm', 'd', 'H', 'M', 'S', 'I', 'y' -> "(\\d{1,2})";
          case 'j' -> "(\\d{1,3})";
          case 'f' -> "(\\d{1,6})";
          case 'b', 'B', 'h', 'a', 'A' -> "([A-Za-z]+)";
          case 'p' -> "(AM|PM|am|pm)";
          case 'z' -> "([-+]\\d{2}:?\\d{2}|Z)";
          case '%' -> "%";
          default -> throw new PyException("'" + d + "' is a bad directive in format '%" + d + "'");
        };
        if (d != '%') {
          fields.add(d);
        }
        regex.append(group);
      } else if (Character.isWhitespace(ch)) {
        regex.append("\\s+");
      } else {
        regex.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    Matcher m = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(text);
    if (!m.matches()) {
      throw PyException.valueError("time data " + Py.repr(text) + " does not match format "
          + Py.repr(fmt));
    }
    int year = 1900;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int micro = 0;
    int dayOfYear = -1;
    boolean pm = false;
    boolean twelve = false;
    for (int i = 0; i < fields.size(); i++) {
      String g = m.group(i + 1);
      switch (fields.get(i)) {
        case 'Y' -> year = Integer.parseInt(g);
        case 'y' -> {
          int y = Integer.parseInt(g);
          year = y < 69 ? 2000 + y : 1900 + y;
        }
        case 'm' -> month = Integer.parseInt(g);
        case 'd' -> day = Integer.parseInt(g);
        case 'H' -> hour = Integer.parseInt(g);
        case 'I' -> {
          hour = Integer.parseInt(g);
          twelve = true;
        }
        case 'M' -> minute = Integer.parseInt(g);
        case 'S' -> second = Integer.parseInt(g);
        case 'f' -> micro = Integer.parseInt((g + "00000").substring(0, 6));
        case 'j' -> dayOfYear = Integer.parseInt(g);
        case 'p' -> pm = g.equalsIgnoreCase("PM");
        case 'b', 'B', 'h' -> month = monthNumber(g, text, fmt);
        default -> {
          // %a, %A and %z are checked by the pattern and do not change the result.
        }
      }
    }
    if (twelve) {
      hour = hour % 12 + (pm ? 12 : 0);
    }
    try {
      LocalDateTime t = LocalDateTime.of(year, month, day, hour, minute, second, micro * 1000);
      return dayOfYear > 0 ? t.withDayOfYear(dayOfYear) : t;
    } catch (java.time.DateTimeException ex) {
      throw PyException.valueError("day is out of range for month");
    }
  }

  private static int monthNumber(String name, String text, String fmt) {
    for (java.time.Month month : java.time.Month.values()) {
      String full = month.getDisplayName(TextStyle.FULL, Locale.US);
      if (full.equalsIgnoreCase(name) || full.substring(0, 3).equalsIgnoreCase(name)) {
        return month.getValue();
      }
    }
    throw PyException.valueError("time data " + Py.repr(text) + " does not match format " + Py.repr(fmt));
  }

}
