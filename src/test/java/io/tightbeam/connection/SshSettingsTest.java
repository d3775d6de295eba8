package io.tightbeam.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SshSettingsTest {
  private static final Path SSH_DIR = Path.of("/home/u/.ssh");

  private static SshSettings settings(int port, String user, Map<String, String> options) {
    return SshSettings.from(new Endpoint("web1", "ssh", "10.0.0.1", port, user, null, options), SSH_DIR);
  }

  @Test
  void defaultsCheckHostKeysAgainstTheUsersKnownHosts() {
    SshSettings s = settings(22, "deploy", Map.of());
    assertThat(s.hostKeys()).isEqualTo(new SshSettings.HostKeyPolicy(true, false, SSH_DIR.resolve("known_hosts")));
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.identityFiles()).isEmpty();
    assertThat(s.address()).isEqualTo("10.0.0.1");
  }

  @Test
  void sshArgsFillWhatTheEndpointLeavesOpen() {
    SshSettings s =
        settings(
            0,
            null,
            Map.of(
                "ansible_ssh_common_args", "-o StrictHostKeyChecking=no -o 'UserKnownHostsFile /tmp/k h' -p 2200",
                "ansible_ssh_extra_args", "-oUser=admin -i /keys/a -C -o ConnectTimeout=3"));
    assertThat(s.port()).isEqualTo(2200);
    assertThat(s.user()).isEqualTo("admin");
    assertThat(s.identityFiles()).containsExactly(Path.of("/keys/a"));
    assertThat(s.hostKeys().check()).isFalse();
    assertThat(s.hostKeys().knownHosts()).isEqualTo(Path.of("/tmp/k"));
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void endpointFieldsWinOverSshArgs() {
    SshSettings s = settings(22, "deploy", Map.of("ansible_ssh_common_args", "-p 2200 -l other"));
    assertThat(s.port()).isEqualTo(22);
    assertThat(s.user()).isEqualTo("deploy");
  }

  @Test
  void hostKeyCheckingFalseAndPasswordAndKeyFileAreRead() {
    SshSettings s =
        settings(
            22,
            "u",
            Map.of("host_key_checking", "False", "ansible_password", "pw", "ansible_ssh_private_key_file", "~/.ssh/deploy"));
    assertThat(s.hostKeys().check()).isFalse();
    assertThat(s.password()).isEqualTo("pw");
    assertThat(s.identityFiles()).containsExactly(Path.of(System.getProperty("user.home"), ".ssh/deploy"));
  }

  @Test
  void acceptNewKeepsCheckingChangedKeys() {
    SshSettings s = settings(22, "u", Map.of("ansible_ssh_common_args", "-o StrictHostKeyChecking=accept-new"));
    assertThat(s.hostKeys().check()).isTrue();
    assertThat(s.hostKeys().acceptNew()).isTrue();
  }

  @Test
  void wordsSplitLikeSh() {
    assertThat(SshSettings.words(" -o 'A B' \"c\\\"d\" e\\ f ")).isEqualTo(List.of("-o", "A B", "c\"d", "e f"));
    assertThat(SshSettings.words(null)).isEmpty();
  }
}
