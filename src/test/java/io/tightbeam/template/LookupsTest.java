package io.tightbeam.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookupsTest {
  private final Templar templar = new Templar();

  @Test
  void envLookup() {
    assertThat(templar.template("{{ lookup('env', 'HOME') }}", Map.of())).isEqualTo(System.getenv("HOME"));
    assertThat(templar.template("{{ lookup('env', 'TIGHTBEAM_SURELY_UNSET') }}", Map.of())).isEqualTo("");
  }

  @Test
  void fileLookupSearchesPlaybookDirThenRolePath(@TempDir Path dir) throws Exception {
    Path pb = Files.createDirectories(dir.resolve("pb"));
    Path role = Files.createDirectories(dir.resolve("role/files"));
    Files.writeString(pb.resolve("a.txt"), "from playbook\n");
    Files.writeString(role.resolve("a.txt"), "from role\n");
    assertThat(templar.template("{{ lookup('file', 'a.txt') }}", Map.of("playbook_dir", pb.toString())))
        .isEqualTo("from playbook");
    assertThat(templar.template("{{ lookup('file', 'a.txt') }}",
        Map.of("playbook_dir", pb.toString(), "role_path", dir.resolve("role").toString())))
        .isEqualTo("from role");
    assertThat(templar.template("{{ lookup('file', p) }}", Map.of("p", pb.resolve("a.txt").toString())))
        .isEqualTo("from playbook");
    assertThatThrownBy(() -> templar.template("{{ lookup('file', 'missing.txt') }}",
        Map.of("playbook_dir", pb.toString())))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("could not locate file in lookup: missing.txt");
  }

  @Test
  void pipeLookupAndListForms() {
    assertThat(templar.template("{{ lookup('pipe', 'echo hi; echo there') }}", Map.of())).isEqualTo("hi\nthere");
    assertThat(templar.template("{{ query('pipe', 'echo a', 'echo b') }}", Map.of())).isEqualTo(List.of("a", "b"));
    assertThat(templar.template("{{ q('env', 'HOME') }}", Map.of())).isEqualTo(List.of(System.getenv("HOME")));
    assertThat(templar.template("{{ lookup('pipe', 'echo a', wantlist=True) }}", Map.of())).isEqualTo(List.of("a"));
    assertThat(templar.template("{{ lookup('pipe', 'echo a', 'echo b') }}", Map.of())).isEqualTo("a,b");
    assertThatThrownBy(() -> templar.template("{{ lookup('pipe', 'exit 3') }}", Map.of()))
        .hasMessageContaining("returned 3");
    assertThatThrownBy(() -> templar.template("{{ lookup('nosuch', 'x') }}", Map.of()))
        .hasMessageContaining("lookup plugin (nosuch) not found");
  }
}
