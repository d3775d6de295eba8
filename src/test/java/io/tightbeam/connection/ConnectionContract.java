package io.tightbeam.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link Connection} must have, run against each implementation (the targets
 * are this machine, so the test can look at the files it writes).
 */
abstract class ConnectionContract {
  @TempDir Path tmp;

  abstract Connection connection();

  /** The home directory of the user the connection runs commands as. */
  Path loginHome() {
    return Path.of(System.getProperty("user.home"));
  }

  /** Where a command without a work dir starts: the controller's working directory locally. */
  Path startDir() {
    return Path.of(System.getProperty("user.dir"));
  }

  /** The login user may be another user than the test's (see {@link TestUser}). */
  @BeforeEach
  void letTheLoginUserWriteTmp() throws Exception {
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
  }

  ExecResult run(ExecRequest request) throws Exception {
    return connection().exec(request).get(60, TimeUnit.SECONDS);
  }

  ExecResult run(String command) throws Exception {
    return run(ExecRequest.of(command));
  }

  @Test
  void exitCodeAndSeparateStreams() throws Exception {
    ExecResult result = run("echo out; echo err >&2; exit 3");
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stdoutText()).isEqualTo("out\n");
    assertThat(result.stderrText()).isEqualTo("err\n");
  }

  @Test
  void unknownCommandExits127() throws Exception {
    ExecResult result = run("tightbeam-no-such-command-xyz");
    assertThat(result.exitCode()).isEqualTo(127);
    assertThat(result.stderrText()).contains("not found");
  }

  @Test
  void stdinIsDeliveredAndThenAtEof() throws Exception {
    ExecResult result = run(ExecRequest.of("cat; echo end").withStdin("line1\nline2".getBytes(StandardCharsets.UTF_8)));
    assertThat(result.stdoutText()).isEqualTo("line1\nline2end\n");
    assertThat(run("cat; echo end").stdoutText()).isEqualTo("end\n");
  }

  @Test
  void largeBinaryStdinArrivesExactly() throws Exception {
    byte[] data = randomBytes(3 * 1024 * 1024, 7); // larger than an SSH channel window
    Path target = tmp.resolve("stdin.bin");
    ExecResult result = run(ExecRequest.of("cat > " + target).withStdin(data));
    assertThat(result.exitCode()).isZero();
    assertThat(Files.readAllBytes(target)).isEqualTo(data);
  }

  @Test
  void largeBinaryOutputArrivesExactly() throws Exception {
    byte[] data = randomBytes(5 * 1024 * 1024, 11);
    Path source = tmp.resolve("out.bin");
    Files.write(source, data);
    ExecResult result = run("cat " + source + "; printf '\\000\\377' >&2");
    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).isEqualTo(data);
    assertThat(result.stderr()).containsExactly(0, 0xff);
  }

  @Test
  void environmentReachesTheWholeCommandWithValuesIntact() throws Exception {
    String tricky = "it's $HOME \"q\" `x` ; \\ done";
    ExecResult result =
        run(ExecRequest.of("printf '%s|' \"$TB_A\"; true; printf '%s' \"$TB_B\"")
            .withEnvironment(Map.of("TB_A", tricky, "TB_B", "2")));
    assertThat(result.stdoutText()).isEqualTo(tricky + "|2");
  }

  @Test
  void commandsStartInTheirStartDirOrTheGivenWorkDir() throws Exception {
    assertThat(run("pwd").stdoutText().strip()).isEqualTo(startDir().toString());
    Path dir = Files.createDirectory(tmp.resolve("work dir"));
    assertThat(run(ExecRequest.of("pwd").withWorkDir(dir.toString())).stdoutText().strip()).isEqualTo(dir.toString());
  }

  @Test
  void missingWorkDirFailsWithoutRunningTheCommand() throws Exception {
    Path marker = tmp.resolve("ran");
    ExecResult result = run(ExecRequest.of("touch " + marker).withWorkDir(tmp.resolve("missing").toString()));
    assertThat(result.exitCode()).isNotZero();
    assertThat(marker).doesNotExist();
  }

  @Test
  void timedOutCommandReportsMinusOneAndDoesNotWaitForIt() throws Exception {
    long start = System.nanoTime();
    ExecResult result = run(ExecRequest.of("echo started; sleep 30").withTimeout(Duration.ofSeconds(1)));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(result.exitCode()).isEqualTo(-1);
    assertThat(result.stderrText()).contains("timed out");
  }

  @Test
  void putWritesBytesWithModeAndLeavesNoTempFile() throws Exception {
    byte[] data = randomBytes(200_000, 3);
    Path target = tmp.resolve("file.bin");
    connection().put(data, target.toString(), 0640);
    assertThat(Files.readAllBytes(target)).isEqualTo(data);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");
    assertThat(Files.list(tmp)).containsExactly(target);
    assertThat(connection().fetch(target.toString())).isEqualTo(data);
  }

  @Test
  void putReplacesAnExistingFileByRenameNotInPlace() throws Exception {
    Path target = tmp.resolve("replace.txt");
    Files.writeString(target, "old");
    Path hardLink = Files.createLink(tmp.resolve("old-link"), target);
    connection().put("new".getBytes(StandardCharsets.UTF_8), target.toString(), 0755);
    assertThat(Files.readString(target)).isEqualTo("new");
    // a reader holding the old file (here: a hard link) still sees it whole: the new one was renamed in
    assertThat(Files.readString(hardLink)).isEqualTo("old");
    assertThat(Files.isExecutable(target)).isTrue();
  }

  @Test
  void putIntoAMissingDirectoryFailsAsConnectionException() {
    assertThatThrownBy(() -> connection().put(new byte[] {1}, tmp.resolve("no/such/file").toString(), 0644))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("no/such/file");
  }

  @Test
  void fetchOfAMissingFileFailsAsConnectionException() {
    assertThatThrownBy(() -> connection().fetch(tmp.resolve("absent").toString()))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("absent");
  }

  @Test
  void tildePathsMeanTheLoginHome() throws Exception {
    String name = "tb-contract-" + System.nanoTime();
    Path inHome = loginHome().resolve(name);
    try {
      connection().put("home".getBytes(StandardCharsets.UTF_8), "~/" + name, 0600);
      assertThat(Files.readString(inHome)).isEqualTo("home");
      assertThat(new String(connection().fetch("~/" + name), StandardCharsets.UTF_8)).isEqualTo("home");
    } finally {
      Files.deleteIfExists(inHome);
    }
  }

  @Test
  void thirtyConcurrentCommandsAllSucceed() throws Exception {
    List<CompletableFuture<ExecResult>> running = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      running.add(connection().exec(ExecRequest.of("sleep 0.3; echo " + i)));
    }
    for (int i = 0; i < 30; i++) {
      ExecResult result = running.get(i).get(60, TimeUnit.SECONDS);
      assertThat(result.exitCode()).as("command %d: %s", i, result.stderrText()).isZero();
      assertThat(result.stdoutText()).isEqualTo(i + "\n");
    }
  }

  static byte[] randomBytes(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }
}
