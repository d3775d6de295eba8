package io.tightbeam.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The default callback against output recorded from ansible-core 2.14.18. */
class DefaultCallbackTest {

  @Test
  void playWithFailuresSkipsAndLoopMatchesAnsibleByteForByte() {
    Console c = new Console();
    BasicPlay.play(c.callback("default", 0, false));
    assertThat(c.stdout()).isEqualTo(Console.golden("default/basic.txt"));
    assertThat(c.stderr()).isEmpty();
  }

  @Test
  void colouredPlayMatchesAnsibleForceColorOutput() {
    Console c = new Console();
    BasicPlay.play(c.callback("default", 0, true));
    assertThat(c.stdout()).isEqualTo(Console.golden("default/basic-color.txt"));
  }

  @Test
  void verboseShowsResultJsonAndTheVerboseLine() {
    Console c = new Console();
    BasicPlay.play(c.callback("default", 1, false));
    assertThat(c.stdout()).isEqualTo(Console.golden("default/basic-v.txt"));
  }
}
