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
