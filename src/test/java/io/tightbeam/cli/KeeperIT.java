package io.tightbeam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tightbeam.connection.Connection;
import io.tightbeam.connection.ConnectionException;
import io.tightbeam.connection.Connections;
import io.tightbeam.connection.ExecRequest;
import io.tightbeam.connection.ExecResult;
import io.tightbeam.connection.SshdExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tightbeam's ControlPersist: with Ansible's default {@code ssh_args} the SSH sessions of a run are
 * held by a keeper process that serves the next runs, over a socket in {@code control_path_dir}.
 */
class KeeperIT {
  @RegisterExtension static final SshdExtension SSHD = new SshdExtension(2);

  @TempDir Path dir;

  private Path controlDir() {
    return dir.resolve("cp");
  }

  private CliRunner cli(String sshArgs) {
    return new CliRunner()
        .env("ANSIBLE_SSH_ARGS", sshArgs)
        .env("ANSIBLE_SSH_CONTROL_PATH_DIR", controlDir().toString())
        .env("ANSIBLE_ASYNC_DIR", SSHD.directory().resolve("async").toString());
  }

  private CliRunner kept() {
    return cli("-C -o ControlMaster=auto -o ControlPersist=60s");
  }

  private Path inventory(String extraHost) throws IOException {
    return Files.writeString(dir.resolve("hosts.ini"),
        "[web]\nweb1 ansible_host=" + SSHD.address(0) + "\nweb2 ansible_host=" + SSHD.address(1) + "\n"
            + extraHost + "\n[all:vars]\nansible_port=" + SSHD.port() + "\nansible_user=" + SSHD.user()
            + "\nansible_ssh_private_key_file=" + SSHD.clientKey()
            + "\nansible_ssh_common_args='-o UserKnownHostsFile=" + SSHD.knownHosts() + "'\n");
  }

  /** The lines in order (hosts answer in any order), without the retries (as many as the timing makes). */
  private static java.util.List<String> sorted(String out) {
    return out.lines().filter(l -> !l.startsWith("FAILED - RETRYING")).sorted().toList();
  }

  private static Stream<Path> sockets(Path cp) throws IOException {
    return Files.list(cp).filter(p -> p.getFileName().toString().matches("tb-[0-9a-f]{12}"));
  }

  @Test
  void aSecondRunUsesTheSessionsOfTheFirstAndPlainSshArgsLogInAgain() throws Exception {
    Path hosts = inventory("");
    long before = SSHD.acceptedLogins();

    CliRunner.Run first = kept().adHoc("web", "-i", hosts.toString(), "-a", "whoami");
    CliRunner.Run second = kept().adHoc("web", "-i", hosts.toString(), "-a", "whoami");

    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    assertThat(sorted(second.out())).isEqualTo(sorted(first.out()));
    assertThat(first.out()).contains("web1 | CHANGED | rc=0 >>\n" + SSHD.user() + "\n");
    assertThat(SSHD.acceptedLogins() - before).as("one login per host for both runs").isEqualTo(2);
    assertThat(Files.getPosixFilePermissions(controlDir())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(sockets(controlDir())).hasSize(1);

    CliRunner.Run alone = cli("-C").adHoc("web", "-i", hosts.toString(), "-a", "whoami");
    assertThat(sorted(alone.out())).isEqualTo(sorted(first.out()));
    assertThat(SSHD.acceptedLogins() - before).as("without ControlPersist each run logs in").isEqualTo(4);
  }

  @Test
  void asyncJobsTransfersAndUnreachableHostsReadTheSameThroughTheKeeper() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Path hosts = inventory("[down]\ngone ansible_host=127.0.0.1 ansible_port=" + closedPort);
    Path source = Files.writeString(dir.resolve("payload.txt"), "payload\n");
    Path playbook = Files.writeString(dir.resolve("play.yml"), """
        - hosts: web:down
          gather_facts: false
          tasks:
            - name: start
              command: /bin/sh -c 'sleep 1; echo done'
              async: 30
              poll: 0
              register: job
            - name: copy while it runs
              copy:
                src: %s
                dest: %s/{{ inventory_hostname }}.txt
            - name: wait
              async_status:
                jid: "{{ job.ansible_job_id }}"
              register: st
              until: st.finished
              retries: 20
              delay: 1
            - debug:
                msg: "{{ st.stdout }} {{ lookup('pipe', 'cat %s/' + inventory_hostname + '.txt') }}"
        """.formatted(source, SSHD.directory(), SSHD.directory()));

    CliRunner.Run viaKeeper = kept().playbook("-i", hosts.toString(), playbook.toString());
    for (String host : new String[] {"web1", "web2"}) {
      Files.delete(SSHD.directory().resolve(host + ".txt")); // so that the copy changes again
    }
    CliRunner.Run direct = cli("").playbook("-i", hosts.toString(), playbook.toString());

    assertThat(viaKeeper.exitCode()).as(viaKeeper.out()).isEqualTo(4);
    assertThat(viaKeeper.out()).contains("\"msg\": \"done payload\"").contains("gone", "UNREACHABLE!");
    assertThat(sorted(viaKeeper.normalizedOut())).isEqualTo(sorted(direct.normalizedOut()));
    assertThat(direct.exitCode()).isEqualTo(4);
  }

