package io.tightbeam.module;

import static io.tightbeam.module.FilesTarget.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateModuleIT {
  @TempDir Path dir;

  /** A stand-in renderer: replaces {{ name }} with the variable's value. */
  private final RemoteModule template = FileAndPackageModules.template((text, vars) -> {
    String out = text;
    for (Map.Entry<String, Object> e : vars.entrySet()) {
      out = out.replace("{{ " + e.getKey() + " }}", String.valueOf(e.getValue()));
    }
    if (out.contains("{{")) {
      throw new IllegalArgumentException("'undefined' is undefined");
    }
    return out;
  });

  @Test
  void rendersFromTemplatesDirAndDeliversIdempotently() throws Exception {
    Files.createDirectories(dir.resolve("templates"));
    // ansible 2.14 renders "# {{ ansible_managed }}" as "# Ansible managed", template_uid as the file's owner
    Files.writeString(dir.resolve("templates/app.conf.j2"),
        "# {{ ansible_managed }} by {{ template_uid }}\nport={{ port }}\nhost={{ template_host }}\n");
    String owner = Files.getOwner(dir.resolve("templates/app.conf.j2")).getName();
    Path dest = dir.resolve("app.conf");
    FilesTarget t = new FilesTarget(dir);
    Map<String, Object> a = args("src", "app.conf.j2", "dest", dest.toString(), "mode", "0600",
        FileAndPackageModules.TEMPLATE_VARS, Map.of("port", 8080));
    assertThat(t.run(template, a)).containsEntry("changed", true).containsEntry("mode", "0600");
    assertThat(Files.readString(dest)).isEqualTo("# Ansible managed by " + owner + "\nport=8080\nhost=localhost\n");
    assertThat(t.run(template, a)).containsEntry("changed", false);
    assertThat(t.check(template, args("src", "app.conf.j2", "dest", dest.toString(),
        FileAndPackageModules.TEMPLATE_VARS, Map.of("port", 9090)))).containsEntry("changed", true);
    assertThat(Files.readString(dest)).contains("8080");
    Files.delete(dest);
    assertThat(t.runAsJob(template, a)).containsEntry("changed", true);
    assertThat(Files.readString(dest)).isEqualTo("# Ansible managed by " + owner + "\nport=8080\nhost=localhost\n");
  }

  @Test
  void missingTemplateAndRenderErrorsAreFailedResults() throws Exception {
    Files.writeString(dir.resolve("bad.j2"), "{{ undefined }}");
    FilesTarget t = new FilesTarget(dir);
    Map<String, Object> missing = t.run(template, args("src", "nope.j2", "dest", dir.resolve("x").toString()));
    assertThat(missing).containsEntry("failed", true);
    assertThat((String) missing.get("msg")).startsWith("Could not find or access 'nope.j2'")
        .contains(dir.resolve("templates/nope.j2").toString());
    Map<String, Object> bad = t.runAsJob(template, args("src", "bad.j2", "dest", dir.resolve("x").toString()));
    assertThat(bad).containsEntry("failed", true);
    assertThat((String) bad.get("msg")).contains("'undefined' is undefined");
    assertThatThrownBy(() -> template.checkArgs(args("src", "a"))).hasMessage("missing required arguments: dest");
  }

  @Test
  void blockWhitespaceOverridesAndOutputEncodingAreHonoured() throws Exception {
    RemoteModule real = Modules.builtin(new io.tightbeam.template.Templar()).remote("template").orElseThrow();
    Files.writeString(dir.resolve("blocks.j2"), "{% if true %}\n  x\n  {% endif %}\nend\n");
    Files.writeString(dir.resolve("override.j2"),
        "#jinja2: trim_blocks: False, lstrip_blocks: True\n{% if true %}\n  x\n  {% endif %}\nend\n");
    Files.writeString(dir.resolve("latin.j2"), "caf\u00e9\n");
    FilesTarget t = new FilesTarget(dir);
    t.run(real, args("src", "blocks.j2", "dest", dir.resolve("a").toString()));
    t.run(real, args("src", "blocks.j2", "dest", dir.resolve("b").toString(), "trim_blocks", false));
    t.run(real, args("src", "override.j2", "dest", dir.resolve("c").toString()));
    t.run(real, args("src", "latin.j2", "dest", dir.resolve("d").toString(), "output_encoding", "iso-8859-1"));
    // what ansible-playbook 2.14 writes for the same templates
    assertThat(Files.readString(dir.resolve("a"))).isEqualTo("  x\n  end\n");
    assertThat(Files.readString(dir.resolve("b"))).isEqualTo("\n  x\n  \nend\n");
    assertThat(Files.readString(dir.resolve("c"))).isEqualTo("\n  x\n\nend\n");
    assertThat(Files.readAllBytes(dir.resolve("d"))).containsExactly('c', 'a', 'f', 0xe9, '\n');
    assertThat(t.run(real, args("src", "latin.j2", "dest", dir.resolve("e").toString(), "output_encoding", "klingon")))
        .containsEntry("msg", "unknown encoding: klingon");
  }
}
