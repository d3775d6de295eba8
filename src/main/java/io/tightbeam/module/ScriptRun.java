package io.tightbeam.module;

import io.tightbeam.connection.Sh;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tightbeam.connection.ExecRequest;
import io.tightbeam.connection.ExecResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a module's remote script synchronously through the connection (with become and the task's
 * environment) and reads its one JSON object; output that is not JSON becomes Ansible's {@code
 * MODULE FAILURE} result.
 */
final class ScriptRun {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScriptRun() {}

  static CompletableFuture<Map<String, Object>> run(RemoteScript script, TargetContext target) {
    return exec(script.body(), target).thenApply(ScriptRun::parse);
  }

  static CompletableFuture<ExecResult> exec(String command, TargetContext target) {
    ExecRequest request = ExecRequest.of(command).withEnvironment(target.environment());
    return target.connection().exec(target.become().wrap(request));
  }

  static Map<String, Object> parse(ExecResult result) {
    String out = result.stdoutText();
    int start = out.indexOf('{');
    if (start >= 0) {
      try {
        return JSON.readValue(out.substring(start), new TypeReference<LinkedHashMap<String, Object>>() {});
      } catch (java.io.IOException ignored) {
        // falls through to the MODULE FAILURE result, which shows the raw output
      }
    }
    Map<String, Object> failed = new LinkedHashMap<>();
    failed.put("failed", true);
    failed.put("msg", "MODULE FAILURE\nSee stdout/stderr for the exact error");
    failed.put("module_stdout", out);
    failed.put("module_stderr", result.stderrText());
    failed.put("rc", result.exitCode());
    return failed;
  }

  /** A script: the JSON and file functions, the variables (each value quoted), then the body. */
  static RemoteScript script(Map<String, String> vars, TargetContext target, String body) {
    StringBuilder s = new StringBuilder();
    s.append(ShellJson.FUNCTIONS).append(FileShell.FUNCTIONS);
    s.append("tb_check=").append(target.checkMode() ? "1" : "0").append('\n');
    s.append("tb_diff=").append(target.diff() ? "1" : "0").append('\n');
    vars.forEach((k, v) -> s.append(k).append('=').append(value(k, v)).append('\n'));
    s.append(body);
    return new RemoteScript(s.toString());
  }

  /** Arguments of Ansible's type {@code path}: a leading {@code ~} is the target user's home. */
  private static final java.util.Set<String> PATHS =
      java.util.Set.of("path", "dest", "src", "creates", "removes", "chdir", "deb", "backup_file");

  /** {@code ~name} and {@code ~name/rest}, with a name the shell takes as a login name. */
  private static final java.util.regex.Pattern USER_HOME =
      java.util.regex.Pattern.compile("(~[A-Za-z0-9_][A-Za-z0-9_.-]*)(/.*)?", java.util.regex.Pattern.DOTALL);

  static String value(String key, String v) {
    if (v == null) {
      return "''";
    }
    if (PATHS.contains(key) && (v.equals("~") || v.startsWith("~/"))) {
      return "\"$HOME\"" + (v.length() > 1 ? Sh.quote(v.substring(1)) : "");
    }
    java.util.regex.Matcher user = USER_HOME.matcher(v);
    if (PATHS.contains(key) && user.matches()) {
      // ~name is that user's home: the shell expands an unquoted tilde-prefix in an assignment
      return user.group(1) + (user.group(2) == null ? "" : "/" + Sh.quote(user.group(2).substring(1)));
    }
    return Sh.quote(v);
  }

  static String str(Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  static String flag(Object value) {
    return Boolean.TRUE.equals(value) ? "1" : "0";
  }
}
