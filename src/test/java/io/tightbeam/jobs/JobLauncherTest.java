package io.tightbeam.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tightbeam.connection.ExecResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobLauncherTest {
  private static ExecResult result(int rc, String out, String err) {
    return new ExecResult(
        rc, out.getBytes(StandardCharsets.UTF_8), err.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void launchResultDropsInternalKeysAndForcesChanged() {
    Map<String, Object> r = JobLauncher.launchResult(result(0,
        "{\"failed\": 0, \"started\": 1, \"finished\": 0, \"ansible_job_id\": \"j5.6\","
            + " \"results_file\": \"/d/j5.6\", \"_ansible_suppress_tmpdir_delete\": true}\n", ""));
    assertThat(r).containsExactly(
        Map.entry("failed", 0), Map.entry("started", 1), Map.entry("finished", 0),
        Map.entry("ansible_job_id", "j5.6"), Map.entry("results_file", "/d/j5.6"), Map.entry("changed", true));
  }

  @Test
  void wrapperFailureKeepsItsMessage() {
    Map<String, Object> r = JobLauncher.launchResult(result(1,
        "{\"failed\": 1, \"msg\": \"could not create directory: /x - nope\", \"changed\": true}\n",
        ""));
    assertThat(r).containsEntry("failed", 1).containsEntry("changed", true)
        .containsEntry("msg", "could not create directory: /x - nope");
  }

  @Test
  void noOutputAtAllIsAFailureWithStderr() {
    Map<String, Object> r = JobLauncher.launchResult(result(127, "", "sh: not found\n"));
    assertThat(r).containsEntry("failed", true).containsEntry("changed", true);
    assertThat((String) r.get("msg")).contains("rc=127").contains("sh: not found");
  }
}
