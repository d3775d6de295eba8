package io.tightbeam.jobs;

import io.tightbeam.connection.Sh;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JobTimeLimitIT {
  // Children of the module, ones in new sessions (setsid), ones that ignore TERM, and a double-forked
  // subshell: an orphan that no process image marks, found only as a member of the job's session.
  private static final String FORKING_MODULE = String.join("\n",
      "sleep 300 &",
      "( ( trap '' TERM; while :; do sleep 1; done ) & )",
      "setsid sleep 301 &",
      "setsid sh -c 'trap \"\" TERM; sleep 302; sleep 302' &",
      "sh -c 'trap \"\" TERM; while :; do sleep 1; done' &",
      "touch %s",
      "sleep 303",
      "echo '{\"changed\": true}'");

  @TempDir Path root;
  private String jid;

  static List<String> shells() {
    return LocalJobs.shells();
  }

  @AfterEach
  void killLeftovers() throws Exception {
    if (jid != null) {
      for (long pid : LocalJobs.jobProcesses(jid)) {
        LocalJobs.kill(pid, "KILL");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("shells")
  void jobOverItsLimitIsStoppedWithItsWholeProcessTree(String shell) throws Exception {
    try (LocalJobs jobs = new LocalJobs(shell, root)) {
      jid = (String) jobs.launch(FORKING_MODULE.formatted(io.tightbeam.connection.Sh.quote(root.resolve("ready").toString())), 4).get("ansible_job_id");
      long launched = System.nanoTime();
      Path ready = root.resolve("ready");
      LocalJobs.await(() -> Files.exists(ready), Duration.ofSeconds(4));
      assertThat(ready).as("the module started all its children before its limit").exists();
      // a child forked just before `touch` may not carry the job's marker yet (seen at load 8+)
      LocalJobs.await(() -> count(jid) >= 5, Duration.ofSeconds(2));
      assertThat(count(jid)).as("the module and its children run").isGreaterThanOrEqualTo(5);

      // limit + 1 s on an idle machine; the shared CI box runs at load 20+, hence the margin
      LocalJobs.await(() -> count(jid) == 0, Duration.ofSeconds(5));
      long goneAfterMillis = (System.nanoTime() - launched) / 1_000_000;
      assertThat(LocalJobs.jobProcesses(jid)).as("nothing of the job is left").isEmpty();
      assertThat(goneAfterMillis).as("stopped soon after the 4 s limit").isLessThan(4000 + 3000);

      Map<String, Object> r = jobs.statusWhenFinished(jid);
      assertThat(r).containsEntry("failed", true).containsEntry("finished", 1)
          .containsEntry("started", 1).containsEntry("msg", "Timeout exceeded")
          .containsEntry("ansible_job_id", jid).containsKey("child_pid");
      assertThat(LocalJobs.read(jobs.jobFile(jid))).startsWith(
          "{\"msg\": \"Timeout exceeded\", \"failed\": true, \"child_pid\": ");
      LocalJobs.await(() -> !Files.exists(jobs.remoteTmp.resolve("tightbeam-async-" + jid)),
          Duration.ofSeconds(3));
      assertThat(jobs.remoteTmp).isEmptyDirectory();
    }
  }

  @Test
  void runnerKilledFromOutsideIsReportedFailed() throws Exception {
    try (LocalJobs jobs = new LocalJobs("/bin/sh", root)) {
      jid = (String) jobs.launch("sleep 60; echo '{}'", 60).get("ansible_job_id");
      long runner = field(LocalJobs.read(jobs.jobFile(jid)), "tightbeam_pid");
      LocalJobs.kill(runner, "KILL");
      Map<String, Object> r = jobs.statusWhenFinished(jid);
      assertThat(r).containsEntry("failed", true).containsEntry("finished", 1)
          .hasEntrySatisfying("msg", m -> assertThat((String) m).startsWith(
              "the job's runner (pid " + runner + ") is gone without writing a result: killed"));
      LocalJobs.await(() -> {
        try {
          return LocalJobs.read(jobs.jobFile(jid)).contains("killed or crashed");
        } catch (java.io.IOException e) {
          return false;
        }
      }, Duration.ofSeconds(5));
      assertThat(LocalJobs.read(jobs.jobFile(jid))).as("the supervisor's record").contains(
          "\"msg\": \"the job's runner (pid " + runner + ") is gone without writing a result");
      LocalJobs.await(() -> count(jid) == 0, Duration.ofSeconds(3));
      assertThat(LocalJobs.jobProcesses(jid)).as("the supervisor stopped the rest").isEmpty();
    }
  }

  @Test
  void supervisorAndRunnerKilledAreReportedByTheStatusCheck() throws Exception {
    try (LocalJobs jobs = new LocalJobs("/bin/sh", root)) {
      jid = (String) jobs.launch("sleep 60; echo '{}'", 60).get("ansible_job_id");
      String record = LocalJobs.read(jobs.jobFile(jid));
      long runner = field(record, "tightbeam_pid");
      LocalJobs.kill(field(record, "tightbeam_supervisor_pid"), "KILL");
      LocalJobs.kill(runner, "KILL");
      Thread.sleep(200);
      assertThat(LocalJobs.read(jobs.jobFile(jid))).isEqualTo(record);
      Map<String, Object> r = jobs.status(jid, "status");
      assertThat(r).containsEntry("failed", true).containsEntry("finished", 1)
          .containsEntry("msg", "the job's runner (pid " + runner
              + ") is gone without writing a result: killed or the host rebooted");
      // the check that reports the job failed stops the module its runner left running
      LocalJobs.await(() -> count(jid) == 0, Duration.ofSeconds(2));
      assertThat(LocalJobs.jobProcesses(jid)).as("what is left of the job").isEmpty();
    }
  }

  private static int count(String jid) {
    try {
      return LocalJobs.jobProcesses(jid).size();
    } catch (Exception e) {
      return -1;
    }
  }

  private static long field(String record, String key) {
    Matcher m = Pattern.compile("\"" + key + "\": (\\d+)").matcher(record);
    assertThat(m.find()).as(key + " in " + record).isTrue();
    return Long.parseLong(m.group(1));
  }
}
