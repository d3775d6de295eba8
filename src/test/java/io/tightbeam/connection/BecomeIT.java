package io.tightbeam.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * sudo and su through a real sshd, to a user this test creates. Needs root (to create the user and
 * a sudoers entry) and sudo installed, as on CI.
 */
class BecomeIT {
  @RegisterExtension static final SshdExtension SSHD = new SshdExtension(1);
  private static final String USER = "tbbecome";
  private static final String PASSWORD = "Tb-become-pw-1";
  private static final Path SUDOERS = Path.of("/etc/sudoers.d/tightbeam-become-it");

  private static SshDialer dialer;

  @BeforeAll
  static void createUser() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "creating a user needs root");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/sudo")), "sudo is not installed");
    if (new ProcessBuilder("id", USER).start().waitFor() != 0) {
      SshdExtension.run("useradd", "-m", "-s", "/bin/sh", USER);
    }
    Process chpasswd = new ProcessBuilder("chpasswd").start();
    chpasswd.getOutputStream().write((USER + ":" + PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
    chpasswd.getOutputStream().close();
    assertThat(chpasswd.waitFor()).isZero();
    Files.writeString(SUDOERS, USER + " ALL=(ALL) ALL\n");
    Files.setPosixFilePermissions(SUDOERS, java.nio.file.attribute.PosixFilePermissions.fromString("r--r-----"));
    dialer = new SshDialer(Files.createDirectories(SSHD.directory().resolve("client-ssh")));
  }

  @AfterAll
  static void removeUser() throws Exception {
    if (dialer != null) {
      dialer.close();
    }
    Files.deleteIfExists(SUDOERS);
    new ProcessBuilder("userdel", "-r", USER).start().waitFor();
  }

  private static ExecResult run(Connection connection, ExecRequest request) throws Exception {
    return connection.exec(request).get(60, TimeUnit.SECONDS);
  }

  private static ExecRequest probe() {
    return ExecRequest.of("id -un; printf '%s\\n' \"$TB_V\"; pwd")
        .withEnvironment(Map.of("TB_V", "a b'c $HOME"))
        .withWorkDir("/tmp");
  }

  @Test
  void sudoFromRootRunsAsTheUserWithEnvironmentAndWorkDir() throws Exception {
    try (SshConnection root = new SshConnection(SSHD.endpointAs("web1", 0, "root"), dialer)) {
      ExecResult result = run(root, new Become(true, "sudo", USER, "", null).wrap(probe()));
      assertThat(result.exitCode()).as(result.stderrText()).isZero();
      assertThat(result.stdoutText()).isEqualTo(USER + "\na b'c $HOME\n/tmp\n");
    }
  }

  @Test
  void suFromRootRunsAsTheUserWithEnvironmentAndWorkDir() throws Exception {
    try (SshConnection root = new SshConnection(SSHD.endpointAs("web1", 0, "root"), dialer)) {
      ExecResult result = run(root, new Become(true, "su", USER, "", null).wrap(probe()));
      assertThat(result.exitCode()).as(result.stderrText()).isZero();
      assertThat(result.stdoutText()).isEqualTo(USER + "\na b'c $HOME\n/tmp\n");
    }
  }

  @Test
  void suWithPasswordAnswersThePromptOnATerminalAndPassesStdinIntact() throws Exception {
    try (SshConnection login = new SshConnection(SSHD.endpoint("web1", 0), dialer)) {
      Become become = new Become(true, "su", USER, "", PASSWORD);
      byte[] data = new byte[70_000]; // every byte value, and more than a terminal's line buffer
      for (int i = 0; i < data.length; i++) {
        data[i] = (byte) i;
      }
      ExecResult result = run(login, become.wrap(probe().withStdin(data)
          .withCommand("id -un; printf '%s\\n' \"$TB_V\"; pwd; cksum; echo to-stderr >&2")));
      assertThat(result.exitCode()).as(result.stdoutText()).isZero();
      Process local = new ProcessBuilder("cksum").start();
      local.getOutputStream().write(data);
      local.getOutputStream().close();
      String sum = new String(local.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split(" ")[0];
      assertThat(result.stdoutText()).startsWith(USER + "\na b'c $HOME\n/tmp\n").doesNotContain(PASSWORD);
      assertThat(result.stdoutText().split("\n")[3].split(" ")[0]).as("cksum of stdin").isEqualTo(sum);
      assertThat(result.stderrText()).isEqualTo("to-stderr\n");
    }
  }

  @Test
  void suWithAWrongPasswordFailsWithSusMessageWithoutRunningTheCommand() throws Exception {
    try (SshConnection login = new SshConnection(SSHD.endpoint("web1", 0), dialer)) {
      ExecResult result = run(login, new Become(true, "su", USER, "", "wrong").wrap(ExecRequest.of("id -un")));
      assertThat(result.exitCode()).isNotZero();
      assertThat(result.stdoutText()).contains("Authentication failure").doesNotContain(USER + "\n");
    }
  }

  @Test
  void sudoWithPasswordReadsItFromStdinAndPassesTheRestToTheCommand() throws Exception {
    try (SshConnection user = new SshConnection(SSHD.endpointAs("web1", 0, USER), dialer)) {
      Become become = new Become(true, "sudo", "root", "-H -S -k", PASSWORD);
      ExecResult raw =
          run(user, become.wrap(ExecRequest.of("id -un; cat").withStdin("payload".getBytes(StandardCharsets.UTF_8))));
      ExecResult result = become.unwrap(raw);
      assertThat(result.exitCode()).as(raw.stderrText()).isZero();
      assertThat(result.stdoutText()).isEqualTo("root\npayload");
      assertThat(raw.stderrText()).contains(Become.PROMPT);
      assertThat(result.stderrText()).doesNotContain(Become.PROMPT);
    }
  }

  @Test
  void sudoWithAWrongPasswordFailsWithoutRunningTheCommand() throws Exception {
    try (SshConnection user = new SshConnection(SSHD.endpointAs("web1", 0, USER), dialer)) {
      Become become = new Become(true, "sudo", "root", "-H -S -k", "wrong");
      ExecResult result = run(user, become.wrap(ExecRequest.of("id -un")));
      assertThat(result.exitCode()).isNotZero();
      assertThat(result.stdoutText()).doesNotContain("root");
    }
  }
}
