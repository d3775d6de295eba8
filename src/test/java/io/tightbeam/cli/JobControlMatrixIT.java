package io.tightbeam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tightbeam.connection.SshdExtension;
import io.tightbeam.jobs.registry.PostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The "done when" over every pairing of target (local, SSH through a real OpenSSH sshd)
 * and registry (SQLite, PostgreSQL): {@code logs -f} shows each line within 0.5 s of the job
 * printing it; {@code kill} leaves nothing of a job whose children ignore TERM and double-fork by
 * 1 s after the grace; {@code --reattach} after a SIGKILLed controller launches nothing twice.
 */
class JobControlMatrixIT {
  @RegisterExtension static final SshdExtension SSHD = new SshdExtension(2);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static PostgresServer postgres;

  @TempDir Path dir;
  /** Files both the test and the job (the SSH login user) read and write. */
  private Path shared;
  private String registry;
  private final List<Path> scripts = new ArrayList<>();

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @AfterEach
  void endWhatIsLeft() throws Exception {
    for (Path s : scripts) {
      processes(s).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }
    if (shared != null) {
      try (var files = Files.walk(shared)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The inventory of two hosts h1, h2 reached as {@code target} says; the registry as {@code store} says. */
  private Path setUp(String target, String store) throws Exception {
    shared = Files.createDirectories(SSHD.userHome().resolve("tb-matrix-" + System.nanoTime()));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    if (store.equals("postgresql")) {
      if (postgres == null) {
        postgres = PostgresServer.start();
      }
      registry = postgres.url("tb");
      java.util.Properties login = new java.util.Properties();
      login.setProperty("user", "tb");
      try (var c = new org.postgresql.Driver().connect(
              "jdbc:postgresql://" + registry.substring(registry.indexOf('@') + 1), login);
          var s = c.createStatement()) {
        // each case starts from an empty registry (the program creates the table on first use)
        s.execute("DO $$ BEGIN IF to_regclass('jobs') IS NOT NULL THEN DELETE FROM jobs; END IF; END $$");
      }
    } else {
      registry = dir.resolve("jobs.db").toString();
    }
    StringBuilder ini = new StringBuilder();
    for (int i = 0; i < 2; i++) {
      ini.append("h").append(i + 1);
      if (target.equals("local")) {
        ini.append(" ansible_connection=local ansible_async_dir=").append(dir.resolve("async"));
      } else {
        ini.append(" ansible_host=").append(SSHD.address(i)).append(" ansible_port=").append(SSHD.port())
            .append(" ansible_user=").append(SSHD.user())
            .append(" ansible_ssh_private_key_file=").append(SSHD.clientKey())
            .append(" ansible_ssh_common_args='-o UserKnownHostsFile=").append(SSHD.knownHosts()).append("'");
      }
      ini.append('\n');
    }
    return Files.writeString(dir.resolve("hosts.ini"), ini);
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("TIGHTBEAM_JOB_REGISTRY", registry);
    env.put("ANSIBLE_CONFIG", "/nonexistent/ansible.cfg");
    env.put("ANSIBLE_NOCOLOR", "1");
    return env;
  }

  private CliRunner runner() {
    return new CliRunner().env("TIGHTBEAM_JOB_REGISTRY", registry);
  }

  private List<Map<String, Object>> jobs(String... argv) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = JobsCli.execute(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env());
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(rc).as(text + err.toString(StandardCharsets.UTF_8)).isZero();
    return JSON.readValue(text, new TypeReference<List<Map<String, Object>>>() {});
  }

  @ParameterizedTest(name = "{0} target, {1} registry")
  @CsvSource({"local,sqlite", "ssh,sqlite", "local,postgresql", "ssh,postgresql"})
  void logsFollowShowsEveryLineWithinHalfASecondOfTheJobPrintingIt(String target, String store) throws Exception {
    Path inventory = setUp(target, store);
    Path pb = Files.writeString(dir.resolve("chatty.yml"), """
        - hosts: h1
          gather_facts: false
          tasks:
            - name: chatty
              shell: sleep 0.5; for i in 1 2 3 4; do echo "out $i $(date +%s%N)"; sleep 0.7; done
              async: 30
              poll: 0
        """);
    CliRunner.Run run = runner().playbook("-i", inventory.toString(), pb.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    String jid = String.valueOf(jobs("list", "--running", "--json").get(0).get("jid"));

    List<long[]> seen = new ArrayList<>(); // {the line's own time, its arrival}, epoch millis
    OutputStream lines = new OutputStream() {
      private final StringBuilder line = new StringBuilder();

      @Override
      public synchronized void write(int b) {
        if (b != '\n') {
          line.append((char) b);
          return;
        }
        seen.add(new long[] {Long.parseLong(line.toString().split(" ")[2]) / 1_000_000, System.currentTimeMillis()});
        line.setLength(0);
      }
    };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = JobsCli.execute(new String[] {"logs", "-f", jid}, new PrintStream(lines, true),
        new PrintStream(err, true, StandardCharsets.UTF_8), env());
    assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(seen).as("every line").hasSize(4);
    assertThat(seen).allSatisfy(s -> assertThat(s[1] - s[0]).as("arrived after the job printed it (ms)")
        .isLessThan(500));
    assertThat(jobs("list", "--json")).singleElement().satisfies(r -> assertThat(r).containsEntry("state", "finished"));
  }

  @ParameterizedTest(name = "{0} target, {1} registry")
  @CsvSource({"local,sqlite", "ssh,sqlite", "local,postgresql", "ssh,postgresql"})
  void killLeavesNothingOfAJobWhoseChildrenIgnoreTermAndDoubleForkOneSecondAfterTheGrace(String target, String store)
      throws Exception {
    Path inventory = setUp(target, store);
    Path stubborn = Files.writeString(shared.resolve("stubborn-" + System.nanoTime() + ".sh"),
        "trap '' TERM\nwhile :; do sleep 0.2; done\n");
    scripts.add(stubborn);
    Files.setPosixFilePermissions(stubborn, PosixFilePermissions.fromString("rwxr-xr-x"));
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
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (processes(stubborn).size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(processes(stubborn)).hasSizeGreaterThanOrEqualTo(3);
    String jid = String.valueOf(jobs("list", "--running", "--json").get(0).get("jid"));

    long start = System.nanoTime();
    List<Map<String, Object>> killed = jobs("kill", jid, "--grace", "1", "--json");
    assertThat(killed).singleElement().satisfies(r -> assertThat(r)
        .containsEntry("state", "killed").containsEntry("failed", true));
    long wait = TimeUnit.SECONDS.toNanos(2) - (System.nanoTime() - start); // grace + 1 s
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
    assertThat(processes(stubborn)).as("nothing of the job 1 s after the grace").isEmpty();
    assertThat(jobs("list", "--running", "--json")).isEmpty();
  }

  @ParameterizedTest(name = "{0} target, {1} registry")
  @CsvSource({"local,sqlite", "ssh,sqlite", "local,postgresql", "ssh,postgresql"})
  void reattachAfterAKilledControllerLaunchesNothingTwice(String target, String store) throws Exception {
    Path inventory = setUp(target, store);
    Path starts = shared.resolve("starts.log");
    Path pb = Files.writeString(dir.resolve("upgrade.yml"), """
        - name: upgrade
          hosts: h1:h2
          gather_facts: false
          tasks:
            - name: upgrade
              shell: echo "{{ inventory_hostname }} {{ item }}" >> %s; sleep 5; echo "done {{ item }}"
              async: 60
              poll: 1
              loop: [a, b]
              register: up
        """.formatted(starts));
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.tightbeam.cli.PlaybookCli", "-i", inventory.toString(),
        pb.toString());
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("controller.log").toFile());
    builder.environment().putAll(env());
    Process controller = builder.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
      while (System.nanoTime() < deadline
          && jobs("list", "--running", "--json").size() < 4) {
        Thread.sleep(200);
      }
      controller.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL, mid-poll
    } finally {
      controller.destroyForcibly();
    }
    List<Object> first = jobs("list", "--json").stream().map(r -> r.get("jid")).toList();
    assertThat(first).as(Files.readString(dir.resolve("controller.log"))).hasSize(4);

    CliRunner.Run again = runner().playbook("-i", inventory.toString(), "--reattach", pb.toString());
    assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
    assertThat(Files.readAllLines(starts)).as("nothing launched twice").hasSize(4);
    List<Map<String, Object>> after = jobs("list", "--json");
    assertThat(after).extracting(r -> r.get("jid")).containsExactlyInAnyOrderElementsOf(first);
    assertThat(after).allSatisfy(r -> assertThat(r).containsEntry("state", "finished"));
  }

  /** The pids of processes whose command line names {@code script}. */
  private static List<Long> processes(Path script) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().arguments().map(a -> List.of(a).contains(script.toString())).orElse(false))
        .map(ProcessHandle::pid).toList();
  }
}
