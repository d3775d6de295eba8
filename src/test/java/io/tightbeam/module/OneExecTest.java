package io.tightbeam.module;

import static org.assertj.core.api.Assertions.assertThat;

import io.tightbeam.connection.Become;
import io.tightbeam.connection.Connection;
import io.tightbeam.connection.ExecRequest;
import io.tightbeam.connection.ExecResult;
import io.tightbeam.connection.LocalConnection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A sync task costs one remote command: no probes, no temp files, no cleanup round trips. */
class OneExecTest {
  /** Runs on this machine and remembers every request. */
  static final class RecordingConnection implements Connection {
    final LocalConnection local = new LocalConnection("localhost");
    final List<ExecRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public String host() {
      return local.host();
    }

    @Override
    public CompletableFuture<ExecResult> exec(ExecRequest request) {
      requests.add(request);
      return local.exec(request);
    }

    @Override
    public void put(byte[] data, String remotePath, int mode) {
      local.put(data, remotePath, mode);
    }

    @Override
    public byte[] fetch(String remotePath) {
      return local.fetch(remotePath);
    }

    @Override
    public void close() {}
  }

  @ParameterizedTest
  @CsvSource({
    "command, _raw_params, echo one",
    "shell, _raw_params, echo one | cat",
    "raw, _raw_params, echo one",
    "ping, data, pong",
    "setup, filter, ansible_system"
  })
  void syncRunIsOneExec(String module, String key, String value) throws Exception {
    RecordingConnection conn = new RecordingConnection();
    TargetContext target =
        new TargetContext(conn, Become.NONE, Map.of("TB_X", "1"), false, false, Path.of("."));
    RemoteModule m = Modules.builtin().remote(module).orElseThrow();
    Map<String, Object> result = m.run(m.checkArgs(Map.of(key, value)), target).get(30, TimeUnit.SECONDS);
    assertThat(result).doesNotContainKey("failed");
    assertThat(conn.requests).hasSize(1);
    assertThat(conn.requests.get(0).environment()).containsEntry("TB_X", "1");
  }

  @ParameterizedTest
  @CsvSource({"command, echo one", "shell, echo one"})
  void stdinGoesToTheRequestNotTheCommandLine(String module, String command) throws Exception {
    RecordingConnection conn = new RecordingConnection();
    TargetContext target = new TargetContext(conn, Become.NONE, Map.of(), false, false, Path.of("."));
    RemoteModule m = Modules.builtin().remote(module).orElseThrow();
    m.run(m.checkArgs(Map.of("_raw_params", command, "stdin", "secret-input")), target)
        .get(30, TimeUnit.SECONDS);
    assertThat(conn.requests.get(0).command()).doesNotContain("secret-input");
    assertThat(new String(conn.requests.get(0).stdin(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("secret-input\n");
  }
}
