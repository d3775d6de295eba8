package io.tightbeam.cli;

import static io.tightbeam.cli.CliRunner.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The playbook CLI against localhost: console output byte for byte as ansible-core 2.14 prints it
 * (goldens recorded from ansible-playbook on the same playbooks), and Ansible's exit codes.
 */
class PlaybookOutputIT {
  private final CliRunner cli = new CliRunner();

  @ParameterizedTest(name = "{0}.yml prints what ansible-playbook prints and exits {1}")
  @CsvSource({"passing, 0", "failing, 2", "ignored, 0", "skipped, 0"})
  void goldenOutput(String name, int exitCode) throws Exception {
    CliRunner.Run run = cli.playbook("-i", resource("inventory.ini"), resource(name + ".yml"));
    String expected = Files.readString(Path.of(resource("expected/" + name + ".out")));
    assertThat(run.normalizedOut()).isEqualTo(expected);
    assertThat(run.exitCode()).isEqualTo(exitCode);
  }

  @ParameterizedTest(name = "--diff {0}: each change is shown before its result line, as ansible-playbook shows it")
  @CsvSource({"'', diff", "--check, diff-check"})
  void diffModePrintsWhatAnsiblePlaybookPrints(String check, String golden, @TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.txt"), "one\nzwei\n");
    Files.setPosixFilePermissions(dir.resolve("a.txt"), PosixFilePermissions.fromString("rw-r--r--"));
    Files.writeString(dir.resolve("t.conf"), "name=x\n");
    List<String> argv = new ArrayList<>(List.of("-i", resource("inventory.ini"), resource("diff.yml"), "--diff",
        "-e", "dir=" + dir));
    if (!check.isEmpty()) {
      argv.add(check);
    }
    CliRunner.Run run = cli.playbook(argv.toArray(String[]::new));
    String shown = run.out().replace(dir.toString(), "<dir>")
        .replaceAll("(?m)^\\+\\+\\+ after: /tmp/\\.tb-copy-\\S*$", "+++ after: <generated>");
    assertThat(shown).isEqualTo(Files.readString(Path.of(resource("expected/" + golden + ".out"))));
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void parseErrorNamesFileLineAndColumnWithACaretAndExits4() {
    CliRunner.Run run = cli.playbook("-i", resource("inventory.ini"), resource("parse-error.yml"));
    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith("ERROR! ")
        .contains("Syntax Error while loading YAML.")
        .contains("The error appears to be in '" + resource("parse-error.yml") + "': line 6, column 6")
        .contains("The offending line appears to be:\n\n      command: echo hi\n     register: out\n     ^ here");
  }

  @Test
  void unknownModuleIsReportedBeforeAnythingRunsWithASuggestion() {
    CliRunner.Run run = cli.playbook("-i", resource("inventory.ini"), resource("unknown-module.yml"));
    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.out()).doesNotContain("PLAY [");
    assertThat(run.err())
        .contains("ERROR! couldn't resolve module/action 'comand'")
        .contains("Did you mean 'command'?")
        .contains("line 4, column 7");
  }
}
