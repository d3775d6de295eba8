package io.tightbeam.module;

import io.tightbeam.connection.ExecResult;
import io.tightbeam.module.OptionSpec.Type;
import io.tightbeam.connection.Sh;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ansible's reboot: reads the boot id, runs shutdown -r, then asks again (connection failures
 * while the host is down are expected) until the id differs and the test command succeeds.
 */
final class RebootModule implements RemoteModule {
  private static final OptionSpec SPEC = new OptionSpec("reboot").add("pre_reboot_delay", Type.INT, 0)
      .add("post_reboot_delay", Type.INT, 0).add("reboot_timeout", Type.INT, 600).add("connect_timeout", Type.INT)
      .add("test_command", Type.STR, "whoami").add("msg", Type.STR, "Reboot initiated by Ansible")
      .add("search_paths", Type.LIST, List.of("/sbin", "/bin", "/usr/sbin", "/usr/bin", "/usr/local/sbin"))
      .add("boot_time_command", Type.STR, "cat /proc/sys/kernel/random/boot_id").add("reboot_command", Type.STR);

  @Override
  public String name() {
    return "reboot";
  }

  @Override
  public Map<String, Object> checkArgs(Map<String, Object> args) {
    return SPEC.check(args);
  }

  @Override
  public boolean supportsCheckMode() {
    return true;
  }

  @Override
  public boolean supportsAsync() {
    return false; // the controller waits for the host to come back, as Ansible's action does
  }

  /** The reboot command: reboot_command, else shutdown from search_paths (then PATH) with Ansible's Linux arguments. */
  private static String command(Map<String, Object> args) {
    if (args.get("reboot_command") != null) {
      return String.valueOf(args.get("reboot_command"));
    }
    StringBuilder find = new StringBuilder("tb_s=''; for d in");
    ((List<?>) args.get("search_paths")).forEach(d -> find.append(' ').append(Sh.quote(String.valueOf(d))));
    find.append("; do [ -x \"$d/shutdown\" ] && { tb_s=$d/shutdown; break; }; done;"
        + " [ -n \"$tb_s\" ] || tb_s=$(command -v shutdown) || { echo 'No executable found for shutdown' >&2; exit 127; };");
    int minutes = ((Integer) args.get("pre_reboot_delay")) / 60;
    return find + " \"$tb_s\" -r " + minutes + " " + Sh.quote(String.valueOf(args.get("msg")));
  }

  /** Never the reboot itself: reboot is not a script (no async), so whatever runs this only fails. */
  @Override
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    return new RemoteScript("printf '%s\\n' '{\"changed\": false, \"failed\": true, \"msg\": \"async is not supported for this task.\"}'");
  }

  private static ExecResult exec(String command, TargetContext target, int seconds) {
    return ScriptRun.exec(command, target).orTimeout(seconds, TimeUnit.SECONDS).join();
  }

  @Override
  public CompletableFuture<Map<String, Object>> run(Map<String, Object> args, TargetContext target) {
    Map<String, Object> result = new LinkedHashMap<>();
    if (target.connection() instanceof io.tightbeam.connection.LocalConnection) {
      result.put("changed", false);
      result.put("elapsed", 0);
      result.put("failed", true);
      result.put("msg", "Running reboot with local connection would reboot the control node.");
      result.put("rebooted", false);
      return CompletableFuture.completedFuture(result);
    }
    if (target.checkMode()) {
      result.put("changed", true);
      result.put("elapsed", 0);
      result.put("rebooted", true);
      return CompletableFuture.completedFuture(result);
    }
    return CompletableFuture.supplyAsync(() -> reboot(args, target, result));
  }

  private Map<String, Object> reboot(Map<String, Object> args, TargetContext target, Map<String, Object> result) {
    long start = System.nanoTime();
    String bootCommand = String.valueOf(args.get("boot_time_command"));
    ExecResult before = exec(bootCommand, target, 60);
    if (before.exitCode() != 0) {
      return failed(result, "Failed to get the boot time: " + before.stderrText().strip(), start);
    }
    String bootId = before.stdoutText().strip();
    ExecResult reboot = exec(command(args), target, 60);
    if (reboot.exitCode() != 0) {
      result.put("rebooted", false);
      result.put("start", java.time.LocalDateTime.now().toString());
      return failed(result, "Reboot command failed. Error was: '" + reboot.stdoutText().strip() + ", "
          + reboot.stderrText().strip() + "'", start);
    }
    long deadline = start + TimeUnit.SECONDS.toNanos((Integer) args.get("reboot_timeout"));
    String test = String.valueOf(args.get("test_command"));
    while (System.nanoTime() < deadline) {
      try {
        ExecResult now = exec(bootCommand, target, 10);
        if (now.exitCode() == 0 && !now.stdoutText().strip().equals(bootId) && exec(test, target, 30).exitCode() == 0) {
          sleep((Integer) args.get("post_reboot_delay") * 1000L);
          result.put("changed", true);
          result.put("elapsed", (System.nanoTime() - start) / 1_000_000_000L);
          result.put("rebooted", true);
          return result;
        }
      } catch (RuntimeException downWhileRebooting) {
        // the host is going down or not yet up: ask again
      }
      sleep(1000);
    }
    result.put("rebooted", true);
    return failed(result, "Timed out waiting for last boot time check (timeout=" + args.get("reboot_timeout") + ")", start);
  }

  private static Map<String, Object> failed(Map<String, Object> result, String msg, long start) {
    result.put("changed", false);
    result.put("elapsed", (System.nanoTime() - start) / 1_000_000_000L);
    result.put("failed", true);
    result.put("msg", msg);
    return result;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
