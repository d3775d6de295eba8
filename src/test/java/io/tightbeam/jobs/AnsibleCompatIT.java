package io.tightbeam.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Job files written by us are read by ansible-core 2.14's async_status, and the other way. */
class AnsibleCompatIT {
  @TempDir Path root;

  @Test
  void ansibleAsyncStatusReadsOurRunningAndFinishedJobFiles() throws Exception {
    try (LocalJobs jobs = new LocalJobs("/bin/sh", root)) {
      String done = (String) jobs.launch(
          "echo '{\"changed\": true, \"rc\": 0, \"stdout\": \"hi\"}'; echo warn >&2", 30)
          .get("ansible_job_id");
      assertThat(jobs.statusWhenFinished(done)).containsEntry("finished", 1);
      String running = (String) jobs.launch("sleep 60; echo '{}'", 60).get("ansible_job_id");

      Map<String, Object> theirs = ansible(jobs.asyncDir, "-m", "async_status", "-a", "jid=" + done);
      assertThat(theirs).containsEntry("finished", 1).containsEntry("started", 1)
          .containsEntry("ansible_job_id", done).containsEntry("changed", true)
          .containsEntry("stdout", "hi").containsEntry("stderr", "warn\n")
          .containsEntry("results_file", jobs.jobFile(done).toString());

      Map<String, Object> still = ansible(jobs.asyncDir, "-m", "async_status", "-a", "jid=" + running);
      assertThat(still).containsEntry("finished", 0).containsEntry("started", 1)
          .containsEntry("ansible_job_id", running);
      jobs.stop(running);
    }
  }

  @Test
  void ourPollerReadsAJobFileWrittenByAnsibleCore() throws Exception {
    try (LocalJobs jobs = new LocalJobs("/bin/sh", root)) {
      Map<String, Object> launched =
          ansible(jobs.asyncDir, "-B", "30", "-P", "0", "-a", "sleep 1");
      String jid = (String) launched.get("ansible_job_id");
      assertThat(launched).containsEntry("results_file", jobs.jobFile(jid).toString());
      Map<String, Object> r = jobs.poller
          .await(jobs.target, jobs.asyncDir.toString(), JobId.parse(jid), 1, 30, p -> {})
          .get();
      assertThat(r).containsEntry("finished", 1).containsEntry("rc", 0)
          .containsEntry("cmd", List.of("sleep", "1")).containsEntry("ansible_job_id", jid)
          .doesNotContainKey("failed");
      assertThat(jobs.jobFile(jid)).doesNotExist();
    }
  }

  private Map<String, Object> ansible(Path asyncDir, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("ansible", "localhost", "-c", "local"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("ANSIBLE_ASYNC_DIR", asyncDir.toString());
    pb.environment().put("ANSIBLE_LOCALHOST_WARNING", "False");
    pb.environment().put("ANSIBLE_INVENTORY_UNPARSED_WARNING", "False");
    pb.environment().put("ANSIBLE_NOCOLOR", "1");
    pb.environment().put("ANSIBLE_LOCAL_TEMP", root.resolve("ansible-local").toString());
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    int brace = text.indexOf("=> {");
    assertThat(brace).as("ansible printed a JSON result: " + text).isGreaterThan(0);
    return new ObjectMapper().readValue(
        text.substring(brace + 3), new TypeReference<Map<String, Object>>() {});
  }
}
