package io.tightbeam.module;

import io.tightbeam.connection.Sh;
import io.tightbeam.module.ArgSpec.Kind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Ansible's {@code ping}: proves that a command runs on the target and answers with {@code data}.
 * {@code data=crash} fails the way Ansible's module does, as a module failure.
 */
final class PingModule implements RemoteModule {
  private final ArgSpec spec = new ArgSpec("ping").param("data", Kind.STR, "pong");

  @Override
  public String name() {
    return "ping";
  }

  @Override
  public boolean supportsCheckMode() {
    return true;
  }

  @Override
  public Map<String, Object> checkArgs(Map<String, Object> args) {
    return spec.check(args);
  }

  @Override
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    String data = (String) spec.check(args).get("data");
    if (data.equals("crash")) {
      return new RemoteScript(
          "printf 'Traceback (most recent call last):\\n  File \"ping\", in main\\n"
              + "Exception: boom\\n' >&2\nexit 1\n");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("ping", data);
    result.put("changed", false);
    return new RemoteScript("printf '%s\\n' " + Sh.quote(RemoteRun.json(result)) + "\n");
  }

  @Override
  public CompletableFuture<Map<String, Object>> run(
      Map<String, Object> args, TargetContext target) {
    return RemoteRun.script(script(args, target), target);
  }
}
