package io.tightbeam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tightbeam.connection.SshdExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of real SSH hosts seen through the CLI: sessions killed while jobs are polled, a server
 * that goes away for good, wrong host keys, and a server that accepts TCP but never speaks SSH.
 */
class SshFaultsIT {
  @RegisterExtension static final SshdExtension SSHD = new SshdExtension(3);

  @TempDir Path dir;

  /** The hosts' login user (see SshdExtension) writes job files and marks into it. */
  @org.junit.jupiter.api.BeforeEach
  void letTheLoginUserWriteDir() throws IOException {
    Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
  }

  static String vars(SshdExtension sshd, Path knownHosts) {
    return "\n[all:vars]\n"
        + "ansible_port=" + sshd.port() + '\n'
        + "ansible_user=" + sshd.user() + '\n'
        + "ansible_ssh_private_key_file=" + sshd.clientKey() + '\n'
        + "ansible_ssh_common_args='-o UserKnownHostsFile=" + knownHosts + "'\n";
  }

  private Path inventory(String hosts, SshdExtension sshd, Path knownHosts) throws IOException {
    Path file = dir.resolve("hosts.ini");
    Files.writeString(file, hosts + vars(sshd, knownHosts));
    return file;
  }

  private Path webInventory() throws IOException {
    StringBuilder ini = new StringBuilder("[web]\n");
    for (int i = 0; i < 3; i++) {
      ini.append("web").append(i + 1).append(" ansible_host=").append(SSHD.address(i)).append('\n');
    }
    return inventory(ini.toString(), SSHD, SSHD.knownHosts());
  }

  private Path playbook(String text) throws IOException {
    Path file = dir.resolve("play.yml");
    Files.writeString(file, text);
    return file;
  }

  /** The sshd processes serving connections of the daemon {@code sshd} (never its listener). */
  static List<ProcessHandle> sessionProcesses(SshdExtension sshd) {
    String config = sshd.directory().resolve("sshd_config").toString();
    List<ProcessHandle> found = new ArrayList<>();
    ProcessHandle.allProcesses()
        .filter(p -> cmdline(p).contains(config))
        .forEach(listener -> listener.descendants()
            .filter(p -> p.info().command().map(c -> c.contains("sshd")).orElse(false))
            .forEach(found::add));
    return found;
  }

