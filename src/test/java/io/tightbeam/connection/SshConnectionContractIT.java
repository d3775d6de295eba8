package io.tightbeam.connection;

import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@link Connection} contract for {@link SshConnection} against a real OpenSSH sshd with stock
 * MaxSessions 10, so that 30 concurrent commands only pass if channels are queued.
 */
class SshConnectionContractIT extends ConnectionContract {
  @RegisterExtension static final SshdExtension SSHD = new SshdExtension(1).withMaxSessions(10);

  private static SshDialer dialer;
  private static SshConnection connection;

  @BeforeAll
  static void connect() throws Exception {
    dialer = new SshDialer(Files.createDirectories(SSHD.directory().resolve("client-ssh")));
    connection = new SshConnection(SSHD.endpoint("web1", 0), dialer);
  }

  @AfterAll
  static void disconnect() {
    connection.close();
    dialer.close();
  }

  @org.junit.jupiter.api.Test
  void neverMoreThanTenChannelsAtOnce() throws Exception {
    java.util.List<java.util.concurrent.CompletableFuture<ExecResult>> running = new java.util.ArrayList<>();
    for (int i = 0; i < 25; i++) {
      running.add(connection.exec(ExecRequest.of("sleep 1")));
    }
    Thread.sleep(300);
    org.assertj.core.api.Assertions.assertThat(connection.channelsInUse()).isEqualTo(SshConnection.CHANNELS_PER_SESSION);
    for (var f : running) {
      org.assertj.core.api.Assertions.assertThat(f.get(120, java.util.concurrent.TimeUnit.SECONDS).exitCode()).isZero();
    }
    org.assertj.core.api.Assertions.assertThat(connection.channelsInUse()).isZero();
  }

  @Override
  Connection connection() {
    return connection;
  }

  @Override
  java.nio.file.Path loginHome() {
    return SSHD.userHome();
  }

  /** Over SSH a command starts in the login home, as OpenSSH's sshd starts every session there. */
  @Override
  java.nio.file.Path startDir() {
    return SSHD.userHome();
  }
}
