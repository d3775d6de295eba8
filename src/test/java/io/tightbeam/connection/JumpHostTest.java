package io.tightbeam.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.junit.jupiter.api.Test;

class JumpHostTest {
  private static SshSettings target(String jump) {
    Endpoint endpoint = new Endpoint("web1", "ssh", "10.0.0.5", 22, "deploy", null,
        Map.of("ansible_ssh_private_key_file", "/keys/k", "ansible_password", "secret", "ansible_ssh_common_args", "-J " + jump));
    return SshSettings.from(endpoint, Path.of("/home/u/.ssh")).withConfig(HostConfigEntryResolver.EMPTY);
  }

  @Test
  void theLastHopIsDialledFirstCarryingTheHopsBeforeIt() {
    SshSettings hop = JumpHost.lastHop(target("first,ops@bastion:2200"), HostConfigEntryResolver.EMPTY);
    assertThat(hop).extracting(SshSettings::address, SshSettings::port, SshSettings::user, SshSettings::proxyJump)
        .containsExactly("bastion", 2200, "ops", "first");
    assertThat(hop.identityFiles()).as("the target's keys").containsExactly(Path.of("/keys/k"));
    assertThat(hop.password()).as("the target's password is not sent to the jump host").isNull();

    SshSettings first = JumpHost.lastHop(hop, HostConfigEntryResolver.EMPTY);
    assertThat(first).extracting(SshSettings::address, SshSettings::port, SshSettings::user, SshSettings::proxyJump)
        .containsExactly("first", 22, System.getProperty("user.name"), null);
  }

  @Test
  void uriAndIpv6HopsAreRead() {
    SshSettings uri = JumpHost.lastHop(target("ssh://ops@[fd00::1]:2201"), HostConfigEntryResolver.EMPTY);
    assertThat(uri).extracting(SshSettings::address, SshSettings::port, SshSettings::user)
        .containsExactly("fd00::1", 2201, "ops");
  }

  @Test
  void anEmptyOrForeignHopIsRefused() {
    assertThatThrownBy(() -> JumpHost.lastHop(target("a,,b"), HostConfigEntryResolver.EMPTY))
        .isInstanceOf(ConnectionException.class).hasMessageContaining("empty hop");
    assertThatThrownBy(() -> JumpHost.lastHop(target("http://proxy:8080"), HostConfigEntryResolver.EMPTY))
        .isInstanceOf(ConnectionException.class).hasMessageContaining("expected [user@]host[:port]");
  }
}
