package io.tightbeam.module;

import static org.assertj.core.api.Assertions.assertThat;

import io.tightbeam.connection.Become;
import io.tightbeam.connection.ExecRequest;
import io.tightbeam.connection.LocalConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LibraryModuleTest {
  private static final Path PLAYBOOK_DIR = Path.of("src/test/resources/modules/library");
  private final LocalConnection conn = new LocalConnection("localhost");
  private final TargetContext target =
      new TargetContext(conn, Become.NONE, Map.of(), false, false, PLAYBOOK_DIR);

  @AfterEach
  void close() {
    conn.close();
  }

  private static RemoteModule module(String name) {
    return LibraryModule.find(name, PLAYBOOK_DIR).orElseThrow();
  }

  @Test
  void findsModulesByExactNameOrWithAnExtension() {
    assertThat(LibraryModule.find("want_json", PLAYBOOK_DIR)).get().extracting(RemoteModule::name)
        .isEqualTo("want_json");
    assertThat(LibraryModule.find("ansible.legacy.greet", PLAYBOOK_DIR)).isPresent();
    assertThat(LibraryModule.find("nothing", PLAYBOOK_DIR)).isEmpty();
    assertThat(LibraryModule.find("greet", Path.of("src/test/resources/modules/command"))).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void wantJsonModuleGetsItsArgumentsAsAJsonFileAndTheTempDirIsRemoved() throws Exception {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("name", "it's \"quoted\" $HOME");
    args.put("count", 3);
    args.put("items", List.of("a", "b"));
    Map<String, Object> result = module("want_json").run(args, target).get(30, TimeUnit.SECONDS);
    assertThat(result).containsEntry("changed", true);
    Map<String, Object> received = (Map<String, Object>) result.get("received");
    assertThat(received)
        .containsEntry("name", "it's \"quoted\" $HOME")
        .containsEntry("count", 3)
        .containsEntry("items", List.of("a", "b"))
        .containsEntry("_ansible_check_mode", false)
        .containsEntry("_ansible_module_name", "want_json");
    String dir = (String) result.get("dir");
    assertThat(received).containsEntry("_ansible_tmpdir", dir);
    assertThat(Files.exists(Path.of(dir))).as("temp dir removed").isFalse();
  }

  @Test
  @SuppressWarnings("unchecked")
  void asyncScriptCarriesTheModuleAndGivesTheSameResult() throws Exception {
    RemoteModule m = module("want_json");
    Map<String, Object> args = Map.of("name", "x'y", "flag", true);
    String out =
        conn.exec(ExecRequest.of(m.script(args, target).body())).get(30, TimeUnit.SECONDS).stdoutText();
    Map<String, Object> result = RemoteRun.parseObject(out);
    assertThat(result).containsEntry("changed", true);
    assertThat((Map<String, Object>) result.get("received"))
        .containsEntry("name", "x'y")
        .containsEntry("flag", true)
        .containsEntry("_ansible_module_name", "want_json");
    assertThat(Files.exists(Path.of((String) result.get("dir")))).isFalse();
  }

  @Test
  void oldStyleModuleGetsKeyValueWords() throws Exception {
    Map<String, Object> result =
        module("greet").run(Map.of("name", "big 'wide' world"), target).get(30, TimeUnit.SECONDS);
    assertThat(result).containsEntry("msg", "hello big 'wide' world").containsEntry("changed", false);
  }

  @Test
  void moduleFailureKeepsTheModulesOwnResult() throws Exception {
    Map<String, Object> result =
        module("want_json").run(Map.of("fail", true), target).get(30, TimeUnit.SECONDS);
    assertThat(result).containsEntry("failed", true).containsEntry("msg", "asked to fail");
  }

  @Test
  void outputThatIsNotJsonIsAModuleFailure() throws Exception {
    Map<String, Object> result = module("broken").run(Map.of(), target).get(30, TimeUnit.SECONDS);
    assertThat(result)
        .containsEntry("failed", true)
        .containsEntry("msg", "MODULE FAILURE\nSee stdout/stderr for the exact error")
        .containsEntry("module_stdout", "not json\n")
        .containsEntry("module_stderr", "oops\n")
        .containsEntry("rc", 3);
  }
}
