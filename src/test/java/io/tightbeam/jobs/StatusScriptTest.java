package io.tightbeam.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tightbeam.connection.ConnectionException;
import io.tightbeam.connection.ExecResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusScriptTest {
  private final StatusScript script = new StatusScript(List.of(
      new StatusScript.Entry("~/.ansible_async", JobId.parse("j1.2"), StatusScript.Mode.STATUS),
      new StatusScript.Entry("/a b", JobId.parse("j3.4"), StatusScript.Mode.POLL)));

  private static ExecResult ok(String out) {
    return new ExecResult(0, out.getBytes(StandardCharsets.UTF_8), new byte[0]);
  }

  @Test
  void quotesDirectoriesAndExpandsHome() {
    assertThat(script.text())
        .contains("tb_check 0 status \"$HOME\"/.ansible_async/j1.2 j1.2\n")
        .contains("tb_check 1 poll '/a b'/j3.4 j3.4\n");
  }

  @Test
  void aWatchingCommandWaitsOnlyForItsPollEntriesAndAPlainOneNotAtAll() {
    StatusScript watching = new StatusScript(List.of(
        new StatusScript.Entry("~/.ansible_async", JobId.parse("j1.2"), StatusScript.Mode.STATUS),
        new StatusScript.Entry("/a b", JobId.parse("j3.4"), StatusScript.Mode.POLL),
        new StatusScript.Entry("/c", JobId.parse("j5.6"), StatusScript.Mode.POLL)), 25);
    assertThat(watching.text()).contains("\ntb_watch 25 '/a b'/j3.4 /c/j5.6\ntb_check 0 status");
    assertThat(script.text()).doesNotContain("\ntb_watch ");
  }

  @Test
  void splitsTheReplyByTheCommandsToken() {
    String t = script.token();
    String forged = "fake 0 1 1 0\nline\n";
    List<JobObservation> seen = script.parse(ok(
        t + " 0 1 1 0\n/h/.ansible_async/j1.2\n{\"started\": 1,\n \"x\": \"" + forged + "\"}\n"
            + t + " 1 0 - 0\n/a b/j3.4\n\n" + t + " end\n"), "h");
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0).content()).isEqualTo("{\"started\": 1,\n \"x\": \"" + forged + "\"}");
    assertThat(seen.get(0).liveness()).isEqualTo("1");
    assertThat(seen.get(0).path()).isEqualTo("/h/.ansible_async/j1.2");
    assertThat(seen.get(1).exists()).isFalse();
    assertThat(seen.get(1).path()).isEqualTo("/a b/j3.4");
  }

  @Test
  void aCutOffReplyIsAConnectionFailure() {
    String t = script.token();
    assertThatThrownBy(() -> script.parse(ok(t + " 0 1 1 0\n/x\n{}\n"), "h"))
        .isInstanceOf(ConnectionException.class).hasMessageContaining("h");
    assertThatThrownBy(() -> script.parse(ok(t + " 0 1 1 0\n/x\n{}\n" + t + " end\n"), "h"))
        .isInstanceOf(ConnectionException.class).hasMessageContaining("expected 2 jobs");
  }
}
