package io.tightbeam.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobStatusTest {
  private static final JobId JID = JobId.parse("j12.34");
  private static final String PATH = "/home/u/.ansible_async/j12.34";

  private static JobObservation seen(String liveness, String content) {
    return new JobObservation(true, liveness, false, PATH, content);
  }

  @Test
  void unknownJobFailsWithCouldNotFindJob() {
    Map<String, Object> r =
        JobStatus.result(JID, "status", new JobObservation(false, "-", false, PATH, ""));
    assertThat(r)
        .containsEntry("failed", true)
        .containsEntry("msg", "could not find job")
        .containsEntry("started", 1)
        .containsEntry("finished", 1)
        .containsEntry("ansible_job_id", "j12.34")
        .containsEntry("results_file", PATH)
        .containsEntry("stdout_lines", List.of());
  }

  @Test
  void aJobFileRemovedWhileTheJobsProcessesRunIsRunning() {
    Map<String, Object> r =
        JobStatus.result(JID, "status", new JobObservation(false, "marker", false, PATH, ""));
    assertThat(r).containsEntry("started", 1).containsEntry("finished", 0).doesNotContainKey("failed");
  }

  @Test
  void runningRecordWithLiveRunnerIsRunning() {
    Map<String, Object> r = JobStatus.result(JID, "status", seen("1",
        "{\"started\": 1, \"finished\": 0, \"ansible_job_id\": \"j12.34\", \"tightbeam_pid\": 5}"));
    assertThat(r)
        .containsEntry("started", 1)
        .containsEntry("finished", 0)
        .containsEntry("changed", false)
        .doesNotContainKeys("failed", "tightbeam_pid");
  }

  @Test
  void ansibleCoreRunningRecordWithoutLivenessIsRunning() {
    Map<String, Object> r = JobStatus.result(JID, "status",
        seen("-", "{\"started\": 1, \"finished\": 0, \"ansible_job_id\": \"j12.34\"}"));
    assertThat(r).containsEntry("finished", 0).doesNotContainKey("failed");
  }

  @Test
  void runningRecordWithDeadRunnerIsFailedWithTheReason() {
    Map<String, Object> r = JobStatus.result(JID, "status", seen("runner:4242",
        "{\"started\": 1, \"finished\": 0, \"ansible_job_id\": \"j12.34\", \"tightbeam_pid\": 4242}"));
    assertThat(r)
        .containsEntry("failed", true)
        .containsEntry("finished", 1)
        .containsEntry("msg", "the job's runner (pid 4242) is gone without writing a result:"
            + " killed or the host rebooted");
  }

  @Test
  void rebootIsReported() {
    Map<String, Object> r = JobStatus.result(JID, "status", seen("boot",
        "{\"started\": 1, \"finished\": 0, \"tightbeam_pid\": 4242}"));
    assertThat(r).containsEntry("failed", true);
    assertThat((String) r.get("msg")).contains("rebooted");
  }

  @Test
  void finishedModuleResultGetsStatusKeysAndLines() {
    Map<String, Object> r = JobStatus.result(JID, "status", seen("-",
        "{\"changed\": true, \"rc\": 0, \"stdout\": \"a\\nb\", \"stderr\": \"\"}"));
    assertThat(r)
        .containsEntry("finished", 1)
        .containsEntry("started", 1)
        .containsEntry("changed", true)
        .containsEntry("ansible_job_id", "j12.34")
        .containsEntry("stdout_lines", List.of("a", "b"))
        .containsEntry("stderr_lines", List.of())
        .containsKey("invocation")
        .doesNotContainKey("failed");
  }

  @Test
  void failedJobMakesTheStatusFailed() {
    Map<String, Object> r = JobStatus.result(JID, "status", seen("-",
        "{\"msg\": \"Timeout exceeded\", \"failed\": true, \"child_pid\": 7}"));
    assertThat(r).containsEntry("failed", true).containsEntry("finished", 1)
        .containsEntry("child_pid", 7);
    Map<String, Object> wrapperFailure = JobStatus.result(JID, "status", seen("-",
        "{\"failed\": 1, \"msg\": \"No start of json char found\", \"data\": \"x\"}"));
    assertThat(wrapperFailure).containsEntry("failed", true);
  }

  @Test
  void corruptFileIsRunningOnlyWhileAProcessOfTheJobLives() {
    assertThat(JobStatus.result(JID, "status", seen("marker", "{\"started\": 1, \"fini")))
        .containsEntry("finished", 0).doesNotContainKey("failed");
    Map<String, Object> dead = JobStatus.result(JID, "status", seen("none", ""));
    assertThat(dead).containsEntry("failed", true).containsEntry("finished", 1);
    assertThat((String) dead.get("msg")).contains("it is empty").contains(PATH);
  }

  @Test
  void cleanupReportsErased() {
    Map<String, Object> r = JobStatus.result(JID, "cleanup",
        new JobObservation(true, "-", true, PATH, ""));
    assertThat(r)
        .containsEntry("erased", PATH)
        .containsEntry("started", 0)
        .containsEntry("finished", 0)
        .containsEntry("changed", false)
        .doesNotContainKeys("failed", "results_file");
  }

  @Test
  void cleanupOfUnknownJobFails() {
    Map<String, Object> r = JobStatus.result(JID, "cleanup",
        new JobObservation(false, "-", false, PATH, ""));
    assertThat(r).containsEntry("failed", true).containsEntry("msg", "could not find job")
        .containsEntry("erased", PATH);
  }

  @Test
  void truthinessFollowsPython() {
    assertThat(JobStatus.truthy(1)).isTrue();
    assertThat(JobStatus.truthy(0)).isFalse();
    assertThat(JobStatus.truthy("")).isFalse();
    assertThat(JobStatus.truthy("false")).isTrue();
    assertThat(JobStatus.truthy(null)).isFalse();
  }
}