  @Test
  void theKeeperLeavesWhenItsPersistTimeHasPassedWithoutARun() throws Exception {
    Path hosts = inventory("");
    CliRunner.Run run = cli("-o ControlMaster=auto -o ControlPersist=1").adHoc("web1", "-i", hosts.toString(), "-a", "true");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(sockets(controlDir())).hasSize(1);

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (sockets(controlDir()).findAny().isPresent() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(sockets(controlDir())).as("the keeper removed its socket on its way out").isEmpty();
    long logins = SSHD.acceptedLogins();
    assertThat(cli("-o ControlMaster=auto -o ControlPersist=1").adHoc("web1", "-i", hosts.toString(), "-a", "true")
        .exitCode()).isZero();
    assertThat(SSHD.acceptedLogins()).as("a new keeper logged in again").isEqualTo(logins + 1);
  }

  @Test
  void aControlDirectoryOthersMayWriteIsNotUsed() throws Exception {
    Files.createDirectories(controlDir());
    Files.setPosixFilePermissions(controlDir(), PosixFilePermissions.fromString("rwxrwxrwx"));
    Path hosts = inventory("");
    long before = SSHD.acceptedLogins();

    assertThat(kept().adHoc("web1", "-i", hosts.toString(), "-a", "true").exitCode()).isZero();
    assertThat(kept().adHoc("web1", "-i", hosts.toString(), "-a", "true").exitCode()).isZero();

    assertThat(sockets(controlDir())).isEmpty();
    assertThat(SSHD.acceptedLogins() - before).as("each run logged in by itself").isEqualTo(2);
  }

  @Test
  void aCommandInFlightIsKilledWhenItsRunGoesAway() throws Exception {
    Path pidFile = SSHD.directory().resolve("kept-" + System.nanoTime() + ".pid");
    Map<String, String> options = Map.of("ssh_args", "-o ControlMaster=auto -o ControlPersist=30",
        "control_path_dir", controlDir().toString());
    CompletableFuture<ExecResult> running;
    try (Connections connections = new Connections(Map.of("HOME", dir.toString(), "PATH", System.getenv("PATH")))) {
      Connection c = connections.get(SSHD.endpoint("web1", 0, options));
      running = c.exec(ExecRequest.of("echo $$ > " + pidFile + "; exec sleep 60"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!(Files.exists(pidFile) && Files.size(pidFile) > 0) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(sockets(controlDir())).as("the command went through a keeper").hasSize(1);
    }
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("sleep killed").isFalse();
    try {
      running.get(10, TimeUnit.SECONDS);
      throw new AssertionError("the command's result arrived although its run had ended");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(ConnectionException.class);
    }
  }
}
