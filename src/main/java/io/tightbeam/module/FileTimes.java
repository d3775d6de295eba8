package io.tightbeam.module;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code file} module's {@code modification_time} and {@code access_time}: {@code preserve},
 * {@code now}, or a time written in {@code *_time_format} (Python's strptime directives), turned
 * on the controller into {@code touch -t}'s {@code CCYYMMDDhhmm.SS}, which the target reads in
 * its own time zone as Ansible's {@code time.mktime} does.
 */
final class FileTimes {
  static final String DEFAULT_FORMAT = "%Y%m%d%H%M.%S";

  private static final Map<Character, String> DIRECTIVES = Map.ofEntries(
      Map.entry('Y', "uuuu"), Map.entry('m', "MM"), Map.entry('d', "dd"),
      Map.entry('H', "HH"), Map.entry('I', "hh"), Map.entry('M', "mm"), Map.entry('S', "ss"),
      Map.entry('p', "a"), Map.entry('b', "MMM"), Map.entry('B', "MMMM"), Map.entry('j', "DDD"));
  private static final Map<Character, ChronoField> NUMBERS = Map.of(
      'm', ChronoField.MONTH_OF_YEAR, 'd', ChronoField.DAY_OF_MONTH, 'H', ChronoField.HOUR_OF_DAY,
      'I', ChronoField.CLOCK_HOUR_OF_AMPM, 'M', ChronoField.MINUTE_OF_HOUR, 'S', ChronoField.SECOND_OF_MINUTE);
  private static final DateTimeFormatter TOUCH = DateTimeFormatter.ofPattern("uuuuMMddHHmm.ss");

  private FileTimes() {}

  /**
   * What the remote script is given: {@code preserve}, {@code now} or a touch stamp. A null value
   * takes the state's default (touch: now; otherwise preserve).
   */
  static String stamp(Object value, Object format, Object state) {
    if (value == null) {
      return "touch".equals(state) ? "now" : "preserve";
    }
    String text = String.valueOf(value);
    if (text.equals("preserve") || text.equals("now")) {
      return text;
    }
    String fmt = format == null ? DEFAULT_FORMAT : String.valueOf(format);
    try {
      return TOUCH.format(LocalDateTime.from(formatter(fmt).parse(text)));
    } catch (java.time.DateTimeException e) {
      throw new ModuleArgumentException("Error while obtaining timestamp for time " + text
          + " using format " + fmt + ": time data '" + text + "' does not match format '" + fmt + "'");
    }
  }

  /** A parser for a strptime format; fields it lacks default as Python's (1900-01-01 00:00:00). */
  private static DateTimeFormatter formatter(String fmt) {
    DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
    for (int i = 0; i < fmt.length(); i++) {
      char c = fmt.charAt(i);
      if (c != '%' || i + 1 == fmt.length()) {
        b.appendLiteral(c);
        continue;
      }
      char d = fmt.charAt(++i);
      if (d == '%') {
        b.appendLiteral('%');
      } else if (d == 'y') {
        // Python reads 69-99 as 19xx and 00-68 as 20xx
        b.appendValueReduced(ChronoField.YEAR, 2, 2, 1969);
      } else if (NUMBERS.containsKey(d) && (i + 1 == fmt.length() || fmt.charAt(i + 1) != '%')
          && (i < 3 || fmt.charAt(i - 3) != '%')) {
        // Python takes one or two digits; Java's two-letter patterns want two, so a field with no
        // number beside it (the seconds of 202001011200.0) is read with either
        b.appendValue(NUMBERS.get(d), 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
      } else if (DIRECTIVES.containsKey(d)) {
        b.appendPattern(DIRECTIVES.get(d));
      } else {
        throw new ModuleArgumentException("the time format directive %" + d + " in '" + fmt
            + "' is not supported; use %Y %y %m %d %H %I %M %S %p %b %B %j");
      }
    }
    defaultUnless(b, fmt, ChronoField.YEAR, 1900, "%Y", "%y");
    defaultUnless(b, fmt, ChronoField.MONTH_OF_YEAR, 1, "%m", "%b", "%B", "%j");
    defaultUnless(b, fmt, ChronoField.DAY_OF_MONTH, 1, "%d", "%j");
    defaultUnless(b, fmt, ChronoField.HOUR_OF_DAY, 0, "%H", "%I");
    defaultUnless(b, fmt, ChronoField.AMPM_OF_DAY, 0, "%p", "%H");
    defaultUnless(b, fmt, ChronoField.MINUTE_OF_HOUR, 0, "%M");
    defaultUnless(b, fmt, ChronoField.SECOND_OF_MINUTE, 0, "%S");
    return b.toFormatter(Locale.ROOT);
  }

  private static void defaultUnless(DateTimeFormatterBuilder b, String fmt, ChronoField field, long value,
      String... directives) {
    for (String d : directives) {
      if (fmt.contains(d)) {
        return;
      }
    }
    b.parseDefaulting(field, value);
  }
}
