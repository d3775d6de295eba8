package io.tightbeam.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tightbeam.connection.ConnectionException;
import io.tightbeam.connection.ExecRequest;
import io.tightbeam.connection.ExecResult;
import io.tightbeam.connection.LocalConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobSafetyIT {
  @TempDir Path root;

  @Test
  void pathLikeJobIdIsRefusedBeforeAnyCommandRuns() throws Exception {
    RecordingConnection recorder = new RecordingConnection(new LocalConnection("localhost"));
    try (LocalJobs jobs = new LocalJobs("/bin/sh", root, recorder)) {
      Files.createDirectories(jobs.asyncDir);
      Path victim = Files.writeString(root.resolve("x"), "{\"foo\": 1}");
      assertThatThrownBy(() -> jobs.status("../x", "cleanup"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("invalid job id '../x': a job id looks like j123456789.4242");
      assertThatThrownBy(() -> jobs.status(victim.toString(), "status"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(victim).exists().hasContent("{\"foo\": 1}");
      assertThat(recorder.commands).isEmpty();
    }
  }

  @Test
  void unwritableAsyncDirFailsClearlyAndLeavesNothingBehind() throws Exception {
    try (LocalJobs jobs = new LocalJobs("/bin/sh", root)) {
      JobSpec spec = new JobSpec(10, "/etc/passwd/sub", jobs.remoteTmp.toString(), false);
      Map<String, Object> r = jobs.launcher
          .launch(new io.tightbeam.module.RemoteScript("echo '{}'"), spec, jobs.target).get();
      assertThat(r).containsEntry("failed", 1).containsEntry("changed", true)
          .doesNotContainKey("ansible_job_id");
      assertThat((String) r.get("msg"))
          .startsWith("could not create directory: /etc/passwd/sub - ")
          .contains("Not a directory");
      assertThat(jobs.remoteTmp).isEmptyDirectory();
    }
  }

  @Test
  void corruptJobFileWithNoProcessLeftIsFailedNotRunningForever() throws Exception {
    try (LocalJobs jobs = new LocalJobs("/bin/sh", root)) {
      Files.createDirectories(jobs.asyncDir);
      Files.writeString(jobs.jobFile("j1.1"), "");
      Map<String, Object> r = jobs.status("j1.1", "status");
      assertThat(r).containsEntry("failed", true).containsEntry("finished", 1);
      assertThat((String) r.get("msg")).contains("it is empty");
    }
  }

  @Test
  void statusCheckThatFailsWithAConnectionErrorIsRetried() throws Exception {
    AtomicInteger failuresLeft = new AtomicInteger(1);
    RecordingConnection flaky = new RecordingConnection(new LocalConnection("localhost")) {
      @Override
      public CompletableFuture<ExecResult> exec(ExecRequest request) {
        boolean status = program(request)
            .contains("tb_check ");
        if (status && failuresLeft.getAndDecrement() > 0) {
          commands.add(request.command());
          return CompletableFuture.failedFuture(new ConnectionException("connection reset"));
        }
        return super.exec(request);
      }
    };
    try (LocalJobs jobs = new LocalJobs("/bin/sh", root, flaky)) {
      String jid = (String) jobs.launch("sleep 1; echo '{\"changed\": true}'", 10)
          .get("ansible_job_id");
      Map<String, Object> r = jobs.poller.await(
          jobs.target, jobs.asyncDir.toString(), JobId.parse(jid), 1, 10, p -> {}).get();
      assertThat(r).containsEntry("finished", 1).containsEntry("changed", true);
      assertThat(flaky.commands).hasSizeGreaterThanOrEqualTo(3);

      failuresLeft.set(100);
      String jid2 = (String) jobs.launch("sleep 5; echo '{}'", 10).get("ansible_job_id");
      Map<String, Object> gaveUp = jobs.poller.await(
          jobs.target, jobs.asyncDir.toString(), JobId.parse(jid2), 1, 2, p -> {}).get();
      assertThat(gaveUp).containsEntry("failed", true);
      assertThat((String) gaveUp.get("msg")).isEqualTo(
          "async task did not complete within the requested time - 2s;"
              + " the last status check failed: connection reset");
    }
  }

  @Test
  void tenJobsOnOneHostShareOneStatusCommandPerCycle() throws Exception {
    RecordingConnection recorder = new RecordingConnection(new LocalConnection("localhost"));
    Path go = root.resolve("go");
    try (LocalJobs jobs = new LocalJobs("/bin/sh", root, recorder)) {
      List<CompletableFuture<Map<String, Object>>> launches = new java.util.ArrayList<>();
      for (int i = 0; i < 10; i++) {
        launches.add(jobs.launcher.launch(
            new io.tightbeam.module.RemoteScript("while [ ! -f '" + go + "' ]; do sleep 0.1; done;"
                + " echo '{\"n\": " + i + "}'"),
            jobs.spec(60), jobs.target));
      }
      CompletableFuture.allOf(launches.toArray(CompletableFuture[]::new)).get();
      assertThat(recorder.commands).as("a launch carries the module on stdin, out of the process list")
          .hasSize(10).allMatch(c -> c.equals(JobLauncher.launchCommand("/bin/sh")))
          .noneMatch(c -> c.contains("{\"n\": "));
      assertThat(recorder.programs).allMatch(p -> p.contains("{\"n\": "));
      recorder.programs.clear();
      recorder.commands.clear();
      List<CompletableFuture<Map<String, Object>>> waits = new java.util.ArrayList<>();
      Map<String, AtomicInteger> polls = new java.util.concurrent.ConcurrentHashMap<>();
      for (CompletableFuture<Map<String, Object>> l : launches) {
        String jid = (String) l.get().get("ansible_job_id");
        polls.put(jid, new AtomicInteger());
        waits.add(jobs.poller.await(jobs.target, jobs.asyncDir.toString(), JobId.parse(jid), 1, 60,
            p -> polls.get(jid).incrementAndGet()));
      }
      LocalJobs.await(() -> polls.values().stream().allMatch(n -> n.get() >= 2),
          java.time.Duration.ofSeconds(30));
      Files.writeString(go, "");
      CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).get();
      for (int i = 0; i < 10; i++) {
        assertThat(waits.get(i).get()).containsEntry("n", i).containsEntry("finished", 1);
      }
      int cycles = polls.values().stream().mapToInt(n -> n.get() + 1).max().orElseThrow();
      assertThat(cycles).isGreaterThanOrEqualTo(3);
      assertThat(recorder.programs).as("one status command per poll cycle").hasSize(cycles);
      assertThat(recorder.programs.get(0)).as("carrying every job of the host")
          .containsPattern("(?s)(tb_check \\d+ poll .*){10}");
      try (var left = Files.list(jobs.asyncDir)) {
        assertThat(left).as("finished jobs' files are removed").isEmpty();
      }
    }
  }

  @Test
  void atMostTwoWaitingChecksHoldChannelsOfOneConnection() throws Exception {
    AtomicInteger waitingNow = new AtomicInteger();
    AtomicInteger waitingMost = new AtomicInteger();
    RecordingConnection recorder = new RecordingConnection(new LocalConnection("localhost")) {
      @Override
      public CompletableFuture<ExecResult> exec(ExecRequest request) {
        boolean waits = program(request)
            .contains("\ntb_watch ");
        if (waits) {
          waitingMost.accumulateAndGet(waitingNow.incrementAndGet(), Math::max);
        }
        return super.exec(request).whenComplete((r, e) -> {
          if (waits) {
            waitingNow.decrementAndGet();
          }
        });
      }
    };
    Path go = root.resolve("go");
    try (LocalJobs jobs = new LocalJobs("/bin/sh", root, recorder)) {
      List<CompletableFuture<Map<String, Object>>> waits = new java.util.ArrayList<>();
      for (int i = 0; i < 5; i++) {
        String jid = (String) jobs.launch("while [ ! -f '" + go + "' ]; do sleep 0.1; done; echo '{\"n\": " + i + "}'", 60)
            .get("ansible_job_id");
        waits.add(jobs.poller.await(jobs.target, jobs.asyncDir.toString(), JobId.parse(jid), 2, 60, p -> {}));
        Thread.sleep(400); // due times apart: five separate checks per cycle
      }
      Thread.sleep(3000);
      Files.writeString(go, "");
      for (int i = 0; i < 5; i++) {
        assertThat(waits.get(i).get()).containsEntry("n", i).containsEntry("finished", 1);
      }
      assertThat(waitingMost.get()).as("waiting checks in flight at once").isBetween(1, 2);
    }
  }

  @Test
  void asyncStatusRequestsMadeTogetherShareOneCommand() throws Exception {
    RecordingConnection recorder = new RecordingConnection(new LocalConnection("localhost"));
    try (LocalJobs jobs = new LocalJobs("/bin/sh", root, recorder)) {
      Files.createDirectories(jobs.asyncDir);
      List<CompletableFuture<Map<String, Object>>> all = new java.util.ArrayList<>();
      for (int i = 0; i < 5; i++) {
        Files.writeString(jobs.jobFile("j" + i + ".1"), "{\"n\": " + i + "}");
      }
      for (int i = 0; i < 5; i++) {
        all.add(jobs.poller.status(jobs.target, jobs.asyncDir.toString(),
            JobId.parse("j" + i + ".1"), "status"));
      }
      for (int i = 0; i < 5; i++) {
        assertThat(all.get(i).get()).containsEntry("n", i).containsEntry("finished", 1);
      }
      assertThat(recorder.commands).hasSize(1);
    }
  }

  @Test
  void aRoundOfChecksOnManyHostsSendsAtMostThirtyTwoCommandsAtOnce() throws Exception {
    int hosts = StatusBatcher.CHECKS_IN_FLIGHT + 8;
    List<CompletableFuture<Void>> gates = new CopyOnWriteArrayList<>();
    try (LocalJobs jobs = new LocalJobs("/bin/sh", root)) {
      Files.createDirectories(jobs.asyncDir);
      Files.writeString(jobs.jobFile("j1.1"), "{\"n\": 1}");
      List<CompletableFuture<Map<String, Object>>> all = new java.util.ArrayList<>();
      for (int i = 0; i < hosts; i++) {
        // every "host" answers only once its gate is opened, so commands in flight pile up
        RecordingConnection host = new RecordingConnection(new LocalConnection("h" + i)) {
          @Override
          public CompletableFuture<ExecResult> exec(ExecRequest request) {
            CompletableFuture<Void> gate = new CompletableFuture<>();
            gates.add(gate);
            return gate.thenCompose(v -> super.exec(request));
          }
        };
        io.tightbeam.module.TargetContext target = new io.tightbeam.module.TargetContext(
            host, io.tightbeam.connection.Become.NONE, Map.of(), false, false, root);
        all.add(jobs.poller.status(target, jobs.asyncDir.toString(), JobId.parse("j1.1"), "status"));
      }
      LocalJobs.await(() -> gates.size() == StatusBatcher.CHECKS_IN_FLIGHT, Duration.ofSeconds(5));
      Thread.sleep(300);
      assertThat(gates).hasSize(StatusBatcher.CHECKS_IN_FLIGHT);
      gates.get(0).complete(null);
      LocalJobs.await(() -> gates.size() == StatusBatcher.CHECKS_IN_FLIGHT + 1, Duration.ofSeconds(5));
      LocalJobs.await(() -> {
        gates.forEach(g -> g.complete(null));
        return all.stream().allMatch(CompletableFuture::isDone);
      }, Duration.ofSeconds(10));
      for (CompletableFuture<Map<String, Object>> r : all) {
        assertThat(r.get()).containsEntry("n", 1);
      }
      assertThat(gates).hasSize(hosts);
    }
  }

  /** Delegates to a real connection and records every command it runs. */
  /** The sh program a request runs: its command line, or its stdin for {@code sh -s}. */
  static String program(ExecRequest request) {
    return request.stdin().length > 0 ? new String(request.stdin(), java.nio.charset.StandardCharsets.UTF_8)
        : request.command();
  }

  static class RecordingConnection implements io.tightbeam.connection.Connection {
    final io.tightbeam.connection.Connection delegate;
    final List<String> commands = new CopyOnWriteArrayList<>();
    final List<String> programs = new CopyOnWriteArrayList<>();

    RecordingConnection(io.tightbeam.connection.Connection delegate) {
      this.delegate = delegate;
    }

    @Override
    public String host() {
      return delegate.host();
    }

    @Override
    public CompletableFuture<ExecResult> exec(ExecRequest request) {
      commands.add(request.command());
      programs.add(program(request));
      return delegate.exec(request);
    }

    @Override
    public void put(byte[] data, String remotePath, int mode) {
      delegate.put(data, remotePath, mode);
    }

    @Override
    public byte[] fetch(String remotePath) {
      return delegate.fetch(remotePath);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
