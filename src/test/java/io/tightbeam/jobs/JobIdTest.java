package io.tightbeam.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobIdTest {
  @ParameterizedTest
  @ValueSource(strings = {"j886618033605.8092", "j0.1", "59089274669.9964"})
  void acceptsAnsibleAndLegacyIds(String text) {
    assertThat(JobId.parse(text).value()).isEqualTo(text);
    assertThat(JobId.parse(text)).hasToString(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../x", "", " ", "j1.2/../../etc", "/srv/demo/fakejson", "j1.2 ", "j1",
      "x1.2", "j1..2", "j1.2.3", "j.2", "..", "j1.2\n"})
  void refusesAnythingThatIsNotAJobId(String text) {
    assertThatThrownBy(() -> JobId.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid job id '" + text + "': a job id looks like j123456789.4242");
  }

  @Test
  void theConstructorValidatesToo() {
    assertThatThrownBy(() -> new JobId("../x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JobId(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
