package io.tightbeam.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoteCommandTest {
  @Test
  void nothingToApplyMeansNoPrefix() {
    assertThat(RemoteCommand.prefix(ExecRequest.of("true"))).isEmpty();
  }

  @Test
  void environmentIsExportedQuotedAndWorkDirEnteredOrExit() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("A", "1");
    env.put("B", "x'y $z");
    String prefix = RemoteCommand.prefix(ExecRequest.of("true").withEnvironment(env).withWorkDir("/tmp/a b"));
    assertThat(prefix).isEqualTo("export A=1 B='x'\"'\"'y $z'; cd '/tmp/a b' || exit 1; ");
  }

  @Test
  void badVariableNamesAreRefusedRatherThanPastedIntoTheCommand() {
    assertThatThrownBy(() -> RemoteCommand.exports(Map.of("A;rm -rf /", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("A;rm -rf /");
  }

  @Test
  void tildePathsExpandToHomeButTheRestStaysQuoted() {
    assertThat(RemoteCommand.path("~/.ansible/my tmp")).isEqualTo("\"$HOME\"/'.ansible/my tmp'");
    assertThat(RemoteCommand.path("~")).isEqualTo("\"$HOME\"");
    assertThat(RemoteCommand.path("/etc/x;y")).isEqualTo("'/etc/x;y'");
    assertThat(RemoteCommand.path("~root/x")).isEqualTo("'~root/x'");
  }
}
