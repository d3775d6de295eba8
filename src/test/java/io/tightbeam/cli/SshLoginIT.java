package io.tightbeam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tightbeam.connection.SshdExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the CLI logs in over SSH: the user (inventory, flags, ssh_config, local user, in Ansible's
 * order), keys held by an ssh-agent, and ProxyJump. The controller's home is a scratch directory (HOME in the CLI's environment), so the
 * machine's own {@code ~/.ssh} is never read.
 */
class SshLoginIT {
  @RegisterExtension static final SshdExtension SSHD = new SshdExtension(2);

  @TempDir Path home;

  private CliRunner cli() {
    return new CliRunner().env("HOME", home.toString()).env("SSH_AUTH_SOCK", "");
  }

  private Path sshConfig(String text) throws IOException {
    Path dir = Files.createDirectories(home.resolve(".ssh"));
    return Files.writeString(dir.resolve("config"), text);
  }

  private Path inventory(String text) throws IOException {
    return Files.writeString(home.resolve("hosts.ini"),
        text + "\n[all:vars]\nansible_ssh_common_args='-o UserKnownHostsFile=" + SSHD.knownHosts() + "'\n");
  }

  /** An ssh_config naming the test sshd's first address "cfghost", with {@code user}. */
  private void configuredHost(String user) throws IOException {
    sshConfig("Host cfghost\n  HostName " + SSHD.address(0) + "\n  Port " + SSHD.port()
        + "\n  User " + user + "\n  IdentityFile " + SSHD.clientKey() + "\n");
  }

  private static String whoami(CliRunner.Run run) {
    return whoami("cfghost", run);
  }

  private static String whoami(String host, CliRunner.Run run) {
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    String[] lines = run.out().split("\n");
    assertThat(lines[0]).isEqualTo(host + " | CHANGED | rc=0 >>");
    return lines[1];
  }

  @Test
  void sshConfigSuppliesTheUserWhenNeitherInventoryNorFlagsNameOne() throws Exception {
    configuredHost(SSHD.user());
    Path hosts = inventory("cfghost");

    assertThat(whoami(cli().adHoc("cfghost", "-i", hosts.toString(), "-a", "whoami"))).isEqualTo(SSHD.user());
  }

  @Test
  void remoteUserFlagWinsOverSshConfigAndAnsibleUserOverBoth() throws Exception {
    assumeTrue(!SSHD.user().equals("root"), "needs a login user other than root (tests run as root)");
    configuredHost(SSHD.user());

    Path plain = inventory("cfghost");
    assertThat(whoami(cli().adHoc("cfghost", "-i", plain.toString(), "-u", "root", "-a", "whoami")))
        .isEqualTo("root");
    assertThat(whoami(cli().env("ANSIBLE_REMOTE_USER", "root").adHoc("cfghost", "-i", plain.toString(), "-a", "whoami")))
        .as("ANSIBLE_REMOTE_USER").isEqualTo("root");

    Path withUser = inventory("cfghost ansible_user=" + SSHD.user());
    assertThat(whoami(cli().adHoc("cfghost", "-i", withUser.toString(), "-u", "root", "-a", "whoami")))
        .isEqualTo(SSHD.user());
  }

  @Test
  void keysHeldByTheAgentAtSshAuthSockAreOffered() throws Exception {
    Path socket = home.resolve("agent.sock");
    Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
        .redirectErrorStream(true).redirectOutput(home.resolve("agent.log").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!Files.exists(socket)) {
        assertThat(agent.isAlive()).as(Files.readString(home.resolve("agent.log"))).isTrue();
        assertThat(System.nanoTime()).as("ssh-agent's socket").isLessThan(deadline);
        Thread.sleep(20);
      }
      ProcessBuilder add = new ProcessBuilder("ssh-add", SSHD.clientKey().toString()).redirectErrorStream(true);
      add.environment().put("SSH_AUTH_SOCK", socket.toString());
      Process added = add.start();
      String addOut = new String(added.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(added.waitFor()).as(addOut).isZero();
      // no key file anywhere: not in the inventory, not in the (empty) ~/.ssh
      Path hosts = inventory("agenthost ansible_host=" + SSHD.address(1) + " ansible_port=" + SSHD.port()
          + " ansible_user=" + SSHD.user());

      CliRunner.Run withoutAgent = cli().adHoc("agenthost", "-i", hosts.toString(), "-a", "whoami");
      assertThat(withoutAgent.out()).as(withoutAgent.err()).contains("agenthost | UNREACHABLE!").contains("Permission denied");

      CliRunner.Run withAgent = cli().env("SSH_AUTH_SOCK", socket.toString())
          .adHoc("agenthost", "-i", hosts.toString(), "-a", "whoami");
      assertThat(whoami("agenthost", withAgent)).isEqualTo(SSHD.user());
    } finally {
      agent.destroy();
      agent.waitFor(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aProxyJumpFromSshConfigOrTheSshArgumentsLeadsThroughTheJumpHost() throws Exception {
    sshConfig("Host behind\n  HostName " + SSHD.address(1) + "\n  ProxyJump jumpbox\n"
        + "Host jumpbox\n  HostName " + SSHD.address(0) + "\n"
        + "Host *\n  Port " + SSHD.port() + "\n  User " + SSHD.user() + "\n  IdentityFile " + SSHD.clientKey() + "\n");
    Path hosts = inventory("behind");
    long before = SSHD.acceptedLogins();

    CliRunner.Run run = cli().adHoc("behind", "-i", hosts.toString(), "-m", "shell", "-a", "echo $SSH_CONNECTION");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains(" " + SSHD.address(1) + " " + SSHD.port() + "\n");
    assertThat(SSHD.acceptedLogins() - before).as("the jump host, then the target").isEqualTo(2);

    String jump = SSHD.user() + "@" + SSHD.address(0) + ":" + SSHD.port();
    Path viaArgs = Files.writeString(home.resolve("args.ini"), "target ansible_host=" + SSHD.address(1)
        + " ansible_port=" + SSHD.port() + " ansible_user=" + SSHD.user()
        + " ansible_ssh_private_key_file=" + SSHD.clientKey()
        + " ansible_ssh_common_args='-o UserKnownHostsFile=" + SSHD.knownHosts() + " -o ProxyJump=" + jump + "'\n");
    Files.delete(home.resolve(".ssh/config"));
    CliRunner.Run args = cli().adHoc("target", "-i", viaArgs.toString(), "-a", "whoami");
    assertThat(whoami("target", args)).isEqualTo(SSHD.user());
    assertThat(SSHD.acceptedLogins() - before).isEqualTo(4);
  }
}
