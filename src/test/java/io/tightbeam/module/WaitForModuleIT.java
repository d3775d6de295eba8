package io.tightbeam.module;

import static io.tightbeam.module.FilesTarget.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaitForModuleIT {
  @TempDir Path dir;
  private final WaitForModule waitFor = new WaitForModule();

  @Test
  void openPortIsStartedAndClosedPortTimesOutWithAnsiblesMessage() throws Exception {
    FilesTarget t = new FilesTarget(dir);
    int closed;
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      closed = server.getLocalPort();
      assertThat(t.run(waitFor, args("port", server.getLocalPort(), "timeout", 10)))
          .containsEntry("changed", false).containsEntry("state", "started").containsEntry("port", server.getLocalPort())
          .doesNotContainKey("failed");
    }
    assertThat(t.run(waitFor, args("port", closed, "state", "stopped", "timeout", 10))).doesNotContainKey("failed");
    Map<String, Object> r = t.run(waitFor, args("port", closed, "timeout", 1));
    assertThat(r).containsEntry("failed", true).containsEntry("msg", "Timeout when waiting for 127.0.0.1:" + closed);
    assertThat((Integer) r.get("elapsed")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void drainedWaitsForConnectionsToTheListeningPortToEnd() throws Exception {
    FilesTarget t = new FilesTarget(dir);
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = server.getLocalPort();
      assertThat(t.run(waitFor, args("port", port, "state", "drained", "timeout", 5)))
          .as("listening without connections is drained").doesNotContainKey("failed");
      try (java.net.Socket client = new java.net.Socket("127.0.0.1", port); java.net.Socket accepted = server.accept()) {
        assertThat(t.run(waitFor, args("port", port, "state", "drained", "timeout", 1)))
            .containsEntry("failed", true).containsEntry("msg", "Timeout when waiting for 127.0.0.1:" + port + " to drain");
        assertThat(t.run(waitFor, args("port", port, "state", "drained", "timeout", 1, "exclude_hosts", "127.0.0.1")))
            .doesNotContainKey("failed");
        assertThat(t.run(waitFor, args("port", port, "state", "drained", "timeout", 1,
            "active_connection_states", java.util.List.of("TIME_WAIT")))).doesNotContainKey("failed");
      }
    }
    assertThatThrownBy(() -> waitFor.checkArgs(args("port", 1, "exclude_hosts", "10.0.0.1")))
        .hasMessage("exclude_hosts should only be with state=drained");
    assertThatThrownBy(() -> waitFor.checkArgs(args("port", 1, "state", "drained", "active_connection_states", "OPEN")))
        .hasMessage("unknown active_connection_state (OPEN) defined");
  }

  @Test
  void theSearchGivesPythonsGroups() throws Exception {
    // ansible-playbook 2.14: match_groups ['data', '123'], match_groupdict {'foo': 'data'}
    Path f = Files.writeString(dir.resolve("kw"), "completed data 123\n");
    assertThat(new FilesTarget(dir).run(waitFor, args("path", f.toString(),
            "search_regex", "completed (?P<foo>\\w+) ([0-9]+)", "timeout", 2)))
        .containsEntry("match_groups", java.util.List.of("data", "123"))
        .containsEntry("match_groupdict", java.util.Map.of("foo", "data"))
        .doesNotContainKey("failed");
  }

  @Test
  void waitsForAFileToAppearWithTheSearchedText() throws Exception {
    Path f = dir.resolve("app.log");
    FilesTarget t = new FilesTarget(dir);
    CompletableFuture.runAsync(() -> {
      try {
        Files.writeString(f, "starting\nlistening on 8080\n");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS));
    Map<String, Object> r = t.run(waitFor, args("path", f.toString(), "search_regex", "listening on \\d+", "timeout", 30));
    assertThat(r).containsEntry("path", f.toString()).containsEntry("search_regex", "listening on \\d+")
        .doesNotContainKey("failed");
    assertThat((Integer) r.get("elapsed")).isGreaterThanOrEqualTo(1);
    Map<String, Object> miss = t.run(waitFor, args("path", f.toString(), "search_regex", "ready", "timeout", 1));
    assertThat(miss).containsEntry("failed", true).containsEntry("msg", "Timeout when waiting for search string ready in " + f);
    assertThat(t.run(waitFor, args("path", f.toString(), "state", "absent", "timeout", 1)))
        .containsEntry("msg", "Timeout when waiting for " + f + " to be absent.");
    assertThat(t.runAsJob(waitFor, args("path", dir.resolve("gone").toString(), "state", "absent")))
        .containsEntry("state", "absent").doesNotContainKey("failed");
  }

  @Test
  void badArguments() {
    assertThatThrownBy(() -> waitFor.checkArgs(args("port", "http")))
        .hasMessageContaining("argument 'port' is of type <class 'str'> and we were unable to convert to int");
    assertThatThrownBy(() -> waitFor.checkArgs(args("port", 1, "state", "up")))
        .hasMessage("value of state must be one of: absent, drained, present, started, stopped, got: up");
  }
}
