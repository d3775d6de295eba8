package io.tightbeam.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BecomeTest {
  private static final ExecRequest REQUEST =
      ExecRequest.of("echo \"$A\" 'it''s'").withStdin("in".getBytes(StandardCharsets.UTF_8)).withTimeout(Duration.ofSeconds(5));

  @Test
  void notEnabledLeavesTheRequestAlone() {
    assertThat(Become.NONE.wrap(REQUEST)).isSameAs(REQUEST);
  }

  @Test
  void sudoUsesAnsiblesDefaultFlagsAndRunsTheQuotedCommandThroughSh() {
    ExecRequest wrapped = new Become(true, "sudo", "root", "", null).wrap(REQUEST);
    assertThat(wrapped.command())
        .isEqualTo("sudo -H -S -n -u root /bin/sh -c 'echo \"$A\" '\"'\"'it'\"'\"''\"'\"'s'\"'\"''");
    assertThat(wrapped.stdin()).isEqualTo(REQUEST.stdin());
    assertThat(wrapped.timeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void environmentAndWorkDirMoveInsideTheEscalatedCommand() {
    ExecRequest wrapped =
        new Become(true, "sudo", "app", null, null)
            .wrap(ExecRequest.of("pwd").withEnvironment(Map.of("A", "x y")).withWorkDir("/srv/my app"));
    assertThat(wrapped.environment()).isEmpty();
    assertThat(wrapped.workDir()).isNull();
    assertThat(wrapped.command())
        .isEqualTo("sudo -H -S -n -u app /bin/sh -c 'export A='\"'\"'x y'\"'\"'; cd '\"'\"'/srv/my app'\"'\"' || exit 1; pwd'");
  }

  @Test
  void aPasswordDropsNonInteractiveSetsThePromptAndPrecedesStdin() {
    ExecRequest wrapped = new Become(true, "sudo", "root", "", "s3cret").wrap(REQUEST);
    assertThat(wrapped.command()).startsWith("sudo -H -S -p '" + Become.PROMPT + "' -u root ");
    assertThat(wrapped.command()).doesNotContain(" -n ").doesNotContain("s3cret");
    assertThat(new String(wrapped.stdin(), StandardCharsets.UTF_8)).isEqualTo("s3cret\nin");
  }

  @Test
  void becomeFlagsReplaceTheDefaultsAndAreQuotedWordByWord() {
    ExecRequest wrapped = new Become(true, "sudo", "root", "-H -E 'x;y'", null).wrap(ExecRequest.of("id"));
    assertThat(wrapped.command()).isEqualTo("sudo -H -E 'x;y' -u root /bin/sh -c id");
  }

  @Test
  void suRunsTheCommandWithDashC() {
    ExecRequest wrapped = new Become(true, "su", "app user", "-l", null).wrap(ExecRequest.of("id -un"));
    assertThat(wrapped.command()).isEqualTo("su -l 'app user' -c 'id -un'");
  }

  @Test
  void suWithAPasswordAsksForATerminalAndReadsExactlyTheStdinOnTheOtherSide() {
    ExecRequest wrapped = new Become(true, "su", "app", "", "s3cret").wrap(REQUEST);
    Terminal terminal = wrapped.terminal();
    assertThat(terminal.answer()).isEqualTo("s3cret");
    assertThat(wrapped.command()).startsWith("su app -c ").doesNotContain("s3cret")
        .contains("stty raw -echo").contains(terminal.ready()).contains("head -c 2 | /bin/sh -c ");
    assertThat(wrapped.stdin()).isEqualTo(REQUEST.stdin());
    assertThat(wrapped.timeout()).isEqualTo(Duration.ofSeconds(5));

    ExecRequest noStdin = new Become(true, "su", "app", "", "s3cret").wrap(ExecRequest.of("id"));
    assertThat(noStdin.command()).contains("/bin/sh -c id < /dev/null").doesNotContain("head -c");
    assertThat(new Become(true, "su", "app", "", null).wrap(ExecRequest.of("id")).terminal()).isNull();
  }

  @Test
  void suPromptsAreRecognisedInSeveralLanguages() {
    for (String prompt : new String[] {"Password: ", "Passwort: ", "Mot de passe : ", "Contrase\u00f1a:", "\u5bc6\u7801\uff1a"}) {
      assertThat(Become.SU_PROMPT.matcher(prompt).find()).as(prompt).isTrue();
    }
    assertThat(Become.SU_PROMPT.matcher("su: Authentication failure").find()).isFalse();
  }

  @Test
  void unknownMethodIsRefused() {
    assertThatThrownBy(() -> new Become(true, "doas", "root", "", null).wrap(REQUEST))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("doas");
  }

  @Test
  void unwrapRemovesThePromptFromStderr() {
    Become become = new Become(true, "sudo", "root", "", "pw");
    ExecResult raw = new ExecResult(0, new byte[0], (Become.PROMPT + "warning\n").getBytes(StandardCharsets.UTF_8));
    assertThat(become.unwrap(raw).stderrText()).isEqualTo("warning\n");
  }
}
