package io.tightbeam.module;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tightbeam.connection.Become;
import io.tightbeam.connection.LocalConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** This machine as the target of the file and package modules, run both ways: sync and as a script. */
final class FilesTarget {
  final Path baseDir;
  final Map<String, String> environment;

  FilesTarget(Path baseDir) {
    this(baseDir, Map.of());
  }

  FilesTarget(Path baseDir, Map<String, String> environment) {
    this.baseDir = baseDir;
    this.environment = environment;
  }

  TargetContext context(boolean check) {
    return new TargetContext(new LocalConnection("localhost"), Become.NONE, environment, check, true, baseDir);
  }

  Map<String, Object> run(RemoteModule module, Map<String, Object> args) {
    return run(module, args, false);
  }

  Map<String, Object> check(RemoteModule module, Map<String, Object> args) {
    return run(module, args, true);
  }

  Map<String, Object> run(RemoteModule module, Map<String, Object> args, boolean check) {
    return module.run(module.checkArgs(args), context(check)).orTimeout(120, TimeUnit.SECONDS).join();
  }

  /** What the job wrapper would do: prepare on the controller, then the script through /bin/sh. */
  Map<String, Object> runAsJob(RemoteModule module, Map<String, Object> args) throws Exception {
    Map<String, Object> checked = module.checkArgs(args);
    TargetContext target = context(false);
    module.prepareForJob(checked, target);
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", module.script(checked, target).body());
    pb.environment().putAll(environment);
    pb.redirectErrorStream(false);
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    p.waitFor(120, TimeUnit.SECONDS);
    return new ObjectMapper().readValue(new String(out, StandardCharsets.UTF_8),
        new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  static Map<String, Object> args(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static String sh(String command) throws Exception {
    Process p = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(120, TimeUnit.SECONDS);
    return out;
  }
}