  /** sshd rewrites its argv (setproctitle), so only /proc shows the listener's config path. */
  static String cmdline(ProcessHandle p) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"), StandardCharsets.ISO_8859_1);
    } catch (IOException | RuntimeException gone) {
      return "";
    }
  }

  static int killSessions(SshdExtension sshd) throws InterruptedException {
    List<ProcessHandle> sessions = sessionProcesses(sshd);
    sessions.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle p : sessions) {
      p.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> p);
    }
    Thread.sleep(200);
    return sessions.size();
  }

  /** Waits until {@code count} job files exist: the launches are over and polling has begun. */
  static void awaitJobs(Path asyncDir, int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(asyncDir)) {
        try (var files = Files.list(asyncDir)) {
          if (files.filter(f -> f.getFileName().toString().startsWith("j")).count() >= count) {
            Thread.sleep(300); // the launch command ends right after it sees the file
            return;
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no " + count + " job files in " + asyncDir);
  }

  @Test
  void killedSessionsAreReopenedWhilePollingAndTheJobsAreCollected() throws Exception {
    Path pb = playbook("""
        - hosts: web1,web2
          gather_facts: false
          tasks:
            - name: long job
              command: sleep 6
              async: 30
              poll: 1
            - command: "true"
        """);
    Path asyncDir = dir.resolve("async");
    CompletableFuture<CliRunner.Run> running = CompletableFuture.supplyAsync(() -> {
      try {
        return new CliRunner().env("ANSIBLE_ASYNC_DIR", asyncDir.toString())
            .playbook("-i", webInventory().toString(), pb.toString(), "-T", "3");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    awaitJobs(asyncDir, 2);
    Thread.sleep(1500); // both jobs polled at least once
    long before = SSHD.acceptedLogins(); // (the sessions may be older than this run: kept by the keeper)
    assertThat(killSessions(SSHD)).as("sshd session processes to kill").isGreaterThanOrEqualTo(2);
    CliRunner.Run run = running.get(60, TimeUnit.SECONDS);

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("ASYNC OK on web1: jid=").contains("ASYNC OK on web2: jid=")
        .contains("web1                       : ok=2    changed=2    unreachable=0    failed=0")
        .contains("web2                       : ok=2    changed=2    unreachable=0    failed=0");
    assertThat(SSHD.acceptedLogins() - before).as("each host logged in again after its session died")
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void aHostThatDoesNotComeBackBeforeTheDeadlineFailsTheTaskWithTheConnectionError() throws Exception {
    Path asyncDir = dir.resolve("async");
    SshdExtension lone = new SshdExtension(1);
    lone.start();
    try {
      Path hosts = inventory("lone ansible_host=" + lone.address(0) + "\n", lone, lone.knownHosts());
      Path pb = playbook("""
          - hosts: lone
            gather_facts: false
            tasks:
              - command: sleep 20
                async: 5
                poll: 1
          """);
      CompletableFuture<CliRunner.Run> running = CompletableFuture.supplyAsync(
          () -> new CliRunner().env("ANSIBLE_ASYNC_DIR", asyncDir.toString())
              .playbook("-i", hosts.toString(), pb.toString(), "-T", "3"));
      awaitJobs(asyncDir, 1);
      Thread.sleep(1500);
      List<ProcessHandle> sessions = sessionProcesses(lone);
      lone.stop(); // the listener goes away for good
      sessions.forEach(ProcessHandle::destroyForcibly);
      long cut = System.nanoTime();
      CliRunner.Run run = running.get(60, TimeUnit.SECONDS);
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - cut);

      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
      assertThat(run.out())
          .contains("fatal: [lone]: FAILED! =>")
          .contains("async task did not complete within the requested time - 5s")
          .contains("Failed to connect to the host via ssh")
          .contains("lone                       : ok=0    changed=0    unreachable=0    failed=1");
      assertThat(seconds).as("the task ends at its deadline, not later").isLessThan(15);
    } finally {
      lone.stop();
    }
  }

  @Test
  void aWrongHostKeyMakesOnlyThatHostUnreachableUnlessCheckingIsOff() throws Exception {
    Path otherKey = dir.resolve("other_key");
    Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", otherKey.toString())
        .redirectErrorStream(true).start();
    keygen.getInputStream().readAllBytes();
    assertThat(keygen.waitFor()).isZero();
    String wrong = Files.readString(Path.of(otherKey + ".pub")).trim();
    String web2 = "[" + SSHD.address(1) + "]:" + SSHD.port();
    StringBuilder known = new StringBuilder();
    for (String line : Files.readAllLines(SSHD.knownHosts())) {
      known.append(line.startsWith(web2 + " ") ? web2 + " " + wrong : line).append('\n');
    }
    Path knownHosts = dir.resolve("known_hosts");
    Files.writeString(knownHosts, known);
    StringBuilder ini = new StringBuilder("[web]\n");
    for (int i = 0; i < 3; i++) {
      ini.append("web").append(i + 1).append(" ansible_host=").append(SSHD.address(i)).append('\n');
    }
    Path hosts = inventory(ini.toString(), SSHD, knownHosts);
    Path pb = playbook("""
        - hosts: web
          gather_facts: false
          tasks:
            - command: "true"
            - command: "true"
        """);

    CliRunner.Run run = new CliRunner().playbook("-i", hosts.toString(), pb.toString(), "-T", "3");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(4);
    String fatal = run.out().lines().filter(l -> l.startsWith("fatal: [web2]: UNREACHABLE!")).findFirst().orElse("");
    assertThat(fatal).as(run.out()).contains("REMOTE HOST IDENTIFICATION HAS CHANGED for " + SSHD.address(1))
        .contains(knownHosts.toString());
    assertThat(run.out())
        .contains("web1                       : ok=2    changed=2    unreachable=0    failed=0")
        .contains("web2                       : ok=0    changed=0    unreachable=1    failed=0")
        .contains("web3                       : ok=2    changed=2    unreachable=0    failed=0");

    CliRunner.Run unchecked = new CliRunner().env("ANSIBLE_HOST_KEY_CHECKING", "False")
        .playbook("-i", hosts.toString(), pb.toString(), "-T", "3");
    assertThat(unchecked.exitCode()).as(unchecked.out() + unchecked.err()).isZero();
    assertThat(unchecked.out())
        .contains("web2                       : ok=2    changed=2    unreachable=0    failed=0");
  }

  @Test
  void aServerThatNeverAnswersTheHandshakeIsUnreachableWithinTheConnectTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      List<Socket> accepted = new ArrayList<>();
      Thread acceptor = new Thread(() -> {
        while (!silent.isClosed()) {
          try {
            accepted.add(silent.accept()); // hold it open, say nothing
          } catch (IOException closed) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      Path hosts = inventory("web1 ansible_host=" + SSHD.address(0)
          + "\nmute ansible_host=127.0.0.1 ansible_port=" + silent.getLocalPort() + "\n", SSHD, SSHD.knownHosts());
      Path pb = playbook("""
          - hosts: all
            gather_facts: false
            tasks:
              - command: "true"
          """);
      long start = System.nanoTime();
      CliRunner.Run run = CompletableFuture.supplyAsync(
              () -> new CliRunner().playbook("-i", hosts.toString(), pb.toString(), "-T", "3"))
          .get(60, TimeUnit.SECONDS);
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(4);
      assertThat(run.out()).contains("fatal: [mute]: UNREACHABLE!")
          .contains("mute                       : ok=0    changed=0    unreachable=1    failed=0")
          .contains("web1                       : ok=1    changed=1    unreachable=0    failed=0");
      assertThat(seconds).as("about -T 3 per attempt, not a hang").isLessThan(12);
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  @Test
  void becomeToAnotherUserRunsAsThatUserAndKeepsItsJobsInItsHome() throws Exception {
    String user = "tbbecomeit";
    sh("userdel -r " + user + " > /dev/null 2>&1; useradd -m -s /bin/sh " + user);
    try {
      if (!Files.isExecutable(Path.of("/usr/bin/sudo"))) {
        sh("apt-get install -y sudo > /dev/null 2>&1");
      }
      Path pb = playbook("""
          - hosts: web1
            gather_facts: false
            become: true
            become_user: tbbecomeit
            become_method: sudo
            tasks:
              - command: whoami
                register: who
              - assert:
                  that: who.stdout == 'tbbecomeit'
              - command: sleep 1
                async: 20
                poll: 0
                register: job
              - debug:
                  msg: "JID={{ job.ansible_job_id }} FILE={{ job.results_file }}"
              - async_status:
                  jid: "{{ job.ansible_job_id }}"
                register: st
                until: st.finished
                retries: 15
                delay: 1
              - async_status:
                  jid: "{{ job.ansible_job_id }}"
                become: false
                register: plain
                ignore_errors: true
              - assert:
                  that:
                    - plain is failed
                    - "'could not find job' in plain.msg"
          """);
      CliRunner.Run run = new CliRunner().playbook("-i", webInventory().toString(), pb.toString(), "-T", "3");

      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      assertThat(run.out()).contains("web1                       : ok=7    changed=3    unreachable=0    failed=0");
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("JID=(j[0-9.]+) FILE=(\\S+)\"").matcher(run.out());
      assertThat(m.find()).as(run.out()).isTrue();
      Path jobFile = Path.of("/home/tbbecomeit/.ansible_async", m.group(1));
      assertThat(m.group(2)).isEqualTo(jobFile.toString());
      assertThat(jobFile).exists();
      assertThat(Files.getOwner(jobFile).getName()).isEqualTo(user);
      assertThat(Files.readString(jobFile)).as("the module's result, written by the job")
          .contains("\"cmd\": [\"sleep\",\"1\"]").contains("\"rc\": 0");
    } finally {
      sh("userdel -r " + user + " > /dev/null 2>&1 || true");
    }
  }

  @Test
  void becomeWithSuAndAPasswordRunsTasksAndPolledJobsAsThatUser() throws Exception {
    String user = "tbsuit";
    sh("userdel -r " + user + " > /dev/null 2>&1; useradd -m -s /bin/sh " + user + " && echo '" + user + ":Su-pw-4it' | chpasswd");
    try {
      Path pb = playbook("""
          - hosts: web1
            gather_facts: false
            become: true
            become_user: tbsuit
            become_method: su
            vars:
              ansible_become_password: Su-pw-4it
            tasks:
              - command: whoami
                register: who
              - assert:
                  that: who.stdout == 'tbsuit'
              - shell: echo "$HOME"
                async: 20
                poll: 1
                register: job
              - assert:
                  that: job.stdout == '/home/tbsuit'
          """);
      CliRunner.Run run = new CliRunner().playbook("-i", webInventory().toString(), pb.toString(), "-T", "3");

      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      assertThat(run.out()).contains("ASYNC OK on web1: jid=")
          .contains("web1                       : ok=4    changed=2    unreachable=0    failed=0");
    } finally {
      sh("userdel -r " + user + " > /dev/null 2>&1 || true");
    }
  }

  static String sh(String command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(command + ": " + out).isZero();
    return out;
  }
}
