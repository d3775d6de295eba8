package io.tightbeam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Playbook semantics that real roles rely on, one case folder each under {@code
 * src/test/resources/semantics}: tightbeam-playbook prints what ansible-playbook 2.14 printed for
 * the same case (recorded by that folder's {@code record} script) and exits with its code.
 */
class SemanticsIT {
  private static final Path CASES = Path.of("src/test/resources/semantics").toAbsolutePath().normalize();

  @ParameterizedTest(name = "{0} as ansible-playbook runs it")
  @ValueSource(strings = {"search_path", "limit", "tags", "include_role", "hostvars", "task_errors", "vault_filters", "result_conditions", "any_errors_fatal", "block_flow", "meta_display", "omit_keywords", "include_vars_dir", "clear_unreachable"})
  void caseRunsAsAnsibleRunsIt(String name) throws IOException {
    Path dir = CASES.resolve(name);
    Path inventory = Files.exists(dir.resolve("hosts")) ? dir.resolve("hosts") : CASES.resolve("hosts");
    List<String> argv = new ArrayList<>(List.of("-i", inventory.toString(), dir.resolve("site.yml").toString()));
    if (Files.exists(dir.resolve("argv"))) {
      argv.addAll(List.of(Files.readString(dir.resolve("argv")).trim().split("\\s+")));
    }
    CliRunner.Run run = new CliRunner().playbook(argv.toArray(String[]::new));
    String shown = run.out().replace(dir.toString(), "<dir>");
    assertThat(shown).as(run.err()).isEqualTo(Files.readString(dir.resolve("expected.out")));
    assertThat(run.exitCode()).isEqualTo(Integer.parseInt(Files.readString(dir.resolve("rc")).trim()));
  }
}
