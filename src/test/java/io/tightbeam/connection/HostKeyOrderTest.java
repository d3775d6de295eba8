package io.tightbeam.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.NamedResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostKeyOrderTest {
  private static final String ECDSA_KEY = "ecdsa-sha2-nistp256 "
      + "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBPVDM6UrjWccOgbPoei9QVXrWH/Z4vqckFJyt5eb93qTcH4e5+I6AxZXgQ4C69EAlYC89f+miYYEtZzmtvfyiQQ=";
  private static final String RSA_KEY = "ssh-rsa "
      + "AAAAB3NzaC1yc2EAAAADAQABAAAAgQDAlFYWlWkU/Glzl7RrYj1gQTREtnzUs+pK7OoicZHjGJAd03GF6m3UIWfWlSRbsGLYss22k/MNCnXHCmRKJYdPWs8q"
      + "AyGmWUIk/+aZrRDzsKQlXcpLHvQumhIj5w4YHaAtTo10nrebpev+/EvjYB02TDG4FmwYRIVI6bUau1YpsQ==";

  private final HostKeyOrder order = new HostKeyOrder(SshClient.setUpDefaultClient().getSignatureFactories());

  private static List<String> plain(List<String> names) {
    return names.stream().filter(n -> !n.contains("cert") && !n.startsWith("sk-")).toList();
  }

  @Test
  void theDefaultsAreOpenSshsOrderEd25519First() {
    assertThat(plain(NamedResource.getNameList(order.defaults())))
        .startsWith("ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "rsa-sha2-512",
            "rsa-sha2-256");
    assertThat(NamedResource.getNameList(order.defaults())).first().isEqualTo("ssh-ed25519-cert-v01@openssh.com");
  }

  @Test
  void aHostsKnownKeyTypesComeFirstWhileChecking(@TempDir Path dir) throws Exception {
    Path knownHosts = Files.writeString(dir.resolve("known_hosts"),
        "[10.0.0.1]:2222 " + ECDSA_KEY + "\n10.0.0.2 " + RSA_KEY + "\n");
    var checking = new SshSettings.HostKeyPolicy(true, false, knownHosts);

    assertThat(NamedResource.getNameList(order.forHost(checking, "10.0.0.1", 2222))).first()
        .isEqualTo("ecdsa-sha2-nistp256");
    assertThat(NamedResource.getNameList(order.forHost(checking, "10.0.0.2", 22)))
        .startsWith("rsa-sha2-512", "rsa-sha2-256");
    assertThat(order.forHost(checking, "10.0.0.1", 22)).isEqualTo(order.defaults()); // another port, another host
    assertThat(order.forHost(new SshSettings.HostKeyPolicy(false, false, knownHosts), "10.0.0.1", 2222))
        .isEqualTo(order.defaults());
  }
}
