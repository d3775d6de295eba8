package io.tightbeam.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tightbeam.connection.Become;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case under {@code src/test/resources/modules/<module>/<case>.json} against a real
 * LocalConnection: the sync {@code run()} and, unless the case says {@code "async": false}, the
 * async {@code script()} too, whose parsed output must equal the sync result apart from times.
 *
 * <p>A case: {@code args}; {@code expect} (key: exact value); {@code absent} (keys that must be
 * missing); {@code files} (relative path: content, created in a temp dir); {@code check_mode};
 * {@code error} (the ModuleArgumentException message from checkArgs); {@code files_absent} (paths
 * that must not exist afterwards); {@code files_after} (relative path: content expected after the
 * sync run). {@code ${HTTP}} stands for the {@link HttpFixture}'s address. {@code ${TMP}} in any string
 * stands for the temp dir.
 */
class ModuleCasesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = Path.of("src/test/resources/modules");
  private static final String STAMP = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}";

  @TempDir Path tmp;
  private static HttpFixture http;

  @org.junit.jupiter.api.BeforeAll
  static void startHttp() {
    http = new HttpFixture();
  }

  @org.junit.jupiter.api.AfterAll
  static void stopHttp() {
    http.close();
  }

  static Stream<String> cases() throws IOException {
    return jsonUnder(ROOT);
  }

  /** The {@code .json} files below {@code root} (library modules' folders left out), by path. */
  static Stream<String> jsonUnder(Path root) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(p -> p.toString().endsWith(".json"))
          .filter(p -> !p.getParent().getFileName().toString().equals("library"))
          .forEach(p -> names.add(root.relativize(p).toString()));
    }
    names.sort(null);
    return names.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void moduleCase(String name) throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> spec =
        (Map<String, Object>) withTmp(JSON.readValue(ROOT.resolve(name).toFile(), Object.class));
    String module = name.substring(0, name.indexOf('/'));
    RemoteModule m = Modules.builtin().remote(module).orElseThrow();
    @SuppressWarnings("unchecked")
    Map<String, Object> args = (Map<String, Object>) spec.getOrDefault("args", Map.of());
    if (spec.containsKey("error")) {
      assertThatThrownBy(() -> m.checkArgs(args))
          .isInstanceOf(ModuleArgumentException.class)
          .hasMessage((String) spec.get("error"));
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, String> files = (Map<String, String>) spec.getOrDefault("files", Map.of());
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.createDirectories(tmp.resolve(f.getKey()).getParent());
      Files.writeString(tmp.resolve(f.getKey()), f.getValue());
    }
    boolean check = Boolean.TRUE.equals(spec.get("check_mode"));
    try (LocalConnection conn = new LocalConnection("localhost")) {
      TargetContext target = new TargetContext(conn, Become.NONE, Map.of(), check, false, tmp);
      Map<String, Object> checked = m.checkArgs(args);
      Map<String, Object> sync = m.run(checked, target).get(30, TimeUnit.SECONDS);
      assertExpected(spec, sync, "sync");
      @SuppressWarnings("unchecked")
      Map<String, String> after = (Map<String, String>) spec.getOrDefault("files_after", Map.of());
      for (Map.Entry<String, String> f : after.entrySet()) {
        assertThat(tmp.resolve(f.getKey())).as("file after the run").hasContent(f.getValue());
      }
      if (!Boolean.FALSE.equals(spec.get("async"))) {
        ExecResult done =
            conn.exec(ExecRequest.of(m.script(checked, target).body()))
                .get(30, TimeUnit.SECONDS);
        Map<String, Object> async = OutputLines.added(RemoteRun.moduleResult(done));
        assertExpected(spec, async, "async");
        assertThat(withoutTimes(async)).as("async equals sync").isEqualTo(withoutTimes(sync));
      }
    }
    @SuppressWarnings("unchecked")
    List<String> absentFiles = (List<String>) spec.getOrDefault("files_absent", List.of());
    for (String path : absentFiles) {
      assertThat(Path.of(path)).as("nothing interpreted the arguments").doesNotExist();
    }
  }

  private static void assertExpected(Map<String, Object> spec, Map<String, Object> result, String how)
      throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> expect = (Map<String, Object>) spec.getOrDefault("expect", Map.of());
    // Jackson's numbers in the case file and in the result must compare alike
    Map<String, Object> normal = JSON.readValue(JSON.writeValueAsString(result), new TypeReference<>() {});
    for (Map.Entry<String, Object> e : expect.entrySet()) {
      assertThat(normal).as(how + " " + e.getKey()).containsEntry(e.getKey(), e.getValue());
    }
    @SuppressWarnings("unchecked")
    List<String> absent = (List<String>) spec.getOrDefault("absent", List.of());
    assertThat(normal).as(how).doesNotContainKeys(absent.toArray(String[]::new));
    if (result.get("start") != null) {
      assertThat((String) result.get("start")).matches(STAMP);
      assertThat((String) result.get("end")).matches(STAMP);
      assertThat((String) result.get("delta")).matches("\\d+:\\d\\d:\\d\\d\\.\\d{6}");
    }
  }

  private static Map<String, Object> withoutTimes(Map<String, Object> result) throws IOException {
    Map<String, Object> copy =
        JSON.readValue(JSON.writeValueAsString(result), new TypeReference<LinkedHashMap<String, Object>>() {});
    copy.keySet().removeAll(List.of("start", "end", "delta", "date", "elapsed"));
    return copy;
  }

  private Object withTmp(Object value) {
    return withTmp(value, tmp);
  }

  /** {@code value} with {@code ${TMP}} in every string (keys too) replaced by {@code tmp}. */
  static Object withTmp(Object value, Path tmp) {
    if (value instanceof String s) {
      String out = s.replace("${TMP}", tmp.toString());
      return http == null ? out : out.replace("${HTTP}", http.url());
    }
    if (value instanceof List<?> list) {
      return list.stream().map(v -> withTmp(v, tmp)).toList();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(withTmp(k, tmp)), withTmp(v, tmp)));
      return out;
    }
    return value;
  }
}
