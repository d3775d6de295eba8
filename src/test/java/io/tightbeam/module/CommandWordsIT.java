package io.tightbeam.module;

import static io.tightbeam.module.FilesTarget.args;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * command's words are expanded as ansible-playbook 2.14's run_command does (expandvars, then
 * expanduser) with the task's environment, sync and as a job; shell's are left to the shell.
 */
class CommandWordsIT {
  @TempDir Path dir;

  @Test
  void variablesAndHomeAreExpandedUnknownOnesStay() throws Exception {
    FilesTarget t = new FilesTarget(dir, Map.of("option", "Zaz", "HOME", "/home/tb"));
    RemoteModule command = CommandModule.command();
    Map<String, Object> a = args("_raw_params",
        "echo $option ${option} $nope ${nope} ~ ~/x a~ $option$option '$option' \"${option}x\" $ {x}");
    String expected = "Zaz Zaz $nope ${nope} /home/tb /home/tb/x a~ ZazZaz Zaz Zazx $ {x}";
    assertThat(t.run(command, a)).containsEntry("stdout", expected)
        .containsEntry("cmd", List.of("echo", "$option", "${option}", "$nope", "${nope}", "~", "~/x",
            "a~", "$option$option", "$option", "${option}x", "$", "{x}"));
    assertThat(t.runAsJob(command, a)).containsEntry("stdout", expected);
  }
}
