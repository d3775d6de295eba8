package io.tightbeam.module;

import static io.tightbeam.module.FilesTarget.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FileAndPackageModulesTest {
  @Test
  void everyModuleIsRegisteredUnderItsOwnName() {
    FileAndPackageModules.all().forEach((name, module) ->
        assertThat(module.name()).isEqualTo(name.equals("systemd_service") ? "systemd" : name));
    assertThat(FileAndPackageModules.all()).containsKeys("copy", "file", "stat", "lineinfile", "wait_for", "apt",
        "yum", "dnf", "package", "service", "systemd");
    assertThat(FileAndPackageModules.template((t, v) -> t).name()).isEqualTo("template");
  }

  @Test
  void modesAreNormalisedAsAnsibleReadsThem() {
    assertThat(OptionSpec.mode(420)).isEqualTo("0644");
    assertThat(OptionSpec.mode("644")).isEqualTo("0644");
    assertThat(OptionSpec.mode("0755")).isEqualTo("0755");
    assertThat(OptionSpec.mode("01777")).isEqualTo("1777");
    assertThat(OptionSpec.mode("u+x,g-w")).isEqualTo("u+x,g-w");
    assertThat(OptionSpec.mode("u=rwX,go=")).isEqualTo("u=rwX,go=");
    assertThatThrownBy(() -> OptionSpec.mode("rwxr-xr-x")).hasMessage("bad symbolic permission for mode: rwxr-xr-x");
  }

  @Test
  void booleansAcceptAnsiblesSpellings() {
    OptionSpec spec = new OptionSpec("x").add("b", OptionSpec.Type.BOOL, false);
    assertThat(spec.check(args("b", "yes"))).containsEntry("b", true);
    assertThat(spec.check(args("b", "off"))).containsEntry("b", false);
    assertThatThrownBy(() -> spec.check(args("b", "maybe"))).hasMessageContaining("unable to convert to bool");
  }

  @Test
  void anOptionTightbeamDoesNotImplementIsRefusedUnlessItHasItsHarmlessValue() {
    OptionSpec spec = new OptionSpec("x").add("a", OptionSpec.Type.STR)
        .refuse("follow", OptionSpec.Type.BOOL, true, "links are always followed")
        .refuse("delim", OptionSpec.Type.STR, null, "default delimiters only");
    assertThat(spec.check(args("a", "1", "follow", "yes"))).containsEntry("follow", true);
    assertThat(spec.check(args("a", "1"))).containsEntry("delim", null);
    assertThatThrownBy(() -> spec.check(args("follow", false, "delim", "[[")))
        .hasMessage("Unsupported parameters for (x) module: follow (links are always followed), delim (default"
            + " delimiters only). Supported parameters include: a, follow.");
  }

  @Test
  void fileModulesTakeAnsiblesCommonFileArguments() {
    for (String module : java.util.List.of("copy", "file", "lineinfile")) {
      RemoteModule m = FileAndPackageModules.all().get(module);
      assertThatThrownBy(() -> m.checkArgs(args("path", "/x", "dest", "/x", "content", "x", "line", "x", "nope", 1)))
          .hasMessageContaining("attributes, ").hasMessageContaining("selevel, serole, setype, seuser, ")
          .hasMessageContaining("unsafe_writes").hasMessageContaining("(attr");
    }
    assertThat(new CopyModule().checkArgs(args("content", "x", "dest", "/x", "attr", "+i")))
        .containsEntry("attributes", "+i");
    assertThat(FileAndPackageModules.template((t, v) -> t)
        .checkArgs(args("src", "a.j2", "dest", "/x", "variable_start_string", "[[")))
        .containsEntry("variable_start_string", "[[");
  }

  @Test
  void pythonRegexpShorthandsBecomePosix() {
    assertThat(LineInFileModule.ere("^\\s*port\\s*=\\s*\\d+")).isEqualTo("^[[:space:]]*port[[:space:]]*=[[:space:]]*[0-9]+");
    assertThat(LineInFileModule.sedReplacement("a=\\1 & \\g<2>")).isEqualTo("a=\\2 \\& \\3");
  }
}
