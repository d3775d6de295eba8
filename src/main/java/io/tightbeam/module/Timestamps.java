package io.tightbeam.module;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Ansible's text forms of times, which are Python's {@code str(datetime)} and {@code
 * str(timedelta)}: {@code 2026-11-29 08:44:19.123456} and {@code 0:00:05.003349}. We always print
 * six fraction digits, as the remote sh side does.
 */
final class Timestamps {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private Timestamps() {}

  static String stamp(LocalDateTime time) {
    return STAMP.format(time);
  }

  static String delta(Duration d) {
    long micros = Math.max(0, d.toNanos() / 1000);
    long days = micros / 86_400_000_000L;
    long rest = micros % 86_400_000_000L;
    String clock =
        String.format(
            "%d:%02d:%02d.%06d",
            rest / 3_600_000_000L,
            rest / 60_000_000L % 60,
            rest / 1_000_000L % 60,
            rest % 1_000_000L);
    if (days == 0) {
      return clock;
    }
    return days + (days == 1 ? " day, " : " days, ") + clock;
  }
}
