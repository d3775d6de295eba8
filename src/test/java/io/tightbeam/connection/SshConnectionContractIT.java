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

  @Override
  Connection connection() {
    return connection;
  }
}
