package io.tightbeam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tightbeam.connection.SshdExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Playbooks over SSH to a real OpenSSH sshd standing for five hosts on loopback addresses. */
class SshPlaybookIT {
  @RegisterExtension static final SshdExtension SSHD = new SshdExtension(5);

  @TempDir Path dir;

  private Path inventory(String extraHostLine) throws IOException {
    StringBuilder ini = new StringBuilder("[web]\n");
    for (int i = 0; i < 5; i++) {
      ini.append("web").append(i + 1).append(" ansible_host=").append(SSHD.address(i)).append('\n');
    }
    ini.append(extraHostLine).append("\n[all:vars]\n")
        .append("ansible_port=").append(SSHD.port()).append('\n')
        .append("ansible_user=").append(SSHD.user()).append('\n')
        .append("ansible_ssh_private_key_file=").append(SSHD.clientKey()).append('\n')
        .append("ansible_ssh_common_args='-o UserKnownHostsFile=").append(SSHD.knownHosts()).append("'\n");
    Path file = dir.resolve("hosts.ini");
    Files.writeString(file, ini);
    return file;
  }

  private Path playbook(String text) throws IOException {
    Path file = dir.resolve("play.yml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void tasksRunOnEveryHostOverOneSessionEach() throws Exception {
    Path pb = playbook("""
        - hosts: web
          gather_facts: false
          tasks:
            - command: hostname
            - shell: echo {{ inventory_hostname }}
              register: out
            - assert:
                that: out.stdout == inventory_hostname
        """);
    long loginsBefore = SSHD.acceptedLogins();
    CliRunner.Run run = new CliRunner().playbook("-i", inventory("").toString(), pb.toString(), "-f", "5");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    for (int i = 1; i <= 5; i++) {
      assertThat(run.out()).contains("web" + i + "                       : ok=3    changed=2    unreachable=0    failed=0");
    }
    assertThat(SSHD.acceptedLogins() - loginsBefore).as("one session per host, reused by every task").isEqualTo(5);
  }

  @Test
  void delegateToRunsTheTaskOnTheDelegateWithItsConnection() throws Exception {
    Path pb = playbook("""
        - hosts: web1,web2
          gather_facts: false
          tasks:
            - shell: echo "${SSH_CONNECTION:-none}"
              register: remote
            - shell: echo "${SSH_CONNECTION:-none}"
              delegate_to: localhost
              register: delegated
            - assert:
                that:
                  - remote.stdout is search(' %d$')
                  - delegated.stdout is not search(' %d$')
        """.formatted(SSHD.port(), SSHD.port()));
    CliRunner.Run run = new CliRunner().playbook("-i", inventory("").toString(), pb.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("web2                       : ok=3    changed=2");
  }

  @Test
  void anUnreachableHostLeavesThePlayTheOthersGoOnAndTheExitCodeIs4() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Path pb = playbook("""
        - hosts: all
          gather_facts: false
          tasks:
            - command: "true"
            - command: "true"
        """);
    CliRunner.Run run = new CliRunner().playbook("-i",
        inventory("dead ansible_host=127.0.0.1 ansible_port=" + closedPort).toString(), pb.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(4);
    assertThat(run.out()).contains("fatal: [dead]: UNREACHABLE! => {\"changed\": false, \"msg\": ")
        .contains("\"unreachable\": true}")
        .contains("dead                       : ok=0    changed=0    unreachable=1    failed=0")
        .contains("web1                       : ok=2    changed=2    unreachable=0    failed=0");
  }

  @Test
  void asyncJobsOverSshAreLaunchedOnEveryHostAndCollected() throws Exception {
    Path pb = playbook("""
        - hosts: web
          gather_facts: false
          tasks:
            - name: fire and forget
              command: /bin/sleep 2
              async: 30
              poll: 0
              register: job
            - name: check on it later
              async_status:
                jid: "{{ job.ansible_job_id }}"
              register: result
              until: result.finished
              retries: 20
              delay: 1
            - name: polled job
              command: /bin/sleep 1
              async: 20
              poll: 1
            - name: cleanup
              async_status:
                jid: "{{ job.ansible_job_id }}"
                mode: cleanup
        """);
    CliRunner.Run run = new CliRunner().env("ANSIBLE_ASYNC_DIR", "~/.tightbeam_it_async")
        .playbook("-i", inventory("").toString(), pb.toString(), "-f", "5");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("ASYNC OK on web3: jid=");
    for (int i = 1; i <= 5; i++) {
      assertThat(run.out()).contains("web" + i + "                       : ok=4    changed=3    unreachable=0    failed=0");
    }
  }
}
