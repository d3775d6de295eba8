package io.tightbeam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The playbook language in playbook form, as Ansible's own integration targets are written: each
 * playbook asserts its own behaviour and passes unchanged under ansible-playbook 2.14 too.
 */
class LanguagePlaybooksIT {
  @TempDir Path home;

  @ParameterizedTest(name = "{0} passes")
  @ValueSource(strings = {"templating", "loops", "blocks", "includes", "handlers", "async", "roles", "facts"})
  void playbookAssertsHold(String name) {
    CliRunner.Run run = new CliRunner().playbook("-i", path("../cli/inventory.ini"), path(name + ".yml"));
    assertThat(run.out()).contains("PLAY RECAP").doesNotContain("failed=1");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
  }

  @org.junit.jupiter.api.Test
  void throttleAndRunOnceOnThreeHosts() {
    CliRunner.Run run = new CliRunner().playbook("-i", path("local3.ini"), path("throttle.yml"), "-f", "3");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("h3                         : ok=2    changed=1");
  }

  /**
   * Hosts finishing while the throttle picked the ones to wait for once left it waiting on no
   * future, forever: 150 tasks of this shape on 8 hosts hung one run in 3 before the fix.
   */
  @org.junit.jupiter.api.Test
  void throttledTasksOnHostsThatFinishAtOnceNeverStall(@TempDir Path dir) throws Exception {
    StringBuilder inventory = new StringBuilder("[all]\n");
    for (int i = 1; i <= 8; i++) {
      inventory.append("h").append(i).append(" ansible_connection=local\n");
    }
    StringBuilder play = new StringBuilder("- hosts: all\n  gather_facts: false\n  tasks:\n");
    for (int i = 0; i < 300; i++) {
      play.append("    - debug: msg=x\n      throttle: 2\n");
    }
    java.nio.file.Files.writeString(dir.resolve("inv"), inventory);
    java.nio.file.Files.writeString(dir.resolve("p.yml"), play);
    CliRunner.Run run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(60),
        () -> new CliRunner().playbook("-i", dir.resolve("inv").toString(), dir.resolve("p.yml").toString()));
    assertThat(run.out()).contains("h8                         : ok=300  changed=0");
  }

  /** As ansible-playbook 2.14 with the same ansible.cfg: no Gathering Facts task, no facts. */
  @org.junit.jupiter.api.Test
  void gatheringExplicitInAnsibleCfgGathersNothingUnasked(@TempDir Path dir) throws Exception {
    java.nio.file.Files.writeString(dir.resolve("ansible.cfg"), "[defaults]\ngathering = explicit\n");
    java.nio.file.Files.writeString(dir.resolve("p.yml"),
        "- hosts: localhost\n  tasks:\n    - debug: msg={{ ansible_facts.keys() | list | length }}\n");
    CliRunner.Run run = new CliRunner().env("ANSIBLE_CONFIG", dir.resolve("ansible.cfg").toString())
        .playbook("-i", "localhost,", "-c", "local", dir.resolve("p.yml").toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).doesNotContain("Gathering Facts").contains("\"msg\": \"0\"");
  }

  /**
   * At -vv Ansible says when a change queues a handler (once per host and handler, "role : name"
   * in a role), before the result line; under free its lazy banner comes after it (2.14, seen).
   */
  @org.junit.jupiter.api.Test
  void notifiedHandlersShownAtDoubleVerbose(@TempDir Path dir) throws Exception {
    String play = "- hosts: localhost\n  gather_facts: false\n  strategy: %s\n  tasks:\n"
        + "    - debug: msg=x\n      changed_when: true\n      notify: [h, h]\n"
        + "    - debug: msg=y\n      changed_when: true\n      notify: h\n"
        + "  handlers:\n    - name: h\n      debug: msg=handler\n";
    java.nio.file.Files.writeString(dir.resolve("linear.yml"), String.format(play, "linear"));
    java.nio.file.Files.writeString(dir.resolve("free.yml"), String.format(play, "free"));
    CliRunner.Run linear = new CliRunner().playbook("-vv", "-i", "localhost,", "-c", "local",
        dir.resolve("linear.yml").toString());
    assertThat(linear.out()).contains("TASK [debug] ****").containsOnlyOnce("NOTIFIED HANDLER h for localhost")
        .contains("task path: " + dir.resolve("linear.yml") + ":5\nNOTIFIED HANDLER h for localhost\nchanged: [localhost]");
    CliRunner.Run free = new CliRunner().playbook("-vv", "-i", "localhost,", "-c", "local",
        dir.resolve("free.yml").toString());
    assertThat(free.out()).containsOnlyOnce("NOTIFIED HANDLER h for localhost")
        .contains("NOTIFIED HANDLER h for localhost\n\nTASK [debug] ****");
  }

  @org.junit.jupiter.api.Test
  void variablePrecedenceFollowsAnsible() {
    CliRunner.Run run = new CliRunner().playbook("-i", path("vars-inventory.ini"), path("vars.yml"),
        "-e", "extra=from-cli");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
  }

  private static String path(String name) {
    return Path.of("src/test/resources/language", name).toAbsolutePath().normalize().toString();
  }
}
