package io.tightbeam.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalOutputTest {
  private final List<String> typed = new ArrayList<>();
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();

  private TerminalOutput conversation(String stdin) {
    Terminal terminal = new Terminal(Become.SU_PROMPT, "pw", "READY-1");
    return new TerminalOutput(terminal, stdin.getBytes(StandardCharsets.UTF_8), output,
        bytes -> typed.add(new String(bytes, StandardCharsets.UTF_8)));
  }

  private static void say(TerminalOutput out, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.write(bytes, 0, bytes.length);
  }

  @Test
  void thePromptIsAnsweredOnceWhenItIsTheLastThingSaidThenStdinFollowsTheReadyLine() {
    TerminalOutput out = conversation("data");
    say(out, "Pass");
    assertThat(typed).isEmpty();
    say(out, "word: ");
    assertThat(typed).containsExactly("pw\n");
    say(out, "\nREA");
    say(out, "DY-1\nfirst line\n");
    say(out, "Password: is just output now\n");

    say(out, "\nREADY-1 stderr\nwarning\n");

    assertThat(typed).containsExactly("pw\n", "data");
    assertThat(out.started()).isTrue();
    ExecResult result = out.result(3, new byte[0]);
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stdoutText()).isEqualTo("first line\nPassword: is just output now\n");
    assertThat(result.stderrText()).isEqualTo("warning\n");
  }

  @Test
  void whatWasSaidBeforeTheReadyLineIsTheOutputOfAFailedSu() {
    TerminalOutput out = conversation("");
    say(out, "Password: ");
    say(out, "\nsu: Authentication failure\n");

    assertThat(out.started()).isFalse();
    ExecResult result = out.result(1, new byte[0]);
    assertThat(result.stdoutText()).isEqualTo("su: Authentication failure\n");
    assertThat(result.stderrText()).isEmpty();
  }

  @Test
  void noPromptNoAnswerAndAnEmptyStdinIsNotTyped() {
    TerminalOutput out = conversation("");
    say(out, "READY-1\nok");
    assertThat(typed).isEmpty();
    assertThat(out.result(0, new byte[0]).stdoutText()).as("killed before its stderr mark").isEqualTo("ok");
    say(out, "\nREADY-1 stderr\n");
    assertThat(out.result(0, new byte[0]).stdoutText()).as("a last line without newline").isEqualTo("ok");
  }
}
