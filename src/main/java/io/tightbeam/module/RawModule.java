package io.tightbeam.module;

import io.tightbeam.connection.Sh;
import io.tightbeam.connection.ExecRequest;
import io.tightbeam.connection.ExecResult;
import io.tightbeam.module.ArgSpec.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Ansible's {@code raw}: the text goes to the target's shell as it is, and the result is the
 * command's exit code and output, untouched. Like Ansible's, it cannot run as an async job.
 */
final class RawModule implements RemoteModule {
  private final ArgSpec spec =
      new ArgSpec("raw").required("_raw_params", Kind.STR).param("executable", Kind.STR);

  @Override
  public String name() {
    return "raw";
  }

  @Override
  public Map<String, Object> checkArgs(Map<String, Object> args) {
    return spec.check(args);
  }

  @Override
  public boolean supportsAsync() {
    return false;
  }

  @Override
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    throw new ModuleArgumentException("async is not supported for this task.");
  }

  @Override
  public CompletableFuture<Map<String, Object>> run(
      Map<String, Object> args, TargetContext target) {
    Map<String, Object> checked = spec.check(args);
    String text = (String) checked.get("_raw_params");
    Object exe = checked.get("executable");
    String command = exe == null ? text : Sh.join(List.of(String.valueOf(exe), "-c", text));
    return RemoteRun.exec(target, ExecRequest.of(command)).thenApply(RawModule::result);
  }

  private static Map<String, Object> result(ExecResult done) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("rc", done.exitCode());
    r.put("stdout", done.stdoutText());
    r.put("stderr", done.stderrText());
    r.put("changed", true);
    if (done.exitCode() != 0) {
      r.put("failed", true);
      r.put("msg", "non-zero return code");
    }
    return OutputLines.added(r);
  }
}
