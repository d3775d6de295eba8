package io.tightbeam.jobs.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry on a real PostgreSQL that the test starts itself ({@link PostgresServer}).
 */
class PostgresRegistryIT {
  private static PostgresServer server;

  @BeforeAll
  static void startPostgres() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static JobRegistry registry(String user) {
    return JobRegistry.at(() -> server.url(user), Path.of("/nonexistent"), Map.of());
  }

  private static JobRecord job(String jid, String host) {
    return new JobRecord(jid, new JobTarget(host, "ssh", "10.0.0.1", 22, "deploy", null, null,
        "~/.ansible_async", null, Map.of()), new JobOrigin("/srv/site.yml", "web", "upgrade", null, "command", "{}"),
        Instant.now(), 60, null);
  }

  @Test
  void aRecordAndItsEndRoundTripAndAUrlPasswordIsNeverShown() {
    JobRegistry registry = registry("tb");
    try (JobJournal journal = registry.journal(w -> { throw new AssertionError(w); })) {
      journal.launched(job("j7.1", "web1"));
      journal.ended(new JobEnded("j7.1", "web1", JobEnd.of(Map.of("rc", 0, "stdout", "done"), false, Instant.now())));
    }
    JobRecord r = registry.list(new JobQuery(java.util.Set.of(), null, List.of("j7.1"))).get(0);
    assertThat(r.state()).isEqualTo(JobState.FINISHED);
    assertThat(r.end().summary()).isEqualTo("done");
    assertThat(JobRegistry.at(() -> "postgresql://tb:s3cret@db:5432/jobs", Path.of("/"), Map.of()).describe())
        .isEqualTo("postgresql://tb@db:5432/jobs");
  }

  @Test
  void twoControllersSharingTheRegistrySeeEachOthersJobsAndLoseNothing() throws Exception {
    JobRegistry first = registry("tb");
    JobRegistry second = registry("tb");
    ExecutorService forks = Executors.newFixedThreadPool(32);
    try (JobJournal a = first.journal(w -> { throw new AssertionError(w); });
        JobJournal b = second.journal(w -> { throw new AssertionError(w); })) {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String n = String.valueOf(i);
        done.add(forks.submit(() -> a.launched(job("j8" + n + ".1", "a" + n))));
        done.add(forks.submit(() -> b.launched(job("j8" + n + ".2", "b" + n))));
      }
      for (Future<?> f : done) {
        f.get();
      }
      for (int i = 0; i < 200; i++) {
        a.ended(new JobEnded("j8" + i + ".1", "a" + i, JobEnd.of(Map.of("rc", 0), false, Instant.now())));
        b.ended(new JobEnded("j8" + i + ".2", "b" + i, JobEnd.of(Map.of("rc", 1, "failed", true), false, Instant.now())));
      }
    } finally {
      forks.shutdown();
    }
    List<JobRecord> seenByFirst = first.list(new JobQuery(java.util.Set.of(), null, List.of()))
        .stream().filter(r -> r.jid().startsWith("j8")).toList();
    assertThat(seenByFirst).hasSize(400);
    assertThat(seenByFirst.stream().filter(r -> r.state() == JobState.FINISHED)).hasSize(200);
    assertThat(seenByFirst.stream().filter(r -> r.state() == JobState.FAILED)).hasSize(200);
  }
}
