package io.tightbeam.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.tightbeam.connection.Become;
import io.tightbeam.connection.Connection;
import io.tightbeam.connection.Endpoint;
import io.tightbeam.connection.ExecRequest;
import io.tightbeam.connection.ExecResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The -vvv lines of a task's connection, in the form ansible-playbook 2.14 prints them for the
 * local connection ({@code <127.0.0.1> ESTABLISH LOCAL CONNECTION FOR USER: root}, then {@code
 * <127.0.0.1> EXEC /bin/sh -c 'sudo -H -S -n  -u root /bin/sh -c ...'}).
 */
class ConnectionLogTest {
  private final List<String> shown = new CopyOnWriteArrayList<>();
  private final RunListener listener = new RunListener() {
    @Override
    public void verbose(int level, String message) {
      shown.add(level + " " + message);
    }
  };

  private static final Connection NOTHING = new Connection() {
    @Override
    public String host() {
      return "localhost";
    }

    @Override
    public CompletableFuture<ExecResult> exec(ExecRequest request) {
      return CompletableFuture.completedFuture(new ExecResult(0, new byte[0], new byte[0]));
    }

    @Override
    public void put(byte[] data, String remotePath, int mode) {}

    @Override
    public byte[] fetch(String remotePath) {
      return new byte[0];
    }

    @Override
    public void close() {}
  };

  private static Endpoint endpoint(String type, String user, String address) {
    return new Endpoint("localhost", type, address, 0, user, Duration.ofSeconds(10), Map.of());
  }

  @Test
  void localExecShowsTheBecomeCommandOnceEstablished() {
    ConnectionLog log = new ConnectionLog(NOTHING, endpoint("local", null, "localhost"), "127.0.0.1", listener, false);
    ExecRequest sudo = new Become(true, "sudo", "root", "", null).wrap(ExecRequest.of("whoami"));
    log.exec(sudo);
    log.exec(ExecRequest.of("id -u"));
    assertThat(shown).containsExactly(
        "3 <127.0.0.1> ESTABLISH LOCAL CONNECTION FOR USER: " + System.getProperty("user.name"),
        "3 <127.0.0.1> EXEC /bin/sh -c 'sudo -H -S -n -u root /bin/sh -c whoami'",
        "3 <127.0.0.1> EXEC /bin/sh -c 'id -u'");
  }

  @Test
  void sshNamesTheUserAndCutsAModuleScriptShort() {
    ConnectionLog log = new ConnectionLog(NOTHING, endpoint("ssh", "deploy", "web1"), "web1", listener, false);
    log.exec(ExecRequest.of("x".repeat(2100)));
    assertThat(shown.get(0)).isEqualTo("3 <web1> ESTABLISH SSH CONNECTION FOR USER: deploy");
    assertThat(shown.get(1)).startsWith("3 <web1> SSH: EXEC ssh -o 'User=\"deploy\"' -o ConnectTimeout=10 web1 ")
        .endsWith(" ... (100 more characters)'\"'\"''");
  }

  /** ansible-playbook -vvvv shows no argument of a no_log command task (its module reads them from stdin). */
  @Test
  void aNoLogTaskShowsNoCommand() {
    ConnectionLog log = new ConnectionLog(NOTHING, endpoint("local", null, "localhost"), "127.0.0.1", listener, true);
    log.exec(ExecRequest.of("echo SECRET"));
    assertThat(String.join("\n", shown)).doesNotContain("SECRET").contains("<127.0.0.1> EXEC /bin/sh -c");
  }
}
