package io.tightbeam.template;

import io.tightbeam.py.Py;

/** Python's {@code datetime.timedelta}: days, seconds, microseconds, total_seconds(). */
record TimeDelta(long micros) implements Access.Attributes, Py.Named {
  private static final long DAY = 86_400_000_000L;

  @Override
  public Object attribute(String name) {
    long days = Math.floorDiv(micros, DAY);
    long rest = micros - days * DAY;
    return switch (name) {
      case "days" -> Py.normalNumber(days);
      case "seconds" -> Py.normalNumber(rest / 1_000_000);
      case "microseconds" -> Py.normalNumber(rest % 1_000_000);
      case "total_seconds" -> (PyCallable) (a, k) -> micros / 1_000_000.0;
      default -> null;
    };
  }

  @Override
  public String typeName() {
    return "timedelta";
  }

  @Override
  public String toString() {
    long days = Math.floorDiv(micros, DAY);
    long rest = micros - days * DAY;
    long secs = rest / 1_000_000;
    String clock = String.format("%d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60);
    if (rest % 1_000_000 != 0) {
      clock += String.format(".%06d", rest % 1_000_000);
    }
    return days == 0 ? clock : days + (Math.abs(days) == 1 ? " day, " : " days, ") + clock;
  }
}
