package io.tightbeam.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputLinesTest {
  @Test
  void splitsOnEveryPythonLineBoundaryWithoutAnEmptyLastLine() {
    assertThat(OutputLines.split("a\nb\r\nc\rd\u000be\u2028f\n\n"))
        .containsExactly("a", "b", "c", "d", "e", "f", "");
    assertThat(OutputLines.split("")).isEmpty();
  }

  @Test
  void addsLinesOnlyWhereOutputExistsAndLinesAreMissing() {
    Map<String, Object> result =
        OutputLines.added(Map.of("stdout", "x\ny", "stderr_lines", java.util.List.of("kept")));
    assertThat(result)
        .containsEntry("stdout_lines", java.util.List.of("x", "y"))
        .containsEntry("stderr_lines", java.util.List.of("kept"));
    assertThat(OutputLines.added(Map.of("ping", "pong"))).doesNotContainKey("stdout_lines");
  }

  @Test
  void timesLookLikePythonsStr() {
    assertThat(Timestamps.stamp(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6_000)))
        .isEqualTo("2026-01-02 03:04:05.000006");
    assertThat(Timestamps.delta(Duration.ofMillis(5003).plusNanos(349_000)))
        .isEqualTo("0:00:05.003349");
    assertThat(Timestamps.delta(Duration.ofHours(27).plusSeconds(61)))
        .isEqualTo("1 day, 3:01:01.000000");
  }
}
