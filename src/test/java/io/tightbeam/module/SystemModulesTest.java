package io.tightbeam.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tightbeam.connection.Become;
import io.tightbeam.connection.Connection;
import io.tightbeam.connection.ExecRequest;
import io.tightbeam.connection.ExecResult;
import io.tightbeam.connection.LocalConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every scenario under {@code src/test/resources/system/<module>/<name>.json}: its {@code
 * steps} in order against a real LocalConnection, each {@code {"args", "check_mode", "diff",
 * "expect", "absent", "error", "files_after"}} as in {@link ModuleCasesTest}, whose expected values
 * ansible-playbook gave for the same task. A step whose sync result is unchanged (idempotent, or
 * check mode) also runs as the async script, which must give the same result. {@code setup} and
 * {@code cleanup} are sh commands run before and after (cleanup always), a step's {@code setup} before that step; {@code path} is put in
 * front of PATH (fake tools), {@code env} is the task's environment; {@code files} are created first; {@code ${TMP}} is the temp dir.
 */
class SystemModulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = Path.of("src/test/resources/system");
  private static final Path SCRIPTS = Path.of("src/main/resources/io/tightbeam/module/system");

  @TempDir Path tmp;

  static Stream<String> scenarios() throws IOException {
    return ModuleCasesTest.jsonUnder(ROOT);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void scenario(String name) throws Exception {
    try (LocalConnection conn = new LocalConnection("localhost")) {
      play(name, conn);
    }
  }

  /** Runs one scenario through {@code conn} (the local connection here, SSH in {@code HostModulesIT}). */
  void play(String name, Connection conn) throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) withTmp(JSON.readValue(ROOT.resolve(name).toFile(), Object.class));
    String module = (String) spec.getOrDefault("module", name.substring(0, name.indexOf('/')));
    RemoteModule m = Modules.builtin().remote(module).orElseThrow();
    @SuppressWarnings("unchecked")
    Map<String, String> files = (Map<String, String>) spec.getOrDefault("files", Map.of());
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = tmp.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue());
      if (f.getKey().startsWith("bin/")) {
        p.toFile().setExecutable(true);
      }
    }
    Map<String, String> env = new LinkedHashMap<>();
    @SuppressWarnings("unchecked")
    Map<String, String> given = (Map<String, String>) spec.getOrDefault("env", Map.of());
    env.putAll(given);
    if (spec.containsKey("path")) {
      env.put("PATH", spec.get("path") + ":" + System.getenv("PATH"));
    }
    sh(conn, (String) spec.get("setup"), env);
    try {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> steps = (List<Map<String, Object>>) spec.get("steps");
      int i = 0;
      for (Map<String, Object> step : steps) {
        step(conn, m, module, step, env, module + " step " + i++);
      }
    } finally {
      sh(conn, (String) spec.get("cleanup"), env);
    }
  }

  private void step(Connection conn, RemoteModule m, String module, Map<String, Object> step, Map<String, String> env,
      String what) throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> args = (Map<String, Object>) step.getOrDefault("args", Map.of());
    if (step.containsKey("error")) {
      // the name in the message is the one the executor gives it: the module as the task wrote it
      assertThatThrownBy(() -> {
        try {
          m.checkArgs(args);
        } catch (ModuleArgumentException e) {
          throw e.naming(Modules.argumentName(module));
        }
      }).as(what).isInstanceOf(ModuleArgumentException.class).hasMessage((String) step.get("error"));
      return;
    }
    sh(conn, (String) step.get("setup"), env);
    boolean check = Boolean.TRUE.equals(step.get("check_mode"));
    boolean diff = Boolean.TRUE.equals(step.get("diff"));
    TargetContext target = new TargetContext(conn, Become.NONE, env, check, diff, tmp);
    Map<String, Object> checked = m.checkArgs(args);
    Map<String, Object> sync = normal(m.run(checked, target).get(60, TimeUnit.SECONDS));
    expected(step, sync, what + " sync");
    @SuppressWarnings("unchecked")
    Map<String, String> after = (Map<String, String>) step.getOrDefault("files_after", Map.of());
    for (Map.Entry<String, String> f : after.entrySet()) {
      assertThat(tmp.resolve(f.getKey())).as(what).hasContent(f.getValue());
    }
    if (Boolean.FALSE.equals(sync.get("changed")) || check) {
      m.prepareForJob(checked, target); // as the executor does before an async job
      ExecResult done = conn.exec(ExecRequest.of(m.script(checked, target).body()).withEnvironment(env))
          .get(60, TimeUnit.SECONDS);
      Map<String, Object> async = normal(OutputLines.added(RemoteRun.moduleResult(done)));
      assertThat(async).as(what + " async equals sync").isEqualTo(sync);
    }
  }

  private static void expected(Map<String, Object> step, Map<String, Object> result, String what) {
    @SuppressWarnings("unchecked")
    Map<String, Object> expect = (Map<String, Object>) step.getOrDefault("expect", Map.of());
    for (Map.Entry<String, Object> e : expect.entrySet()) {
      assertThat(result).as(what + " " + e.getKey() + " in " + result).containsEntry(e.getKey(), e.getValue());
    }
    @SuppressWarnings("unchecked")
    List<String> absent = (List<String>) step.getOrDefault("absent", List.of());
    assertThat(result).as(what).doesNotContainKeys(absent.toArray(String[]::new));
  }

  private static Map<String, Object> normal(Map<String, Object> result) throws IOException {
    return JSON.readValue(JSON.writeValueAsString(result), new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  private static void sh(Connection conn, String command, Map<String, String> env) throws Exception {
    if (command != null) {
      conn.exec(ExecRequest.of(command).withEnvironment(env)).get(60, TimeUnit.SECONDS);
    }
  }

  private Object withTmp(Object value) {
    return ModuleCasesTest.withTmp(value, tmp);
  }

  /** Every target script parses in sh and dash and passes ShellCheck (module variables come from Java). */
  @Test
  void scriptsPassShNDashNAndShellCheck() throws Exception {
    List<Path> scripts;
    try (Stream<Path> files = Files.list(SCRIPTS)) {
      scripts = files.filter(p -> p.toString().endsWith(".sh")).sorted().toList();
    }
    assertThat(scripts).isNotEmpty();
    for (Path script : scripts) {
      for (List<String> command : List.of(List.of("sh", "-n"), List.of("dash", "-n"),
          List.of("shellcheck", "-s", "sh", "-e", "SC2154,SC2034"))) {
        List<String> argv = new ArrayList<>(command);
        argv.add(script.toString());
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(argv + "\n" + out).isZero();
      }
    }
  }
}
