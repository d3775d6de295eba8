package io.tightbeam.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
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

  private static HostConfigEntryResolver config(String text) throws Exception {
    return HostConfigEntry.toHostConfigEntryResolver(
        HostConfigEntry.readHostConfigEntries(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true));
  }

  private static final String CONFIG = """
      Host 10.0.0.1
        User fromconfig
        Port 2022
        IdentityFile /keys/config_key
        ProxyJump jumper@bastion:2200
      Host *
        User fromstar
      """;

  @Test
  void theUserIsTheInventorysThenTheSshArgumentsThenSshConfigThenTheLocalOne() throws Exception {
    HostConfigEntryResolver config = config(CONFIG);
    assertThat(settings(0, "deploy", Map.of("ansible_ssh_common_args", "-o User=args")).withConfig(config).user())
        .isEqualTo("deploy");
    assertThat(settings(0, null, Map.of("ansible_ssh_common_args", "-o User=args")).withConfig(config).user())
        .isEqualTo("args");
    assertThat(settings(0, null, Map.of()).withConfig(config).user()).as("the first matching Host wins")
        .isEqualTo("fromconfig");
    assertThat(settings(0, null, Map.of()).withConfig(config("Host other\n  User x\n")).user())
        .isEqualTo(System.getProperty("user.name"));
    assertThat(settings(0, null, Map.of()).withConfig(HostConfigEntryResolver.EMPTY).user())
        .isEqualTo(System.getProperty("user.name"));
  }

  @Test
  void sshConfigFillsHostNamePortKeysAndJumpTheInventoryLeavesOpen() throws Exception {
    HostConfigEntryResolver config = config("Host web1\n  HostName 10.9.9.9\n  Port 2022\n  IdentityFile /keys/c\n");
    SshSettings fromConfig = SshSettings.from(new Endpoint("web1", "ssh", "web1", 0, null, null, Map.of()), SSH_DIR)
        .withConfig(config);
    assertThat(fromConfig.address()).isEqualTo("10.9.9.9");
    assertThat(fromConfig.port()).isEqualTo(2022);
    assertThat(fromConfig.configKeys()).containsExactly(Path.of("/keys/c"));

    SshSettings mixed = settings(22, null, Map.of("ansible_ssh_private_key_file", "/keys/mine"))
        .withConfig(config(CONFIG));
    assertThat(mixed.port()).isEqualTo(22);
    assertThat(mixed.identityFiles()).containsExactly(Path.of("/keys/mine"));
    assertThat(mixed.configKeys()).containsExactly(Path.of("/keys/config_key"));
    assertThat(mixed.proxyJump()).isEqualTo("jumper@bastion:2200");

    SshSettings bare = settings(0, null, Map.of()).withConfig(HostConfigEntryResolver.EMPTY);
    assertThat(bare.port()).isEqualTo(22);
    assertThat(bare.address()).isEqualTo("10.0.0.1");
    assertThat(bare.proxyJump()).isNull();
  }

  @Test
  void aJumpFromTheSshArgumentsWinsOverSshConfigAndNoneSwitchesItOff() throws Exception {
    HostConfigEntryResolver config = config(CONFIG);
    assertThat(settings(0, null, Map.of("ansible_ssh_common_args", "-J u@j1:22,j2")).withConfig(config).proxyJump())
        .isEqualTo("u@j1:22,j2");
    assertThat(settings(0, null, Map.of("ansible_ssh_extra_args", "-o ProxyJump=u@j1")).withConfig(config).proxyJump())
        .isEqualTo("u@j1");
    assertThat(settings(0, null, Map.of("ansible_ssh_common_args", "-oProxyJump=none")).withConfig(config).proxyJump())
        .isNull();
  }

  @Test
  void wordsSplitLikeSh() {
    assertThat(SshSettings.words(" -o 'A B' \"c\\\"d\" e\\ f ")).isEqualTo(List.of("-o", "A B", "c\"d", "e f"));
    assertThat(SshSettings.words(null)).isEmpty();
  }
}
