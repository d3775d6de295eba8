package io.tightbeam.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JobLifecycleIT {
  @TempDir Path root;

  static List<String> shells() {
    return LocalJobs.shells();
  }

  @ParameterizedTest
  @MethodSource("shells")
  void launchStatusAndCleanup(String shell) throws Exception {
    try (LocalJobs jobs = new LocalJobs(shell, root)) {
      Map<String, Object> launched = jobs.launch("echo '{\"changed\": false, \"ping\": \"pong\"}'", 30);
      String jid = (String) launched.get("ansible_job_id");
      assertThat(jid).matches("j\\d{1,12}\\.\\d+");
      assertThat(launched).containsExactly(
          Map.entry("failed", 0), Map.entry("started", 1), Map.entry("finished", 0),
          Map.entry("ansible_job_id", jid), Map.entry("results_file", jobs.jobFile(jid).toString()),
          Map.entry("changed", true));
      assertThat(jobs.jobFile(jid)).exists();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(jobs.asyncDir)))
          .isEqualTo("rwx------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(jobs.jobFile(jid))))
          .isEqualTo("rw-------");

      Map<String, Object> done = jobs.statusWhenFinished(jid);
      assertThat(done)
          .containsEntry("finished", 1).containsEntry("started", 1)
          .containsEntry("ping", "pong").containsEntry("changed", false)
          .containsEntry("ansible_job_id", jid)
          .containsEntry("results_file", jobs.jobFile(jid).toString())
          .doesNotContainKey("failed");
      LocalJobs.await(() -> isEmpty(jobs.remoteTmp), Duration.ofSeconds(5));
      assertThat(jobs.remoteTmp).as("the job's tmp dir is removed when it ends").isEmptyDirectory();

      Map<String, Object> erased = jobs.status(jid, "cleanup");
      assertThat(erased).containsEntry("erased", jobs.jobFile(jid).toString())
          .containsEntry("started", 0).containsEntry("finished", 0).doesNotContainKey("failed");
      assertThat(jobs.jobFile(jid)).doesNotExist();
      assertThat(jobs.status(jid, "status"))
          .containsEntry("failed", true).containsEntry("msg", "could not find job");
    }
  }

  @Test
  void awaitReportsPollsThenFinishesAndRemovesTheJobFile() throws Exception {
    try (LocalJobs jobs = new LocalJobs("/bin/sh", root)) {
      Map<String, Object> launched =
          jobs.launch("sleep 2; printf '%s\\n' '{\"changed\": true, \"stdout\": \"a\\nb\"}'", 20);
      String jid = (String) launched.get("ansible_job_id");
      List<Map<String, Object>> polls = new CopyOnWriteArrayList<>();
      long start = System.nanoTime();
      Map<String, Object> result = jobs.poller
          .await(jobs.target, jobs.asyncDir.toString(), JobId.parse(jid), 1, 20, polls::add)
          .get();
      long tookMillis = (System.nanoTime() - start) / 1_000_000;
      assertThat(result).containsEntry("finished", 1).containsEntry("changed", true)
          .containsEntry("stdout_lines", List.of("a", "b")).containsEntry("ansible_job_id", jid);
      assertThat(polls).isNotEmpty().allSatisfy(p -> assertThat(p).containsEntry("finished", 0));
      assertThat(tookMillis).as("first check after poll, done at the first check after 2 s")
          .isBetween(1900L, 5000L);
      assertThat(jobs.jobFile(jid)).as("automatic cleanup").doesNotExist();
    }
  }

  @Test
  void theCheckWaitsOnTheHostSoTheEndIsSeenWithinTheCycle() throws Exception {
    try (LocalJobs jobs = new LocalJobs("/bin/sh", root)) {
      String jid = (String) jobs.launch("sleep 1; echo '{\"changed\": true}'", 60).get("ansible_job_id");
      List<Map<String, Object>> polls = new CopyOnWriteArrayList<>();
      long start = System.nanoTime();
      Map<String, Object> result = jobs.poller
          .await(jobs.target, jobs.asyncDir.toString(), JobId.parse(jid), 30, 60, polls::add)
          .get();
      long tookMillis = (System.nanoTime() - start) / 1_000_000;
      assertThat(result).containsEntry("finished", 1).containsEntry("changed", true);
      assertThat(polls).as("the first cycle's check saw the end: no poll reported").isEmpty();
      assertThat(tookMillis).as("long before the 30 s cycle ends").isLessThan(15_000L);
      assertThat(jobs.jobFile(jid)).doesNotExist();
    }
  }

  @Test
  void keepRemoteFilesKeepsTheJobsTmpDir() throws Exception {
    try (LocalJobs jobs = new LocalJobs("/bin/sh", root)) {
      JobSpec keep = new JobSpec(20, jobs.asyncDir.toString(), jobs.remoteTmp.toString(), true);
      String jid = (String) jobs.launcher
          .launch(new io.tightbeam.module.RemoteScript("echo '{\"k\": 1}'"), keep, jobs.target)
          .get().get("ansible_job_id");
      assertThat(jobs.statusWhenFinished(jid)).containsEntry("k", 1);
      Thread.sleep(500);
      assertThat(jobs.remoteTmp.resolve("tightbeam-async-" + jid).resolve("module.sh"))
          .hasContent("echo '{\"k\": 1}'");
    }
  }

  @ParameterizedTest
  @MethodSource("io.tightbeam.jobs.LocalJobs#shells")
  void resultsFileNamesAnAsyncDirWithQuotesBackslashesAndNewlinesExactly(String shell)
      throws Exception {
    Path dir = root.resolve("a \"quoted\" \\ dir\nwith é");
    try (LocalJobs jobs = new LocalJobs(shell, root)) {
      JobSpec spec = new JobSpec(20, dir.toString(), jobs.remoteTmp.toString(), false);
      Map<String, Object> r = jobs.launcher
          .launch(new io.tightbeam.module.RemoteScript("sleep 1; echo '{}'"), spec, jobs.target)
          .get();
      String jid = (String) r.get("ansible_job_id");
      assertThat(r).containsEntry("results_file", dir.resolve(jid).toString());
      assertThat(LocalJobs.read(dir.resolve(jid))).startsWith("{\"started\": 1, \"finished\": 0");
    }
  }

  @Test
  void fireAndForgetLeavesTheJobFile() throws Exception {
    try (LocalJobs jobs = new LocalJobs("/bin/sh", root)) {
      String jid = (String) jobs.launch("echo '{\"changed\": true}'", 20).get("ansible_job_id");
      LocalJobs.await(() -> isEmpty(jobs.remoteTmp), Duration.ofSeconds(5));
      Thread.sleep(300);
      assertThat(LocalJobs.read(jobs.jobFile(jid))).isEqualTo("{\"changed\": true}");
    }
  }

  @Test
  void awaitGivesUpAtTheDeadlineAndLeavesTheJobRunning() throws Exception {
    try (LocalJobs jobs = new LocalJobs("/bin/sh", root)) {
      String jid = (String) jobs.launch("sleep 30; echo '{}'", 30).get("ansible_job_id");
      List<Map<String, Object>> polls = new CopyOnWriteArrayList<>();
      Map<String, Object> r = jobs.poller
          .await(jobs.target, jobs.asyncDir.toString(), JobId.parse(jid), 1, 2, polls::add)
          .get();
      assertThat(r).containsEntry("failed", true).containsEntry("changed", false)
          .containsEntry("msg", "async task did not complete within the requested time - 2s")
          .doesNotContainKey("ansible_job_id");
      @SuppressWarnings("unchecked")
      Map<String, Object> last = (Map<String, Object>) r.get("async_result");
      assertThat(last).containsEntry("ansible_job_id", jid).containsEntry("finished", 0);
      assertThat(polls).hasSize(2);
      assertThat(jobs.jobFile(jid)).exists();
      assertThat(LocalJobs.jobProcesses(jid)).isNotEmpty();
      jobs.stop(jid);
    }
  }

  @Test
  void moduleJunkAndStderrAreHandledAsAnsibleDoes() throws Exception {
    try (LocalJobs jobs = new LocalJobs("/bin/sh", root)) {
      String module = String.join("\n",
          "echo 'leading junk'",
          "echo '{\"changed\": true, \"warnings\": [\"w1\"], \"stderr\": \"mine\",'",
          "echo ' \"nested\": {\"stderr\": 1}, \"s\": \"a, \\\"b\\\"}\"}'",
          "echo 'trailing junk'",
          "echo oops >&2");
      String jid = (String) jobs.launch(module, 20).get("ansible_job_id");
      Map<String, Object> r = jobs.statusWhenFinished(jid);
      assertThat(r).containsEntry("finished", 1).containsEntry("changed", true)
          .containsEntry("stderr", "oops\n").containsEntry("stderr_lines", List.of("oops"))
          .containsEntry("nested", Map.of("stderr", 1)).containsEntry("s", "a, \"b\"}")
          .containsEntry("warnings",
              List.of("w1", "Module invocation had junk after the JSON data: trailing junk"));
      String file = LocalJobs.read(jobs.jobFile(jid));
      assertThat(file).doesNotContain("leading junk").doesNotContain("mine");
    }
  }

  @Test
  void moduleWithoutJsonGivesAnsiblesFailureRecord() throws Exception {
    try (LocalJobs jobs = new LocalJobs("/bin/sh", root)) {
      String jid = (String) jobs.launch("echo 'this is not json'; echo err >&2", 20)
          .get("ansible_job_id");
      Map<String, Object> r = jobs.statusWhenFinished(jid);
      assertThat(r).containsEntry("failed", true).containsEntry("finished", 1)
          .containsEntry("msg", "No start of json char found")
          .containsEntry("data", "this is not json\n").containsEntry("stderr", "err\n")
          .containsEntry("ansible_job_id", jid).containsKey("cmd");
      String jid2 = (String) jobs.launch("echo '{\"a\": 1'", 20).get("ansible_job_id");
      assertThat(jobs.statusWhenFinished(jid2))
          .containsEntry("msg", "No end of json char found").containsEntry("failed", true);
    }
  }

  private static boolean isEmpty(Path dir) {
    try (var s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
