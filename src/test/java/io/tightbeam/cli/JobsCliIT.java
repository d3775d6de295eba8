package io.tightbeam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: playbooks launch async jobs on local targets, {@code tightbeam-jobs} lists them from
 * the registry, and {@code wait} collects those whose controller is gone.
 */
class JobsCliIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path registry;
  private Path asyncDir;
  private Path inventory;

  @BeforeEach
  void files() throws Exception {
    registry = dir.resolve("registry/jobs.db");
    asyncDir = Files.createDirectory(dir.resolve("async"));
    inventory = Files.writeString(dir.resolve("hosts.ini"), """
        h1 ansible_connection=local
        h2 ansible_connection=local
        h3 ansible_connection=local
        """);
  }

  private CliRunner runner() {
    return new CliRunner().env("TIGHTBEAM_JOB_REGISTRY", registry.toString())
        .env("ANSIBLE_ASYNC_DIR", asyncDir.toString());
  }

  /** What {@code tightbeam-jobs ARGS} printed and its exit code. */
  private record Jobs(int exitCode, String out, String err) {
    List<Map<String, Object>> records() throws Exception {
      return JSON.readValue(out, new TypeReference<List<Map<String, Object>>>() {});
    }
  }

  /** -h/--help, on the command and on each action, print the usage and exit 0 (argparse's rule). */
  @Test
  void helpIsShownWithExitZero() {
    Jobs top = jobs("--help");
    assertThat(top.exitCode()).isZero();
    assertThat(top.out()).contains("list", "kill", "logs", "prune", "timeline");
    Jobs kill = jobs("kill", "-h");
    assertThat(kill.exitCode()).isZero();
    assertThat(kill.out()).contains("--signal", "--grace");
  }

  private Jobs jobs(String... argv) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("TIGHTBEAM_JOB_REGISTRY", registry.toString());
    env.put("ANSIBLE_CONFIG", "/nonexistent/ansible.cfg");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      int rc = JobsCli.execute(argv, o, e, env);
      return new Jobs(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void jobsAPlaybookLaunchedAreListedRunningThenFinishedWithTheirRc() throws Exception {
    Path pb = Files.writeString(dir.resolve("site.yml"), """
        - name: upgrade
          hosts: h1
          gather_facts: false
          tasks:
            - name: background
              shell: sleep 2; echo done-{{ item }}
              async: 30
              poll: 0
              loop: [a, b]
            - name: polled
              command: /bin/true
              async: 10
              poll: 1
            - name: failing
              shell: echo broken >&2; exit 3
              async: 10
              poll: 1
              ignore_errors: true
            - name: secret
              shell: echo hunter2
              async: 10
              poll: 1
              no_log: true
        """);
    CliRunner.Run run = runner().playbook("-i", inventory.toString(), pb.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

    Jobs listed = jobs("list", "--json");
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    List<Map<String, Object>> records = listed.records();
    assertThat(records).hasSize(5);
    Map<String, Object> first = records.get(0);
    assertThat(first).containsEntry("host", "h1").containsEntry("state", "running")
        .containsEntry("playbook", pb.toAbsolutePath().toString()).containsEntry("play", "upgrade")
        .containsEntry("task", "background").containsEntry("item", "a").containsEntry("rc", null)
        .containsEntry("ended", null).containsEntry("module", "shell");
    assertThat((String) first.get("jid")).matches("j\\d+\\.\\d+");
    assertThat(records.get(1)).containsEntry("item", "b").containsEntry("state", "running");
    assertThat(records.get(2)).containsEntry("task", "polled").containsEntry("state", "finished")
        .containsEntry("rc", 0).containsEntry("item", null);
    assertThat(records.get(3)).containsEntry("task", "failing").containsEntry("state", "failed")
        .containsEntry("rc", 3).containsEntry("summary", "non-zero return code");
    assertThat(records.get(4)).containsEntry("task", "secret").containsEntry("state", "finished")
        .containsEntry("summary", "");
    assertThat(JSON.writeValueAsString(records.get(4))).doesNotContain("hunter2");
    try (var left = Files.list(asyncDir)) {
      // the polled jobs' results were kept aside until recorded, then removed (the last at the run's end)
      assertThat(left.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(String.valueOf(first.get("jid")))
          && !n.startsWith(String.valueOf(records.get(1).get("jid")))).toList()).isEmpty();
    }
    Jobs secretLogs = jobs("logs", String.valueOf(records.get(4).get("jid")));
    assertThat(secretLogs.exitCode()).isEqualTo(1);
    assertThat(secretLogs.out() + secretLogs.err()).doesNotContain("hunter2").contains("no_log");
    assertThat(jobs("logs", "../../etc/passwd").exitCode()).as("a job id is validated first").isEqualTo(2);
    assertThat(jobs("list", "--running", "--json").records()).hasSize(2);
    assertThat(jobs("list", "--failed", "--json").records()).extracting(r -> r.get("task")).containsExactly("failing");
    assertThat(jobs("list", "--host", "h2", "--json").records()).isEmpty();
    assertThat(jobs("list", "--since", "1h", "--json").records()).hasSize(5);

    Jobs shown = jobs("show", String.valueOf(first.get("jid")), "--json");
    assertThat(shown.records()).singleElement().satisfies(r -> assertThat(r).containsEntry("task", "background"));
    assertThat(jobs("show", "j1.1").exitCode()).isEqualTo(1);

    Jobs waited = jobs("wait", "--json");
    assertThat(waited.exitCode()).as(waited.out() + waited.err()).isZero();
    assertThat(waited.records()).extracting(r -> r.get("state"), r -> r.get("rc"), r -> r.get("summary"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("finished", 0, "done-a"),
            org.assertj.core.groups.Tuple.tuple("finished", 0, "done-b"));
    assertThat(jobs("list", "--running", "--json").records()).isEmpty();
    assertThat(asyncDir.toFile().list()).as("wait removes the job files it read, as the poll loop does").isEmpty();
    Jobs table = jobs("list");
    assertThat(table.out()).startsWith("JID").contains("finished").contains("background (item=\"a\")");
  }

  @Test
  void jobsOfAControllerKilledMidPollStayListedAsRunningAndWaitCollectsThem() throws Exception {
    Path pb = Files.writeString(dir.resolve("poll.yml"), """
        - hosts: all
          gather_facts: false
          tasks:
            - name: long job
              shell: sleep 4; echo out
              async: 60
              poll: 1
        """);
    Process controller = controller(pb);
    try {
      awaitRecords(r -> r.size() == 3, "three jobs recorded");
      controller.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL, mid-poll
      assertThat(controller.isAlive()).isFalse();
    } finally {
      controller.destroyForcibly();
    }
    List<Map<String, Object>> running = jobs("list", "--running", "--json").records();
    assertThat(running).as(Files.readString(dir.resolve("controller.log"))).hasSize(3)
        .extracting(r -> r.get("host")).containsExactlyInAnyOrder("h1", "h2", "h3");

    long start = System.nanoTime();
    Jobs waited = jobs("wait", "--running", "--json");
    assertThat(waited.exitCode()).as(waited.out() + waited.err()).isZero();
    assertThat(waited.records()).hasSize(3).allSatisfy(r -> assertThat(r)
        .containsEntry("state", "finished").containsEntry("rc", 0).containsEntry("summary", "out"));
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
    assertThat(jobs("list", "--running", "--json").records()).isEmpty();
  }

  /**
   * The crash window: a controller killed after its poll read a job's end and before the registry
   * recorded it (held here by another writer's lock) loses nothing: the result stays on the target
   * until recorded, and refresh records it as finished, not lost.
   */
  @Test
  void aResultReadButNotYetRecordedWhenTheControllerIsKilledIsRecordedByRefresh() throws Exception {
    Path pb = Files.writeString(dir.resolve("window.yml"), """
        - hosts: h1
          gather_facts: false
          tasks:
            - name: short job
              shell: sleep 3; echo done
              async: 30
              poll: 1
        """);
    Process controller = controller(pb);
    try {
      awaitRecords(r -> r.size() == 1, "the job recorded");
      String jid = String.valueOf(jobs("list", "--json").records().get(0).get("jid"));
      try (java.sql.Connection lock = java.sql.DriverManager.getConnection("jdbc:sqlite:" + registry);
          java.sql.Statement st = lock.createStatement()) {
        st.execute("BEGIN EXCLUSIVE");
        assertThat(asyncDir.resolve(jid)).as("locked before the job ended").exists();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (Files.exists(asyncDir.resolve(jid)) && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(asyncDir.resolve(jid)).as("the poll took the result").doesNotExist();
        Thread.sleep(300); // the controller now waits on the lock to record the end
        controller.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        st.execute("ROLLBACK");
      }
      assertThat(jobs("list", "--running", "--json").records()).as("killed before its write").hasSize(1);

      Jobs refreshed = jobs("refresh", "--json");
      assertThat(refreshed.exitCode()).as(refreshed.out() + refreshed.err()).isZero();
      assertThat(refreshed.records()).singleElement().satisfies(r -> assertThat(r)
          .containsEntry("jid", jid).containsEntry("state", "finished").containsEntry("rc", 0)
          .containsEntry("summary", "done"));
      try (var left = Files.list(asyncDir)) {
        assertThat(left.map(p -> p.getFileName().toString()).toList())
            .as("once recorded, the kept result is removed").isEmpty();
      }
    } finally {
      controller.destroyForcibly();
    }
  }

  @Test
  void killLeavesNothingOfAJobWhoseChildrenIgnoreTermAndDoubleForkAndFinishesItsFileAsKilled() throws Exception {
    Path stubborn = Files.writeString(dir.resolve("stubborn-" + System.nanoTime() + ".sh"),
        "trap '' TERM\nwhile :; do sleep 0.2; done\n");
    Path pb = Files.writeString(dir.resolve("stubborn.yml"), """
        - hosts: h1
          gather_facts: false
          tasks:
            - name: stubborn
              shell: trap '' TERM; (/bin/sh %1$s &); setsid /bin/sh %1$s & /bin/sh %1$s
              async: 120
              poll: 0
        """.formatted(stubborn));
    CliRunner.Run run = runner().playbook("-i", inventory.toString(), pb.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    awaitProcesses(stubborn, 3);
    String jid = String.valueOf(jobs("list", "--running", "--json").records().get(0).get("jid"));

    long start = System.nanoTime();
    Jobs killed = jobs("kill", jid, "--grace", "1", "--json");
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(killed.exitCode()).as(killed.out() + killed.err()).isZero();
    assertThat(killed.records()).singleElement().satisfies(r -> assertThat(r)
        .containsEntry("state", "killed").containsEntry("failed", true));
    assertThat(processes(stubborn)).as("nothing of the job is left when kill returns").isEmpty();
    assertThat(elapsedMillis).as("the grace (1 s), then KILL").isBetween(900L, 4000L);
    String jobFile = Files.readString(asyncDir.resolve(jid));
    assertThat(jobFile).contains("\"killed\": true").contains("\"failed\": true").contains("\"finished\": 1");
    assertThat(jobs("list", "--running", "--json").records()).isEmpty();
    assertThat(jobs("kill", "--host", "h1").exitCode()).as("nothing left to kill is no failure").isZero();
  }

  @Test
  void refreshRecordsJobsThatEndedAndMarksAJobWhoseRunnerWasKilledLost() throws Exception {
    Path doomed = Files.writeString(dir.resolve("doomed-" + System.nanoTime() + ".sh"), "sleep 60\n");
    Path pb = Files.writeString(dir.resolve("refresh.yml"), """
        - hosts: h1
          gather_facts: false
          tasks:
            - name: quick
              shell: echo quick
              async: 30
              poll: 0
            - name: doomed
              shell: /bin/sh %s
              async: 20
              poll: 0
        """.formatted(doomed));
    CliRunner.Run run = runner().playbook("-i", inventory.toString(), pb.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(jobs("list", "--playbook", pb.toString(), "--json").records()).hasSize(2);
    assertThat(jobs("list", "--playbook", dir.resolve("other.yml").toString(), "--json").records()).isEmpty();
    List<Map<String, Object>> launched = jobs("list", "--running", "--json").records();
    String doomedJid = String.valueOf(launched.get(1).get("jid"));
    Map<String, Object> started = JSON.readValue(Files.readString(asyncDir.resolve(doomedJid)),
        new TypeReference<Map<String, Object>>() {});
    // the runner SIGKILLed (its supervisor then writes that it is gone and stops the rest)
    ProcessHandle.of(((Number) started.get("tightbeam_pid")).longValue()).ifPresent(ProcessHandle::destroyForcibly);
    Thread.sleep(1000);

    Jobs refreshed = jobs("refresh", "--json");
    assertThat(refreshed.exitCode()).as("a lost job is a failure: " + refreshed.out() + refreshed.err()).isEqualTo(2);
    assertThat(refreshed.records()).extracting(r -> r.get("task"), r -> r.get("state"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("quick", "finished"),
            org.assertj.core.groups.Tuple.tuple("doomed", "lost"));
    assertThat((String) refreshed.records().get(1).get("summary")).contains("is gone");
    assertThat(asyncDir.resolve(String.valueOf(launched.get(0).get("jid")))).as("refresh leaves job files").exists();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!processes(doomed).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(processes(doomed)).as("what was left of the lost job is stopped").isEmpty();
  }

  @Test
  void logsPrintsARunningJobsOutputAndFollowsItLiveUntilItEnds() throws Exception {
    Path pb = Files.writeString(dir.resolve("chatty.yml"), """
        - hosts: h1
          gather_facts: false
          tasks:
            - name: chatty
              shell: for i in 1 2 3 4; do echo "out $i $(date +%s%N)"; echo "err $i" >&2; sleep 0.7; done
              async: 30
              poll: 0
        """);
    CliRunner.Run run = runner().playbook("-i", inventory.toString(), pb.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    String jid = String.valueOf(jobs("list", "--running", "--json").records().get(0).get("jid"));
    Thread.sleep(300);

    Jobs soFar = jobs("logs", jid);
    assertThat(soFar.exitCode()).as(soFar.err()).isZero();
    assertThat(soFar.out()).startsWith("out 1 ").doesNotContain("out 4");
    assertThat(soFar.err()).startsWith("err 1\n");

    List<long[]> seen = new ArrayList<>(); // {line's own time, arrival}, both epoch millis
    java.io.OutputStream lines = new java.io.OutputStream() {
      private final StringBuilder line = new StringBuilder();

      @Override
      public synchronized void write(int b) {
        if (b != '\n') {
          line.append((char) b);
          return;
        }
        String[] w = line.toString().split(" ");
        seen.add(new long[] {Long.parseLong(w[2]) / 1_000_000, System.currentTimeMillis()});
        line.setLength(0);
      }
    };
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("TIGHTBEAM_JOB_REGISTRY", registry.toString());
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = JobsCli.execute(new String[] {"logs", "-f", jid}, new PrintStream(lines, true),
        new PrintStream(err, true, StandardCharsets.UTF_8), env);
    assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(seen).as("every line, from the first").hasSize(4);
    for (long[] line : seen.subList(1, 4)) {
      assertThat(line[1] - line[0]).as("a line shows within 0.5 s of the job printing it").isLessThan(500);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("err 1\nerr 2\nerr 3\nerr 4\n");
    assertThat(jobs("show", jid, "--json").records().get(0)).as("followed to its end, the end is recorded")
        .containsEntry("state", "finished").containsEntry("rc", 0);
    assertThat(Files.readString(asyncDir.resolve(jid))).as("the job file stays Ansible's")
        .contains("\"stdout\": \"out 1 ").contains("\"stderr\": \"err 1\\nerr 2");
  }

  @Test
  void pruneRemovesTheFilesAndRecordsOfJobsThatEndedLongerAgoThanAsked() throws Exception {
    Path pb = Files.writeString(dir.resolve("prune.yml"), """
        - hosts: h1
          gather_facts: false
          tasks:
            - name: quick
              shell: echo quick
              async: 30
              poll: 0
            - name: long
              shell: sleep 60
              async: 120
              poll: 0
            - name: polled
              command: /bin/true
              async: 10
              poll: 1
        """);
    CliRunner.Run run = runner().playbook("-i", inventory.toString(), pb.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    List<Map<String, Object>> launched = jobs("list", "--json").records();
    String quick = String.valueOf(launched.get(0).get("jid"));
    String longJob = String.valueOf(launched.get(1).get("jid"));
    assertThat(jobs("refresh", "--json").records()).extracting(r -> r.get("state")).containsExactly("finished", "running");
    assertThat(asyncDir.resolve(quick + ".stdout")).hasContent("quick");

    Jobs none = jobs("prune", "--older-than", "1h", "--json");
    assertThat(none.exitCode()).as(none.err()).isZero();
    assertThat(none.records()).isEmpty();
    assertThat(jobs("list", "--json").records()).hasSize(3);

    Jobs pruned = jobs("prune", "--older-than", "0s", "--json");
    assertThat(pruned.exitCode()).as(pruned.err()).isZero();
    assertThat(pruned.records()).extracting(r -> r.get("task")).containsExactly("quick", "polled");
    assertThat(jobs("list", "--json").records()).extracting(r -> r.get("jid")).containsExactly(longJob);
    assertThat(asyncDir.toFile().list()).as("the running job keeps its files")
        .containsExactlyInAnyOrder(longJob, longJob + ".stdout", longJob + ".stderr");

    assertThat(jobs("kill", longJob, "--grace", "0").exitCode()).isZero();
    assertThat(jobs("prune", "--older-than", "0s", "--json").records()).extracting(r -> r.get("state")).containsExactly("killed");
    assertThat(asyncDir.toFile().list()).isEmpty();
    assertThat(jobs("list", "--json").records()).isEmpty();
    assertThat(jobs("prune", "--older-than", "soon").exitCode()).isEqualTo(2);
  }

  @Test
  void aJobWhoseFileWasRemovedRunsOnUntilItsEndWritesItAnewAndIsLostOnlyWhenNothingOfItIsLeft() throws Exception {
    Path slow = Files.writeString(dir.resolve("slow-" + System.nanoTime() + ".sh"), "sleep 4; echo back\n");
    Path gone = Files.writeString(dir.resolve("gone-" + System.nanoTime() + ".sh"), "sleep 60\n");
    Path pb = Files.writeString(dir.resolve("removed.yml"), """
        - hosts: h1
          gather_facts: false
          tasks:
            - name: slow
              shell: /bin/sh %s
              async: 30
              poll: 0
            - name: gone
              shell: /bin/sh %s
              async: 60
              poll: 0
        """.formatted(slow, gone));
    CliRunner.Run run = runner().playbook("-i", inventory.toString(), pb.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    List<Map<String, Object>> launched = jobs("list", "--json").records();
    String slowJid = String.valueOf(launched.get(0).get("jid"));
    String goneJid = String.valueOf(launched.get(1).get("jid"));
    Map<String, Object> started = JSON.readValue(Files.readString(asyncDir.resolve(goneJid)),
        new TypeReference<Map<String, Object>>() {});
    Files.delete(asyncDir.resolve(slowJid));
    Files.delete(asyncDir.resolve(goneJid));

    Jobs refreshed = jobs("refresh", "--json");
    assertThat(refreshed.exitCode()).as(refreshed.out() + refreshed.err()).isZero();
    assertThat(refreshed.records()).as("their processes run: not lost").extracting(r -> r.get("state"))
        .containsExactly("running", "running");

    // nothing of the second job is left, and no record of it will come
    ProcessHandle.of(((Number) started.get("tightbeam_supervisor_pid")).longValue()).ifPresent(ProcessHandle::destroyForcibly);
    ProcessHandle.of(((Number) started.get("tightbeam_pid")).longValue()).ifPresent(p -> {
      // the runner first: killed after its module shell, it would write the job's end record
      // (a failed "No start of json char found"), which happened under load in a full verify
      List<ProcessHandle> children = p.descendants().toList();
      p.destroyForcibly();
      children.forEach(ProcessHandle::destroyForcibly);
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while ((!processes(gone).isEmpty() || !Files.exists(asyncDir.resolve(slowJid))) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(Files.readString(asyncDir.resolve(slowJid))).as("the end writes the job file anew").contains("\"stdout\": \"back\"");
    refreshed = jobs("refresh", "--json");
    assertThat(refreshed.exitCode()).isEqualTo(2);
    assertThat(refreshed.records()).extracting(r -> r.get("task"), r -> r.get("state"), r -> r.get("summary"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("slow", "finished", "back"),
            org.assertj.core.groups.Tuple.tuple("gone", "lost", "could not find job"));
  }

  @Test
  void aJobStartedBeforeTheHostRebootedIsLost() throws Exception {
    Path pb = Files.writeString(dir.resolve("reboot.yml"), """
        - hosts: h1
          gather_facts: false
          tasks:
            - name: before the reboot
              shell: sleep 60
              async: 90
              poll: 0
        """);
    CliRunner.Run run = runner().playbook("-i", inventory.toString(), pb.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    String jid = String.valueOf(jobs("list", "--json").records().get(0).get("jid"));
    Path file = asyncDir.resolve(jid);
    String record = Files.readString(file);
    Map<String, Object> started = JSON.readValue(record, new TypeReference<Map<String, Object>>() {});
    try {
      // the started record as a previous boot wrote it
      Files.writeString(file, record.replaceFirst("\"tightbeam_boot_id\": \"[^\"]*\"",
          "\"tightbeam_boot_id\": \"00000000-0000-0000-0000-000000000000\""));
      Jobs refreshed = jobs("refresh", "--json");
      assertThat(refreshed.exitCode()).isEqualTo(2);
      assertThat(refreshed.records()).singleElement().satisfies(r -> assertThat(r)
          .containsEntry("state", "lost").containsEntry("summary",
              "the job's runner is gone without writing a result: the host rebooted since the job started"));
    } finally {
      assertThat(jobs("kill", jid, "--grace", "0").exitCode()).isZero();
      ProcessHandle.of(((Number) started.get("tightbeam_supervisor_pid")).longValue()).ifPresent(ProcessHandle::destroyForcibly);
      ProcessHandle.of(((Number) started.get("tightbeam_pid")).longValue()).ifPresent(p -> {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      });
    }
  }

  @Test
  void reattachWaitsForTheJobsAnInterruptedRunLeftAndLaunchesNothingTwice() throws Exception {
    Path starts = dir.resolve("starts.log");
    Path pb = Files.writeString(dir.resolve("upgrade.yml"), """
        - name: upgrade
          hosts: h1:h2
          gather_facts: false
          tasks:
            - name: upgrade
              shell: echo "{{ inventory_hostname }} {{ item }}" >> %s; sleep 6; echo "done {{ item }}"
              async: 60
              poll: 1
              loop: [a, b]
              register: up
            - debug:
                msg: "{{ up.results | map(attribute='stdout') | list }}"
        """.formatted(starts));
    Process controller = controller(pb);
    try {
      awaitRecords(r -> r.stream().filter(j -> "running".equals(j.get("state"))).count() == 4, "four jobs running");
      controller.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL, mid-poll
    } finally {
      controller.destroyForcibly();
    }
    List<Object> first = jobs("list", "--json").records().stream().map(r -> r.get("jid")).toList();
    String before = jobs("list", "--json").out() + String.join(",", asyncDir.toFile().list())
        + Files.readString(dir.resolve("controller.log"));

    CliRunner.Run again = runner().playbook("-i", inventory.toString(), "--reattach", pb.toString());
    assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
    assertThat(again.out()).contains("\"done a\",").contains("changed: [h1] => (item=b)")
        .contains("changed=1");
    assertThat(Files.readAllLines(starts)).as("nothing launched twice: " + before + again.out() + again.err() + jobs("list").out()).hasSize(4);
    List<Map<String, Object>> after = jobs("list", "--json").records();
    assertThat(after).extracting(r -> r.get("jid")).containsExactlyElementsOf(first);
    assertThat(after).allSatisfy(r -> assertThat(r).containsEntry("state", "finished"));

    CliRunner.Run plain = runner().playbook("-i", inventory.toString(), pb.toString());
    assertThat(plain.exitCode()).as(plain.out() + plain.err()).isZero();
    assertThat(Files.readAllLines(starts)).as("without --reattach, as Ansible: launched again").hasSize(8);
    CliRunner.Run nothingLeft = runner().playbook("-i", inventory.toString(), "--reattach", pb.toString());
    assertThat(nothingLeft.exitCode()).isZero();
    assertThat(Files.readAllLines(starts)).as("no running job to attach to: launched").hasSize(12);
  }

  @Test
  void ctrlCWithoutATerminalLeavesTheRunsJobsRunningAndSaysHowToFindThem() throws Exception {
    Path pb = Files.writeString(dir.resolve("interrupted.yml"), """
        - hosts: h1:h2
          gather_facts: false
          tasks:
            - name: long
              shell: sleep 30
              async: 60
              poll: 1
        """);
    Process controller = controller(pb);
    try {
      awaitRecords(r -> r.size() == 2, "two jobs recorded");
      signal("INT", controller.pid());
      assertThat(controller.waitFor(20, TimeUnit.SECONDS)).isTrue();
    } finally {
      controller.destroyForcibly();
    }
    String log = Files.readString(dir.resolve("controller.log"));
    assertThat(controller.exitValue()).as(log).isEqualTo(99);
    assertThat(log).contains("[ERROR]: User interrupted execution\n[WARNING]: 2 async jobs this run launched are"
        + " left running: 'tightbeam-jobs list --running' lists them, 'tightbeam-jobs wait --running' collects"
        + " their results, 'tightbeam-jobs kill JID' stops one\n");
    assertThat(jobs("list", "--running", "--json").records()).hasSize(2);
    assertThat(jobs("kill", "--host", "all", "--grace", "0").exitCode()).isZero();
  }

  @Test
  void ctrlCOnATerminalAsksOnceAndKillsTheRunsJobsWhenTold() throws Exception {
    Path pb = Files.writeString(dir.resolve("asked.yml"), """
        - hosts: h1
          gather_facts: false
          tasks:
            - name: long
              shell: sleep 30
              async: 60
              poll: 1
        """);
    Process terminal = onTerminal(pb, "controller.log");
    interruptAndAnswerYes(terminal, 1, "the job recorded");
    String log = Files.readString(dir.resolve("controller.log"));
    assertThat(log).contains("1 async job this run launched still running on h1. Kill it? [y/N]: ")
        .contains("killed 1 of 1 async jobs");
    assertThat(log.split("\\[y/N\\]", -1)).as("asked once").hasSize(2);
    assertThat(jobs("list", "--json").records()).singleElement().satisfies(r -> assertThat(r).containsEntry("state", "killed"));
  }

  /** Ad hoc ({@code tightbeam -B N -P M}) on a terminal: Ctrl-C asks once, as tightbeam-playbook does. */
  @Test
  void adHocCtrlCOnATerminalAsksOnceAndKillsTheJobsWhenTold() throws Exception {
    Process terminal = onTerminal("controller.log", "io.tightbeam.cli.AdHocCli", "h1:h2", "-i",
        inventory.toString(), "-B", "60", "-P", "1", "-a", "'sleep 30'");
    interruptAndAnswerYes(terminal, 2, "the jobs recorded");
    String log = Files.readString(dir.resolve("controller.log"));
    assertThat(log).contains("[ERROR]: User interrupted execution")
        .contains("2 async jobs this run launched still running on h").contains("Kill them? [y/N]: ")
        .contains("killed 2 of 2 async jobs");
    assertThat(log.split("\\[y/N\\]", -1)).as("asked once").hasSize(2);
    assertThat(jobs("list", "--json").records()).hasSize(2)
        .allSatisfy(r -> assertThat(r).containsEntry("state", "killed"));
  }

  /**
   * Once {@code jobs} records exist, Ctrl-C to the controller on {@code terminal}, "y" to its
   * question, and its end within 30 s.
   */
  private void interruptAndAnswerYes(Process terminal, int jobs, String what) throws Exception {
    try {
      awaitRecords(r -> r.size() == jobs, what);
      long pid = terminal.descendants().filter(p -> p.info().command().orElse("").endsWith("/java"))
          .findFirst().orElseThrow().pid();
      signal("INT", pid);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!Files.readString(dir.resolve("controller.log")).contains("[y/N]: ") && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      terminal.getOutputStream().write("y\n".getBytes(StandardCharsets.UTF_8));
      terminal.getOutputStream().flush();
      assertThat(terminal.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      terminal.descendants().forEach(ProcessHandle::destroyForcibly);
      terminal.destroyForcibly();
    }
  }

  /** Ad hoc without a terminal: Ctrl-C leaves the jobs and says how to find them. */
  @Test
  void adHocCtrlCWithoutATerminalLeavesTheJobsAndSaysHowToFindThem() throws Exception {
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.tightbeam.cli.AdHocCli", "h1", "-i",
        inventory.toString(), "-B", "60", "-P", "1", "-a", "sleep 30");
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("controller.log").toFile());
    builder.environment().put("ANSIBLE_ASYNC_DIR", asyncDir.toString());
    builder.environment().put("ANSIBLE_CONFIG", "/nonexistent/ansible.cfg");
    builder.environment().put("TIGHTBEAM_JOB_REGISTRY", registry.toString());
    Process controller = builder.start();
    try {
      awaitRecords(r -> r.size() == 1, "the job recorded");
      signal("INT", controller.pid());
      assertThat(controller.waitFor(20, TimeUnit.SECONDS)).isTrue();
    } finally {
      controller.destroyForcibly();
    }
    String log = Files.readString(dir.resolve("controller.log"));
    assertThat(controller.exitValue()).as(log).isEqualTo(99);
    assertThat(log).contains("[ERROR]: User interrupted execution\n[WARNING]: 1 async job this run launched is"
        + " left running: 'tightbeam-jobs list --running' lists them").doesNotContain("[y/N]");
    assertThat(jobs("list", "--running", "--json").records()).hasSize(1);
    assertThat(jobs("kill", "--host", "all", "--grace", "0").exitCode()).isZero();
  }

  @Test
  void onATerminalAStatusLineShowsTheJobsWaitedOnAndIsErasedBeforeOtherOutput() throws Exception {
    Path pb = Files.writeString(dir.resolve("live.yml"), """
        - hosts: h1:h2
          gather_facts: false
          tasks:
            - name: slow
              shell: sleep 3
              async: 30
              poll: 1
        """);
    Process terminal = onTerminal(pb, "terminal.log");
    terminal.getOutputStream().close();
    assertThat(terminal.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String screen = Files.readString(dir.resolve("terminal.log")).replace("\r\n", "\n");
    assertThat(screen).as(screen).containsPattern("\r\033\\[Kjobs: 2 running, 0 finished, 0 failed \\| \\ds \\| slowest: h[12]");
    String plain = screen.replaceAll("\r\033\\[K(jobs: [^\n\r\033]*)?", "");
    assertThat(plain).contains("changed: [h1]\n", "changed: [h2]\n", "ASYNC OK on h1").doesNotContain("jobs:").contains("PLAY RECAP");
    assertThat(screen).as("erased at the end").doesNotContainPattern("jobs: [^\n\r\033]*$");
  }

  /** tightbeam-playbook on a terminal of script(1)'s (no colour); what is written to its stdin is typed there. */
  private Process onTerminal(Path pb, String log) throws Exception {
    return onTerminal(log, "io.tightbeam.cli.PlaybookCli", "-i", inventory.toString(), pb.toString());
  }

  /** {@code main} with {@code args} (words without quotes) on a terminal of {@code script}'s, its screen in {@code log}. */
  private Process onTerminal(String log, String main, String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = String.join(" ", java, "-cp", "'" + System.getProperty("java.class.path") + "'",
        main, String.join(" ", args));
    ProcessBuilder builder = new ProcessBuilder("script", "-q", "-e", "-c", command, "/dev/null")
        .redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile());
    builder.environment().put("ANSIBLE_ASYNC_DIR", asyncDir.toString());
    builder.environment().put("ANSIBLE_CONFIG", "/nonexistent/ansible.cfg");
    builder.environment().put("ANSIBLE_NOCOLOR", "1");
    builder.environment().put("TERM", "xterm");
    builder.environment().put("TIGHTBEAM_JOB_REGISTRY", registry.toString());
    return builder.start();
  }

  private static void signal(String signal, long pid) throws Exception {
    assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).start().waitFor()).isZero();
  }

  @Test
  void timelineIsASelfContainedPageWithABarPerJobThatChromiumDraws() throws Exception {
    Path pb = Files.writeString(dir.resolve("timeline.yml"), """
        - hosts: h1:h2
          gather_facts: false
          tasks:
            - name: ok <script>alert(1)</script>
              shell: sleep 1
              async: 10
              poll: 1
            - name: broken
              shell: exit 3
              async: 10
              poll: 1
              ignore_errors: true
            - name: still running
              shell: sleep 30
              async: 60
              poll: 0
              when: inventory_hostname == 'h2'
        """);
    CliRunner.Run run = runner().playbook("-i", inventory.toString(), pb.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    Jobs timeline = jobs("timeline", "--since", "1h");
    assertThat(timeline.exitCode()).as(timeline.err()).isZero();
    String html = timeline.out();
    assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script").doesNotContain("http")
        .contains("ok &lt;script&gt;alert(1)&lt;/script&gt;&#10;j");
    Path page = Files.writeString(dir.resolve("jobs.html"), html);
    try {
      Path chromium = Path.of("/usr/bin/chromium");
      org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(chromium), "Debian's chromium package is not installed");
      Path shot = dir.resolve("jobs.png");
      List<String> headless = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
          "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile"), "--window-size=1000,300");
      List<String> screenshot = new ArrayList<>(headless);
      screenshot.addAll(List.of("--screenshot=" + shot, page.toUri().toString()));
      Process p = new ProcessBuilder(screenshot).redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(shot).as(Files.readString(dir.resolve("chromium.log"))).exists();
      java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(shot.toFile());
      Map<Integer, Integer> pixels = new HashMap<>();
      for (int x = 0; x < image.getWidth(); x++) {
        for (int y = 0; y < image.getHeight(); y++) {
          pixels.merge(image.getRGB(x, y) & 0xffffff, 1, Integer::sum);
        }
      }
      // bars, not only the legend's 12x12 keys: finished on both hosts, failed on both, one running
      assertThat(pixels.getOrDefault(0x2da44e, 0)).as("green (finished)").isGreaterThan(400);
      assertThat(pixels.getOrDefault(0xcf222e, 0)).as("red (failed)").isGreaterThan(200);
      assertThat(pixels.getOrDefault(0x1f6feb, 0)).as("blue (running)").isGreaterThan(200);
      List<String> dom = new ArrayList<>(headless);
      dom.addAll(List.of("--dump-dom", page.toUri().toString()));
      Process d = new ProcessBuilder(dom).redirectError(dir.resolve("chromium.err").toFile()).start();
      String rendered = new String(d.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(d.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(rendered.split("class=\"bar ", -1)).as("five bars").hasSize(6);
    } finally {
      jobs("kill", "--host", "h2", "--grace", "0");
    }
  }

  private Process controller(Path pb) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.tightbeam.cli.PlaybookCli", "-i", inventory.toString(),
        pb.toString()));
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("controller.log").toFile());
    builder.environment().put("ANSIBLE_ASYNC_DIR", asyncDir.toString());
    builder.environment().put("ANSIBLE_CONFIG", "/nonexistent/ansible.cfg");
    builder.environment().put("TIGHTBEAM_JOB_REGISTRY", registry.toString());
    return builder.start();
  }

  /** The pids of processes whose command line names {@code script}. */
  private static List<Long> processes(Path script) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().arguments().map(a -> List.of(a).contains(script.toString())).orElse(false))
        .map(ProcessHandle::pid).toList();
  }

  private static void awaitProcesses(Path script, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (processes(script).size() < count && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(processes(script)).hasSizeGreaterThanOrEqualTo(count);
  }

  private void awaitRecords(Predicate<List<Map<String, Object>>> done, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (Files.exists(registry)) {
        Jobs listed = jobs("list", "--json");
        if (listed.exitCode() == 0 && done.test(listed.records())) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("timed out waiting for " + what + ": " + Files.readString(dir.resolve("controller.log")));
  }
}
