package io.tightbeam.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A server with Ed25519 and ECDSA host keys: the login verifies whichever of them known_hosts holds. */
class HostKeyOrderIT {
  @RegisterExtension static final SshdExtension SSHD = new SshdExtension(2).withEcdsaHostKey();

  private SshDialer dialer;
  private SshConnection connection;

  @BeforeEach
  void startClient() throws Exception {
    dialer = new SshDialer(Files.createDirectories(SSHD.directory().resolve("client-ssh")));
  }

  @AfterEach
  void stopClient() {
    if (connection != null) {
      connection.close();
    }
    dialer.close();
  }

  private String echoWith(Path knownHosts, int host) throws Exception {
    connection = new SshConnection(
        SSHD.endpoint("web" + host, host, Map.of("ansible_ssh_common_args", "-o UserKnownHostsFile=" + knownHosts)), dialer);
    return connection.exec(ExecRequest.of("echo ok")).get(60, TimeUnit.SECONDS).stdoutText();
  }

  @Test
  void theEd25519KeyIsVerifiedWhenKnownHostsHoldsIt() throws Exception {
    // (MINA's own order would take the ECDSA key, which this known_hosts does not hold)
    assertThat(echoWith(SSHD.knownHosts(), 0)).isEqualTo("ok\n");
  }

  @Test
  void theEcdsaKeyIsVerifiedWhenKnownHostsHoldsOnlyIt() throws Exception {
    Path knownHosts = SSHD.directory().resolve("known_hosts_ecdsa");
    Files.writeString(knownHosts,
        "[" + SSHD.address(1) + "]:" + SSHD.port() + " " + Files.readString(Path.of(SSHD.ecdsaHostKey() + ".pub")));
    assertThat(echoWith(knownHosts, 1)).isEqualTo("ok\n");
  }
}
