package io.tightbeam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tightbeam.connection.SshdExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The seed page's playbooks, unchanged, over SSH on five hosts of a real OpenSSH sshd. */
class SeedOverSshIT {
  @RegisterExtension static final SshdExtension SSHD = new SshdExtension(5);

  @TempDir Path dir;

  private String inventory() throws IOException {
    StringBuilder ini = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      ini.append("h").append(i + 1).append(" ansible_host=").append(SSHD.address(i)).append('\n');
    }
    // ansible_user wins over the playbooks' remote_user: root (as in Ansible)
    ini.append("\n[all:vars]\nansible_port=").append(SSHD.port())
        .append("\nansible_user=").append(SSHD.user())
        .append("\nansible_ssh_private_key_file=").append(SSHD.clientKey())
        .append("\nansible_ssh_common_args='-o UserKnownHostsFile=").append(SSHD.knownHosts()).append("'\n");
    Path file = dir.resolve("hosts.ini");
    Files.writeString(file, ini);
    return file.toString();
  }

  private static String seed(String name) {
    return Path.of("examples/seed", name).toAbsolutePath().toString();
  }

  private CliRunner cli() {
    return new CliRunner().env("ANSIBLE_ASYNC_DIR", "~/.tightbeam_seed_ssh_it");
  }

  @Test
  void pollBlockingRunsOnEveryHostAtOnce() throws Exception {
    long start = System.nanoTime();
    CliRunner.Run run = cli().playbook("-i", inventory(), "-f", "5", seed("poll-blocking.yml"));
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    for (int i = 1; i <= 5; i++) {
      assertThat(run.out()).contains("ASYNC OK on h" + i + ": jid=");
    }
    assertThat((System.nanoTime() - start) / 1e9).as("five 15 s jobs ran side by side").isLessThan(60);
  }

  @Test
  void fireAndForgetAndBatchesRunOnEveryHost() throws Exception {
    CliRunner.Run fire = cli().playbook("-i", inventory(), "-f", "5", seed("fire-and-forget.yml"));
    assertThat(fire.exitCode()).as(fire.out() + fire.err()).isZero();
    assertThat(fire.out()).contains("h5                         : ok=2    changed=1");
    CliRunner.Run batch = cli().playbook("-i", inventory(), "-f", "5", seed("batch/main.yml"));
    assertThat(batch.exitCode()).as(batch.out() + batch.err()).isZero();
    for (int i = 1; i <= 5; i++) {
      assertThat(batch.out()).contains("h" + i + "                         : ok=10   changed=6    unreachable=0    failed=0");
    }
  }
}
