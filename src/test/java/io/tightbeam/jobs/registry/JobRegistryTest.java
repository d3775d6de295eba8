package io.tightbeam.jobs.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRegistryTest {
  @TempDir Path home;

  private static JobRecord job(String jid, String host, Instant started) {
    JobTarget target = new JobTarget(host, "ssh", "10.0.0.1", 2222, "deploy", "sudo", "root",
        "~/.ansible_async", "/keys/id", Map.of("ansible_password", "hunter2", "ssh_args", "-C"));
    JobOrigin origin = new JobOrigin("/srv/site.yml", "web", "upgrade", "\"a\"", "command", "{\"_raw_params\":\"sleep 1\"}");
    return new JobRecord(jid, target, origin, started, 60, null);
  }

  @Test
  void theDefaultRegistryIsAPrivateFileUnderHome() throws Exception {
    JobRegistry registry = JobRegistry.at(() -> null, home, Map.of());
    List<String> warnings = new ArrayList<>();
    try (JobJournal journal = registry.journal(warnings::add)) {
      journal.launched(job("j1.1", "web1", Instant.now()));
    }
    Path file = home.resolve(".tightbeam/jobs.db");
    assertThat(warnings).isEmpty();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    assertThat(registry.list(JobQuery.ALL)).extracting(JobRecord::jid).containsExactly("j1.1");
  }

  @Test
  void aRunThatLaunchesNothingOpensNothing() {
    JobRegistry registry = JobRegistry.at(() -> null, home, Map.of());
    try (JobJournal journal = registry.journal(w -> { })) {
      assertThat(journal).isNotNull();
    }
    assertThat(home.resolve(".tightbeam")).doesNotExist();
  }

  /** {@code job_registry = off}: runs record nothing and open nothing; reading says it is off. */
  @Test
  void anOffRegistryRecordsNothing() {
    JobRegistry registry = JobRegistry.at(() -> " OFF ", home, Map.of());
    assertThat(registry.enabled()).isFalse();
    try (JobJournal journal = registry.journal(w -> { })) {
      journal.launched(job("j1.1", "web1", Instant.now()));
      assertThat(journal.ended(new JobEnded("j1.1", "web1", JobEnd.of(Map.of("rc", 0), false, Instant.now()))))
          .as("nothing to wait for").isDone();
      assertThat(journal.unfinished()).isEmpty();
    }
    assertThat(home.resolve(".tightbeam")).doesNotExist();
    assertThat(home.resolve("OFF")).doesNotExist();
    assertThatThrownBy(() -> registry.list(JobQuery.ALL)).isInstanceOf(RegistryException.class)
        .hasMessageContaining("off");
  }

  /** An end is reported written once its transaction is committed (a poll's result waits for it). */
  @Test
  void anEndIsReportedWrittenOnceCommitted() {
    JobRegistry registry = JobRegistry.at(() -> home.resolve("r.db").toString(), home, Map.of());
    Instant now = Instant.now();
    try (JobJournal journal = registry.journal(w -> { })) {
      journal.launched(job("j5.1", "a", now));
      journal.ended(new JobEnded("j5.1", "a", JobEnd.of(Map.of("rc", 0), false, now))).join();
      assertThat(registry.list(JobQuery.ALL)).singleElement()
          .satisfies(r -> assertThat(r.state()).isEqualTo(JobState.FINISHED));
    }
  }

  @Test
  void recordsKeepConnectionDetailsButNoPassword() {
    JobRegistry registry = JobRegistry.at(() -> home.resolve("r.db").toString(), home, Map.of());
    Instant started = Instant.ofEpochMilli(1_700_000_000_123L);
    try (JobJournal journal = registry.journal(w -> { })) {
      journal.launched(job("j2.2", "web1", started));
    }
    JobRecord r = registry.list(JobQuery.ALL).get(0);
    assertThat(r).isEqualTo(job("j2.2", "web1", started));
    assertThat(r.target().options()).containsOnlyKeys("ssh_args");
    assertThat(r.state()).isEqualTo(JobState.RUNNING);
  }

  @Test
  void endsQueuedTogetherAreWrittenAndOnlyRunningJobsEnd() {
    JobRegistry registry = JobRegistry.at(() -> home.resolve("r.db").toString(), home, Map.of());
    Instant now = Instant.now();
    try (JobJournal journal = registry.journal(w -> { })) {
      journal.launched(job("j3.1", "a", now));
      journal.launched(job("j3.2", "b", now));
      journal.launched(job("j3.3", "c", now));
      journal.ended(new JobEnded("j3.1", "a", JobEnd.of(Map.of("rc", 0, "changed", true, "stdout", "ok\nmore"), false, now)));
      journal.ended(new JobEnded("j3.2", "b", JobEnd.of(Map.of("rc", 2, "failed", true, "msg", "non-zero return code"), false, now)));
    }
    registry.end(List.of(new JobEnded("j3.1", "a", new JobEnd(JobState.KILLED, null, true, false, now, "")),
        new JobEnded("j3.3", "c", JobEnd.of(Map.of("failed", true, "msg", "could not find job"), false, now))));
    Map<String, JobRecord> byJid = new java.util.HashMap<>();
    registry.list(JobQuery.ALL).forEach(r -> byJid.put(r.jid(), r));
    assertThat(byJid.get("j3.1").end()).extracting(JobEnd::state, JobEnd::rc, JobEnd::changed, JobEnd::summary)
        .containsExactly(JobState.FINISHED, 0, true, "ok");
    assertThat(byJid.get("j3.2").end()).extracting(JobEnd::state, JobEnd::rc, JobEnd::failed)
        .containsExactly(JobState.FAILED, 2, true);
    assertThat(byJid.get("j3.3").state()).isEqualTo(JobState.LOST);
    assertThat(registry.list(new JobQuery(Set.of(JobState.FAILED, JobState.LOST), null, List.of())))
        .extracting(JobRecord::jid).containsExactly("j3.2", "j3.3");
    assertThat(registry.list(new JobQuery(Set.of(), now.plusSeconds(5), List.of()))).isEmpty();
  }

  @Test
  void aRegistryThatCannotBeOpenedIsOneWarningAndTheRunGoesOn() throws Exception {
    Path blocker = Files.writeString(home.resolve("file"), "");
    JobRegistry registry = JobRegistry.at(() -> blocker.resolve("jobs.db").toString(), home, Map.of());
    List<String> warnings = new ArrayList<>();
    try (JobJournal journal = registry.journal(warnings::add)) {
      journal.launched(job("j4.1", "a", Instant.now()));
      journal.launched(job("j4.2", "a", Instant.now()));
    }
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).startsWith("The job registry failed").contains("could not open the job registry");
  }

  @Test
  void launchesMadeAtOnceAreAllRecorded() throws Exception {
    JobRegistry registry = JobRegistry.at(() -> home.resolve("r.db").toString(), home, Map.of());
    java.util.concurrent.ExecutorService forks = java.util.concurrent.Executors.newFixedThreadPool(16);
    try (JobJournal journal = registry.journal(w -> { })) {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        String host = "h" + i;
        done.add(forks.submit(() -> journal.launched(job("j5." + host.substring(1), host, Instant.now()))));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get();
      }
      // each launched() returned after its record was written: a reader sees all of them now
      assertThat(registry.list(JobQuery.ALL)).hasSize(50);
    } finally {
      forks.shutdown();
    }
  }

  @Test
  void noLogHidesTheSummary() {
    JobEnd end = JobEnd.of(Map.of("rc", 0, "stdout", "secret"), true, Instant.now());
    assertThat(end.summary()).isEmpty();
  }
}
