package io.tightbeam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Playbook semantics that real roles rely on, one case folder each under {@code
 * src/test/resources/semantics}: tightbeam-playbook prints what ansible-playbook 2.14 printed for
 * the same case (recorded by that folder's {@code record} script) and exits with its code.
 */
class SemanticsIT {
  private static final Path CASES = Path.of("src/test/resources/semantics").toAbsolutePath().normalize();

  /** Every folder with a site.yml is a case (each recorded by the folder's record script). */
  static java.util.stream.Stream<String> cases() throws IOException {
    try (java.util.stream.Stream<Path> dirs = Files.list(CASES)) {
      return dirs.filter(d -> Files.exists(d.resolve("site.yml"))).map(d -> d.getFileName().toString())
          .sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0} as ansible-playbook runs it")
  @org.junit.jupiter.params.provider.MethodSource("cases")
  void caseRunsAsAnsibleRunsIt(String name) throws IOException {
    Path dir = CASES.resolve(name);
    Path inventory = Files.exists(dir.resolve("hosts")) ? dir.resolve("hosts") : CASES.resolve("hosts");
    List<String> argv = new ArrayList<>(List.of("-i", inventory.toString(), dir.resolve("site.yml").toString()));
    if (Files.exists(dir.resolve("argv"))) {
      argv.addAll(List.of(Files.readString(dir.resolve("argv")).trim().split("\\s+")));
    }
    CliRunner runner = new CliRunner();
    if (Files.exists(dir.resolve("env"))) {
      for (String word : Files.readString(dir.resolve("env")).replace("<dir>", dir.toString()).trim().split("\\s+")) {
        runner.env(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
      }
    }
    CliRunner.Run run = runner.playbook(argv.toArray(String[]::new));
    // the record script runs ansible-playbook inside the case folder on "site.yml"; this run names it by full path
    String shown = run.out().replace(dir.toString(), "<dir>").replace("playbook: <dir>/site.yml", "playbook: site.yml");
    assertThat(shown).as(run.err()).isEqualTo(Files.readString(dir.resolve("expected.out")));
    assertThat(run.exitCode()).isEqualTo(Integer.parseInt(Files.readString(dir.resolve("rc")).trim()));
  }
}
