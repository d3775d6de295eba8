package io.tightbeam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated playbooks, inventories, ansible.cfg files and argument lists through the real commands
 * (issue 15): whatever the input, the command ends with one of Ansible's exit codes (0, 1, 2, 4,
 * 5), within 20 s, and prints no Java stack trace or class name. Seeded (15; -Dfuzz.seed=N for
 * another run) and bounded in time (-Dfuzz.seconds, 40 by default). Every target is the local connection
 * and every command is an echo, so no mutation can do harm.
 */
class BadInputFuzzIT {
  private static final Set<Integer> ANSIBLE_CODES = Set.of(0, 1, 2, 4, 5);
  private static final Pattern JAVA_TEXT = Pattern.compile(
      "(\\tat [a-z]|\\b(java|javax|jdk|sun|picocli|org\\.yaml|com\\.hubspot|com\\.fasterxml|io\\.tightbeam)"
          + "\\.[a-z][A-Za-z0-9_.$]*[A-Z]|Exception in thread|Unexpected Exception)");

  private static final String PLAYBOOK = """
      - hosts: all
        gather_facts: false
        vars:
          greeting: hello
          items: [1, 2]
        tasks:
          - name: say
            debug:
              msg: "{{ greeting }} {{ item }}"
            loop: "{{ items }}"
            register: said
          - command: echo {{ greeting }}
            changed_when: false
            tags: [t1]
          - block:
              - set_fact:
                  x: 1
              - fail: msg=no
                when: x == 2
            rescue:
              - debug: var=x
            always:
              - meta: noop
          - command: echo changed
            notify: h
        handlers:
          - name: h
            debug: msg=handled
      """;

  private static final String INI = """
      [web]
      h1 ansible_connection=local
      h2 ansible_connection=local x=1

      [db]
      h3 ansible_connection=local

      [all:vars]
      greeting=hi
      """;

  private static final String CFG = """
      [defaults]
      forks = 3
      gathering = implicit
      timeout = 10
      retry_files_enabled = false
      [ssh_connection]
      pipelining = true
      """;

  private static final List<String> TOKENS = List.of(
      "", " ", "\t", ":", ": ", "-", "- ", "[", "]", "{", "}", "{{", "}}", "{%", "'", "\"", "#", "&a",
      "*a", "!vault", "!unsafe", "~", "null", "yes", "maybe", "ture", "-1", "0", "1e999", "[]", "{}",
      "''", "' '", ",", "=", "@", "all", "!all", "h1", "local", "\n", "\n  ", "\n- ", "x" .repeat(3),
      "ansible_connection=ssh", "hosts", "tasks", "block", "rescue", "notify", "no_log", "become");

  private static final List<String> FLAGS = List.of(
      "-l", "-e", "-f", "-t", "--skip-tags", "-C", "-D", "-v", "-vvv", "--list-hosts", "--list-tasks",
      "--syntax-check", "--start-at-task", "-c", "-u", "-T", "-i", "-b", "--become-user", "-x", "--");

  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fuzz-case");
    t.setDaemon(true);
    return t;
  });

  @TempDir Path dir;

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void mutatedInputEndsWithAnAnsibleExitCodeAndNoJavaText() throws Exception {
    long seed = Long.getLong("fuzz.seed", 15L);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.getLong("fuzz.seconds", 40));
    Random random = new Random(seed);
    int cases = 0;
    while (System.nanoTime() < deadline || cases < 20) {
      Path caseDir = Files.createDirectories(dir.resolve("case" + cases));
      List<String> argv = oneCase(random, caseDir);
      boolean adHoc = random.nextInt(5) == 0;
      CliRunner runner = new CliRunner().env("ANSIBLE_CONFIG", caseDir.resolve("ansible.cfg").toString());
      if (adHoc) {
        argv.set(argv.indexOf(caseDir.resolve("site.yml").toString()), pick(random, List.of("all", "web", "h1", "", " ", "nomatch")));
        argv.addAll(List.of("-a", "echo " + mutate(random, "fuzz", 1)));
      }
      CliRunner.Run run = runWithin(runner, adHoc, argv, seed, cases);
      String console = run.out() + run.err();
      String what = "seed " + seed + ", case " + cases + ", argv " + argv + "\n" + console;
      assertThat(run.exitCode()).as(what).isIn(ANSIBLE_CODES);
      assertThat(JAVA_TEXT.matcher(console).find()).as("Java text in the console: " + what).isFalse();
      cases++;
    }
  }

  private CliRunner.Run runWithin(CliRunner runner, boolean adHoc, List<String> argv, long seed, int n)
      throws Exception {
    String[] args = argv.toArray(String[]::new);
    Future<CliRunner.Run> run = pool.submit(() -> adHoc ? runner.adHoc(args) : runner.playbook(args));
    try {
      return run.get(20, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      run.cancel(true);
      return fail("no end within 20 s: seed " + seed + ", case " + n + ", argv " + argv);
    }
  }

  /** Writes the case's (maybe mutated) files and returns its argument list. */
  private List<String> oneCase(Random random, Path caseDir) throws IOException {
    int target = random.nextInt(4); // which input is mutated: playbook, inventory, cfg, argv
    Path playbook = Files.writeString(caseDir.resolve("site.yml"), target == 0 ? mutate(random, PLAYBOOK, 1 + random.nextInt(4)) : PLAYBOOK);
    Path inventory = Files.writeString(caseDir.resolve("hosts.ini"), target == 1 ? mutate(random, INI, 1 + random.nextInt(3)) : INI);
    Files.writeString(caseDir.resolve("ansible.cfg"), target == 2 ? mutate(random, CFG, 1 + random.nextInt(3)) : CFG);
    List<String> argv = new ArrayList<>(List.of("-i", inventory.toString(), playbook.toString()));
    if (target == 3) {
      for (int i = random.nextInt(4); i >= 0; i--) {
        String flag = pick(random, FLAGS);
        argv.add(random.nextInt(argv.size() + 1), flag);
        if (random.nextBoolean()) {
          argv.add(argv.indexOf(flag) + 1, pick(random, TOKENS));
        }
      }
    }
    return argv;
  }

  private static String mutate(Random random, String text, int times) {
    StringBuilder s = new StringBuilder(text);
    for (int i = 0; i < times; i++) {
      int at = s.length() == 0 ? 0 : random.nextInt(s.length());
      switch (random.nextInt(5)) {
        case 0 -> s.insert(at, pick(random, TOKENS));
        case 1 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(8)));
        case 2 -> {
          int end = s.indexOf("\n", at);
          int start = s.lastIndexOf("\n", at) + 1;
          if (end > start) {
            s.insert(start, s.substring(start, end + 1)); // a line twice
          }
        }
        case 3 -> {
          int start = s.lastIndexOf("\n", at) + 1;
          s.insert(start, random.nextBoolean() ? "  " : "\t"); // indentation
        }
        default -> s.replace(at, Math.min(s.length(), at + 1), pick(random, TOKENS));
      }
    }
    return s.toString();
  }

  private static String pick(Random random, List<String> from) {
    return from.get(random.nextInt(from.size()));
  }
}
