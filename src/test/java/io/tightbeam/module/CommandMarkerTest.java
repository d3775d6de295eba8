package io.tightbeam.module;

import static org.assertj.core.api.Assertions.assertThat;

import io.tightbeam.connection.Become;
import io.tightbeam.connection.Connection;
import io.tightbeam.connection.ExecRequest;
import io.tightbeam.connection.ExecResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The sync command result is read from a marked stderr line, whatever came before it. */
class CommandMarkerTest {
  /** Answers every exec with a reply built from the marker found in the command text. */
  record ScriptedConnection(Function<String, ExecResult> reply) implements Connection {
    @Override
    public String host() {
      return "fake";
    }

    @Override
    public CompletableFuture<ExecResult> exec(ExecRequest request) {
      Matcher m = Pattern.compile("tb-[0-9a-f]+").matcher(request.command());
      return CompletableFuture.completedFuture(reply.apply(m.find() ? m.group() : "none"));
    }

    @Override
    public void put(byte[] data, String remotePath, int mode) {}

    @Override
    public byte[] fetch(String remotePath) {
      return new byte[0];
    }

    @Override
    public void close() {}
  }

  private static Map<String, Object> run(Function<String, ExecResult> reply) throws Exception {
    TargetContext target =
        new TargetContext(new ScriptedConnection(reply), Become.NONE, Map.of(), false, false, Path.of("."));
    RemoteModule command = Modules.builtin().remote("command").orElseThrow();
    return command.run(command.checkArgs(Map.of("_raw_params", "ls")), target).get(5, TimeUnit.SECONDS);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void noiseBeforeTheMarkerIsNotTheCommandsStderr() throws Exception {
    Map<String, Object> r =
        run(marker -> new ExecResult(1, bytes("out\n"), bytes("[sudo] password:\n" + marker + " run\nreal\n")));
    assertThat(r)
        .containsEntry("stderr", "real")
        .containsEntry("stdout", "out")
        .containsEntry("rc", 1)
        .containsEntry("failed", true);
  }

  @Test
  void aGuardOutcomeIsReported() throws Exception {
    Map<String, Object> r = run(marker -> new ExecResult(0, new byte[0], bytes(marker + " notfound\n")));
    assertThat(r).containsEntry("rc", 2).containsEntry("msg", "[Errno 2] No such file or directory: b'ls'");
  }

  @Test
  void withoutTheMarkerItIsAModuleFailure() throws Exception {
    Map<String, Object> r = run(marker -> new ExecResult(127, new byte[0], bytes("sudo: not found\n")));
    assertThat(r)
        .containsEntry("failed", true)
        .containsEntry("msg", "MODULE FAILURE\nSee stdout/stderr for the exact error")
        .containsEntry("module_stderr", "sudo: not found\n")
        .containsEntry("rc", 127);
  }
}
