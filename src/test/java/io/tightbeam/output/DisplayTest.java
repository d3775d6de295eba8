package io.tightbeam.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.tightbeam.executor.RunListener;
import org.junit.jupiter.api.Test;

/** Warnings, verbose lines and banners as Ansible's Display prints them. */
class DisplayTest {

  @Test
  void warningsArePurplePerLineOnStderrAndShownOnce() {
    Console c = new Console();
    RunListener l = c.callback("default", 0, true);
    String text = "Module invocation had junk after the JSON data: trailing junk after module output";
    l.warning(text);
    l.warning(text);
    assertThat(c.stderr()).isEqualTo(
        "\033[1;35m[WARNING]: Module invocation had junk after the JSON data: trailing junk after\033[0m\n"
            + "\033[1;35mmodule output\033[0m\n");
    assertThat(c.stdout()).isEmpty();
  }

  @Test
  void verboseLinesAppearFromTheirLevelInBlue() {
    Console quiet = new Console();
    quiet.callback("default", 1, false).verbose(2, "not yet");
    assertThat(quiet.stdout()).isEmpty();
    Console c = new Console();
    c.callback("default", 2, true).verbose(2, "shown");
    assertThat(c.stdout()).isEqualTo("\033[0;34mshown\033[0m\n");
  }

  @Test
  void bannersAreEightyColumnsAndKeepThreeStarsForLongNames() {
    Console c = new Console();
    RunListener l = c.callback("default", 0, false);
    l.playStart("");
    l.playStart("x".repeat(90));
    l.playStart("日本");
    assertThat(c.stdout()).isEqualTo("\nPLAY " + "*".repeat(75) + "\n"
        + "\nPLAY [" + "x".repeat(90) + "] ***\n"
        + "\nPLAY [日本] " + "*".repeat(68) + "\n");
  }
}
