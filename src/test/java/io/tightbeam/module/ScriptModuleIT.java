package io.tightbeam.module;

import static io.tightbeam.module.FilesTarget.args;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** script on this machine, with the results ansible-playbook 2.14 registered for the same calls. */
class ScriptModuleIT {
  @TempDir Path dir;
  private final RemoteModule script = Modules.builtin().remote("script").orElseThrow();

  private FilesTarget target() throws Exception {
    Files.createDirectories(dir.resolve("files"));
    Files.writeString(dir.resolve("files/t.sh"), "#!/bin/sh\necho \"out $1 $2\"\necho err >&2\n");
    Files.writeString(dir.resolve("files/n.sh"), "echo nosheb $1\nexit 3\n");
    return new FilesTarget(dir);
  }

  @Test
  void runsTheLocalScriptWithItsArguments() throws Exception {
    assertThat(target().run(script, args("_raw_params", "t.sh \"a b\" c")))
        .containsEntry("changed", true).containsEntry("rc", 0)
        .containsEntry("stdout", "out a b c\n").containsEntry("stdout_lines", List.of("out a b c"))
        .containsEntry("stderr", "err\n").containsEntry("stderr_lines", List.of("err"))
        .doesNotContainKey("failed");
  }

  @Test
  void aNonZeroExitFailsAndExecutableRunsAScriptWithoutShebang() throws Exception {
    assertThat(target().run(script, args("_raw_params", "n.sh x", "executable", "sh")))
        .containsEntry("changed", true).containsEntry("failed", true).containsEntry("rc", 3)
        .containsEntry("msg", "non-zero return code").containsEntry("stdout", "nosheb x\n")
        .containsEntry("stderr_lines", List.of());
  }

  @Test
  void createsRemovesAndCheckModeSkip() throws Exception {
    FilesTarget t = target();
    assertThat(t.run(script, args("_raw_params", "t.sh", "creates", "/etc/passwd")))
        .containsEntry("changed", false).containsEntry("skipped", true)
        .containsEntry("msg", "/etc/passwd exists, matching creates option");
    assertThat(t.run(script, args("_raw_params", "t.sh", "removes", "/nonexistent")))
        .containsEntry("skipped", true)
        .containsEntry("msg", "/nonexistent does not exist, matching removes option");
    assertThat(t.check(script, args("_raw_params", "t.sh")))
        .containsEntry("changed", false).containsEntry("skipped", true)
        .containsEntry("msg", "Check mode is not supported for this task.");
  }

  @Test
  void aMissingScriptSaysWhereItWasSought() throws Exception {
    assertThat(target().run(script, args("_raw_params", "nope.sh")).get("msg").toString())
        .startsWith("Could not find or access 'nope.sh'\nSearched in:\n\t" + dir + "/files/nope.sh")
        .endsWith(" on the Ansible Controller.\nIf you are using a module and expect the file to exist"
            + " on the remote, see the remote_src option");
  }

  @Test
  void aBinaryOrNonUtf8ScriptArrivesByteForByte() throws Exception {
    FilesTarget t = target();
    // ansible runs these (`ansible localhost -m script -a /bin/true`); its reading as UTF-8 text failed
    Files.write(dir.resolve("files/latin.sh"), "#!/bin/sh\n# caf\u00e9 %s \\n\necho \"ok $1\"\nsed -n 2p \"$0\" | od -An -c\n"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThat(t.run(script, args("_raw_params", "latin.sh arg")).get("stdout").toString())
        .startsWith("ok arg\n").contains("c   a   f 351       %   s       \\   n  \\n");
    byte[] binary = Files.readAllBytes(Path.of("/bin/true"));
    Files.write(dir.resolve("files/true"), binary);
    assertThat(t.run(script, args("_raw_params", "true bogus=1"))).containsEntry("rc", 0)
        .doesNotContainKey("failed");
  }
}
