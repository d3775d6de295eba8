package io.tightbeam.jobs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tightbeam.connection.ExecRequest;
import io.tightbeam.connection.ExecResult;
import io.tightbeam.module.RemoteScript;
import io.tightbeam.module.ShellJson;
import io.tightbeam.connection.Sh;
import io.tightbeam.module.TargetContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Starts a module's remote part as a detached job under the POSIX sh job wrapper, in one remote
 * command. Completes once the job has written its "started" record, with Ansible's launch result:
 * {@code ansible_job_id}, {@code results_file}, {@code started: 1}, {@code finished: 0}, {@code
 * failed: 0}, {@code changed: true}; or a failed result ({@code could not create directory: ...})
 * when the wrapper could not start the job. Transport failures complete exceptionally with {@code
 * ConnectionException}. Thread-safe; holds no thread while a launch runs.
 */
public final class JobLauncher {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long RANDOM_BOUND = 1_000_000_000_000L; // R in 0..999999999999

  private final SecureRandom random = new SecureRandom();
  private final String shell;

  public JobLauncher() {
    this("/bin/sh");
  }

  /** A launcher whose remote commands run under {@code shell} (e.g. {@code busybox sh}). */
  JobLauncher(String shell) {
    this.shell = shell;
  }

  /**
   * Launches {@code script} as a job; a null or blank async dir or remote tmp means Ansible's
   * default. Throws {@link IllegalArgumentException} for a time limit below 1 second (validate
   * {@code async} before calling).
   */
  public CompletableFuture<Map<String, Object>> launch(
      RemoteScript script, JobSpec spec, TargetContext target) {
    if (spec.timeLimitSeconds() < 1) {
      throw new IllegalArgumentException(
          "async must be at least 1 second to launch a job, got " + spec.timeLimitSeconds());
    }
    long rand = random.nextLong(RANDOM_BOUND);
    String text = launcherText(script, spec, rand);
    // On stdin, not the command line: the module's arguments must not show in the target's process
    // list. exec: the login shell becomes the launcher instead of waiting for it.
    ExecRequest request = ExecRequest.of(launchCommand(shell))
        .withStdin(text.getBytes(StandardCharsets.UTF_8))
        .withEnvironment(target.environment());
    return target
        .connection()
        .exec(target.become().wrap(request))
        .thenApply(JobLauncher::launchResult);
  }

  /**
   * The command line that runs the launcher (read from stdin) as the leader of a session of its
   * own, which then holds the job alone (its time limit stops the whole session). A login shell over
   * SSH already leads one (sshd makes a session per command): when it is {@code shell} itself and
   * stdin a pipe, it reads the launcher as a dot script, loading no process image at all, else it
   * is replaced by {@code shell -s}; under become or a local connection, {@code setsid} makes a
   * session. Reads /proc/self/stat and tests /proc/self/exe without a process.
   */
  static String launchCommand(String shell) {
    String same = shell.matches("/[^\\s'\"$`\\\\]+")
        ? "[ /proc/self/exe -ef " + shell + " ] && [ -p /dev/stdin ] && { . /dev/stdin; exit; }; "
        : "";
    return "tb_s=; { read -r tb_s < /proc/self/stat; } 2>/dev/null; tb_s=${tb_s##*') '}; set -- $tb_s; "
        + "if [ \"$4\" = \"$$\" ]; then " + same + "exec " + shell + " -s; fi; "
        + "command -v setsid >/dev/null 2>&1 && exec setsid " + shell + " -s; "
        + "exec " + shell + " -s";
  }

  /**
   * The whole launcher program for {@code sh -s}: values, the module as a quoted assignment
   * (written out by the shell's own printf), the job's functions, then the wrapper.
   */
  String launcherText(RemoteScript script, JobSpec spec, long rand) {
    String body = script.body().endsWith("\n") ? script.body() : script.body() + "\n";
    return "tb_rand=" + rand + "\n"
        + "tb_dir=" + RemotePath.expr(trimSlash(orDefault(spec.asyncDir(), "~/.ansible_async")))
        + "\n"
        + "tb_rt=" + RemotePath.expr(trimSlash(orDefault(spec.remoteTmp(), "~/.ansible/tmp")))
        + "\n"
        + "tb_limit=" + spec.timeLimitSeconds() + "\n"
        + "tb_keep=" + (spec.keepRemoteFiles() ? 1 : 0) + "\n"
        + "tb_sh=" + Sh.quote(shell) + "\n"
        + "tb_module=" + Sh.quote(body) + "\n"
        + ShellJson.FUNCTIONS
        + WrapperText.JOB
        + WrapperText.LAUNCH_START
        + WrapperText.LAUNCH_DETACH;
  }

  private static String orDefault(String dir, String ansibleDefault) {
    return dir == null || dir.isBlank() ? ansibleDefault : dir;
  }

  private static String trimSlash(String dir) {
    return dir.length() > 1 && dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
  }

  /** Ansible's launch result from the wrapper's output: internal keys dropped, changed forced. */
  static Map<String, Object> launchResult(ExecResult result) {
    Map<String, Object> printed = lastJsonLine(result.stdoutText());
    Map<String, Object> out = new LinkedHashMap<>();
    if (printed == null) {
      out.put("changed", true);
      out.put("failed", true);
      out.put(
          "msg",
          "the job wrapper printed no result (rc=" + result.exitCode() + "): "
              + result.stderrText().strip());
      return out;
    }
    if (printed.containsKey("ansible_job_id") && isZero(printed.get("failed"))) {
      // Ansible's order: the wrapper's launch JSON, then the controller's `changed`.
      out.put("failed", 0);
      out.put("started", 1);
      out.put("finished", 0);
      out.put("ansible_job_id", printed.get("ansible_job_id"));
      out.put("results_file", printed.get("results_file"));
      out.put("changed", true);
      return out;
    }
    printed.keySet().removeIf(k -> k.startsWith("_ansible_"));
    out.putAll(printed);
    out.put("changed", true);
    return out;
  }

  private static boolean isZero(Object failed) {
    return failed == null || Integer.valueOf(0).equals(failed) || Boolean.FALSE.equals(failed);
  }

  private static Map<String, Object> lastJsonLine(String stdout) {
    String[] lines = stdout.split("\n");
    for (int i = lines.length - 1; i >= 0; i--) {
      if (lines[i].startsWith("{")) {
        try {
          return JSON.readValue(lines[i], new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (IOException e) {
          return null;
        }
      }
    }
    return null;
  }
}
