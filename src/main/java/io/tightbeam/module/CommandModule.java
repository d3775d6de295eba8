package io.tightbeam.module;

import io.tightbeam.connection.ExecRequest;
import io.tightbeam.connection.ExecResult;
import io.tightbeam.module.ArgSpec.Kind;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ansible's {@code command} and {@code shell}. Sync runs make one exec: a short sh guard, then
 * {@code exec} of the quoted argv, and the result is built here from the exact output bytes. Async
 * jobs run {@link CommandScript#async}, which builds the same result in sh.
 */
final class CommandModule implements RemoteModule {
  private final String name;
  private final boolean shell;
  private final ArgSpec spec;

  private CommandModule(String name, boolean shell) {
    this.name = name;
    this.shell = shell;
    this.spec =
        new ArgSpec(name)
            .param("_raw_params", Kind.RAW)
            .param("_uses_shell", Kind.BOOL, shell)
            .param("argv", Kind.LIST)
            .param("chdir", Kind.STR)
            .param("executable", Kind.STR)
            .param("creates", Kind.STR)
            .param("removes", Kind.STR)
            .param("stdin", Kind.STR)
            .param("stdin_add_newline", Kind.BOOL, true)
            .param("strip_empty_ends", Kind.BOOL, true)
            .alias("cmd", "_raw_params");
  }

  static CommandModule command() {
    return new CommandModule("command", false);
  }

  static CommandModule shell() {
    return new CommandModule("shell", true);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean supportsCheckMode() {
    return true;
  }

  @Override
  public Map<String, Object> checkArgs(Map<String, Object> args) {
    Map<String, Object> checked = spec.check(args);
    try {
      CommandInvocation.of(checked, shell, false); // an unclosed quote is refused now
    } catch (ModuleArgumentException e) {
      // "no command given" and "not both" are results with rc 256 in Ansible, not argument errors
      if (!CommandInvocation.REFUSALS.contains(e.getMessage())) {
        throw e;
      }
    }
    return checked;
  }

  @Override
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    try {
      return new RemoteScript(CommandScript.async(invocation(args, target)));
    } catch (ModuleArgumentException e) {
      return new RemoteScript("printf '%s\\n' " + io.tightbeam.connection.Sh.quote(
          RemoteRun.json(CommandInvocation.refused(e.getMessage()))) + "\n");
    }
  }

  @Override
  public CompletableFuture<Map<String, Object>> run(
      Map<String, Object> args, TargetContext target) {
    CommandInvocation inv;
    try {
      inv = invocation(args, target);
    } catch (ModuleArgumentException e) {
      return CompletableFuture.completedFuture(CommandInvocation.refused(e.getMessage()));
    }
    String marker = "tb-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    ExecRequest request = ExecRequest.of(CommandScript.sync(inv, marker));
    if (inv.stdin() != null) {
      request = request.withStdin(inv.stdin());
    }
    LocalDateTime start = LocalDateTime.now();
    long t0 = System.nanoTime();
    return RemoteRun.exec(target, request)
        .thenApply(
            done -> {
              Duration took = Duration.ofNanos(System.nanoTime() - t0);
              return result(inv, marker, done, start, took);
            });
  }

  private CommandInvocation invocation(Map<String, Object> args, TargetContext target) {
    return CommandInvocation.of(spec.check(args), shell, target.checkMode());
  }

  private static Map<String, Object> result(
      CommandInvocation inv, String marker, ExecResult done, LocalDateTime start, Duration took) {
    String err = done.stderrText();
    int at = err.indexOf(marker + " ");
    if (at < 0) {
      return RemoteRun.moduleResult(done); // the sh never got to the guard: a module failure
    }
    int eol = err.indexOf('\n', at);
    String outcome = err.substring(at + marker.length() + 1, eol < 0 ? err.length() : eol);
    if (!outcome.equals("run")) {
      return inv.stopResult(CommandInvocation.Stop.of(outcome));
    }
    String stderr = eol < 0 ? "" : err.substring(eol + 1);
    String stdout = done.stdoutText();
    if (inv.strip()) {
      stdout = stripEnds(stdout);
      stderr = stripEnds(stderr);
    }
    Map<String, Object> r = new LinkedHashMap<>(inv.base());
    r.put("changed", true);
    r.put("stdout", stdout);
    r.put("stderr", stderr);
    r.put("rc", done.exitCode());
    r.put("start", Timestamps.stamp(start));
    r.put("end", Timestamps.stamp(start.plus(took)));
    r.put("delta", Timestamps.delta(took));
    if (done.exitCode() != 0) {
      r.put("msg", "non-zero return code");
      r.put("failed", true);
    }
    return OutputLines.added(r);
  }

  /** Python's {@code rstrip("\r\n")}. */
  static String stripEnds(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(0, end);
  }
}
