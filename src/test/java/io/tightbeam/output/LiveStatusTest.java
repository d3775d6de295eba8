package io.tightbeam.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.tightbeam.executor.RunListener;
import io.tightbeam.executor.TaskHeader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LiveStatusTest {
  private static final String ERASE = "\r\033[K";

  @Test
  void theLineIsDrawnWhileJobsRunErasedBeforeEveryOtherLineAndGoneWhenTheyEnd() {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    PrintStream terminal = new PrintStream(screen, true, StandardCharsets.UTF_8);
    AtomicLong now = new AtomicLong(1_000_000);
    LiveStatus.Builder builder = new LiveStatus.Builder(terminal, terminal, now::get);
    LiveStatus.Streams streams = builder.streams();
    RunListener live = builder.around(new RunListener() {
      @Override
      public void asyncPoll(TaskHeader task, String host, Map<String, Object> status) {
        streams.out().print("ASYNC POLL on " + host + "\n");
      }

      @Override
      public void asyncOutcome(TaskHeader task, String host, Map<String, Object> result, boolean failed) {
        streams.out().print("ASYNC " + (failed ? "FAILED" : "OK") + " on " + host + "\n");
      }

      @Override
      public void warning(String message) {
        streams.err().print("[WARNING]: " + message + "\n");
      }
    });
    TaskHeader task = new TaskHeader("upgrade", "shell", false, null);
    live.asyncPoll(task, "web1", Map.of("ansible_job_id", "j1.1"));
    now.addAndGet(2_000);
    live.asyncPoll(task, "web2", Map.of("ansible_job_id", "j2.2"));
    String line = "jobs: 2 running, 0 finished, 0 failed | 2s | slowest: web1 (2s)";
    assertThat(screen.toString(StandardCharsets.UTF_8)).endsWith("ASYNC POLL on web2\n" + ERASE + line);
    live.warning("slow");
    assertThat(screen.toString(StandardCharsets.UTF_8)).endsWith(line + ERASE + "[WARNING]: slow\n" + ERASE + line);
    live.asyncOutcome(task, "web1", Map.of("ansible_job_id", "j1.1"), true);
    assertThat(screen.toString(StandardCharsets.UTF_8))
        .endsWith(ERASE + "jobs: 1 running, 0 finished, 1 failed | 2s | slowest: web2 (0s)");
    live.asyncOutcome(task, "web2", Map.of("ansible_job_id", "j2.2"), false);
    live.runEnd();
    String all = screen.toString(StandardCharsets.UTF_8);
    assertThat(all).endsWith("ASYNC OK on web2\n");
    // without the drawn lines the output is the callback's, byte for byte
    assertThat(all.replaceAll("\r\033\\[K(jobs: [^\n\r\033]*)?", "")).isEqualTo(
        "ASYNC POLL on web1\nASYNC POLL on web2\n[WARNING]: slow\nASYNC FAILED on web1\nASYNC OK on web2\n");
  }

  /** A job that ends within its first poll cycle (no ASYNC POLL line) still counts. */
  @Test
  void aJobThatEndsBeforeItsFirstPollIsCountedFromItsLaunch() {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    PrintStream terminal = new PrintStream(screen, true, StandardCharsets.UTF_8);
    AtomicLong now = new AtomicLong(1_000_000);
    LiveStatus.Builder builder = new LiveStatus.Builder(terminal, terminal, now::get);
    LiveStatus.Streams streams = builder.streams();
    RunListener live = builder.around(new RunListener() {
      @Override
      public void asyncOutcome(TaskHeader task, String host, Map<String, Object> result, boolean failed) {
        streams.out().print("ASYNC OK on " + host + "\n");
      }
    });
    TaskHeader task = new TaskHeader("quick", "shell", false, null);
    live.asyncWaiting(task, "web1", "j1.1");
    live.asyncWaiting(task, "web2", "j2.2");
    assertThat(screen.toString(StandardCharsets.UTF_8))
        .isEqualTo(ERASE + "jobs: 1 running, 0 finished, 0 failed | 0s | slowest: web1 (0s)"
            + ERASE + "jobs: 2 running, 0 finished, 0 failed | 0s | slowest: web1 (0s)");
    now.addAndGet(400);
    live.asyncOutcome(task, "web1", Map.of("ansible_job_id", "j1.1"), false);
    assertThat(screen.toString(StandardCharsets.UTF_8))
        .endsWith("ASYNC OK on web1\n" + ERASE + "jobs: 1 running, 1 finished, 0 failed | 0s | slowest: web2 (0s)");
    live.runEnd();
  }
}
