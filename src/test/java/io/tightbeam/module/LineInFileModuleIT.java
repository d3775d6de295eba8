package io.tightbeam.module;

import static io.tightbeam.module.FilesTarget.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineInFileModuleIT {
  @TempDir Path dir;
  private final LineInFileModule lif = new LineInFileModule();

  @Test
  void replacesTheLastMatchThenIsIdempotent() throws Exception {
    Path f = Files.writeString(dir.resolve("sshd_config"), "Port 22\n#PermitRootLogin yes\nPermitRootLogin yes\nX 1\n");
    FilesTarget t = new FilesTarget(dir);
    Map<String, Object> args = args("path", f.toString(), "regexp", "^PermitRootLogin\\s", "line", "PermitRootLogin no");
    assertThat(t.run(lif, args)).containsEntry("changed", true).containsEntry("msg", "line replaced");
    assertThat(Files.readString(f)).isEqualTo("Port 22\n#PermitRootLogin yes\nPermitRootLogin no\nX 1\n");
    assertThat(t.run(lif, args("path", f.toString(), "line", "Y 2")).get("diff")).isEqualTo(List.of(
        Map.of("before", "Port 22\n#PermitRootLogin yes\nPermitRootLogin no\nX 1\n",
            "after", "Port 22\n#PermitRootLogin yes\nPermitRootLogin no\nX 1\nY 2\n",
            "before_header", f + " (content)", "after_header", f + " (content)"),
        Map.of("before_header", f + " (file attributes)", "after_header", f + " (file attributes)")));
    assertThat(t.run(lif, args)).containsEntry("changed", false).containsEntry("msg", "");
  }

  @Test
  void validateWithoutTheFileFailsOnlyWhenWriting() throws Exception {
    // ansible 2.14: a change fails with this message; an unchanged file is ok
    Path f = Files.writeString(dir.resolve("v"), "hi\n");
    FilesTarget t = new FilesTarget(dir);
    assertThat(t.run(lif, args("path", f.toString(), "line", "x", "validate", "/some/path")))
        .containsEntry("changed", false).containsEntry("msg", "validate must contain %s: /some/path");
    assertThat(t.run(lif, args("path", f.toString(), "line", "hi", "validate", "/some/path")))
        .containsEntry("changed", false).containsEntry("msg", "");
    assertThat(Files.readString(f)).isEqualTo("hi\n");
  }

  @Test
  void insertsAfterBeforeAtEofAndBof() throws Exception {
    Path f = Files.writeString(dir.resolve("f"), "a\n[main]\nb\n");
    FilesTarget t = new FilesTarget(dir);
    assertThat(t.run(lif, args("path", f.toString(), "line", "x=1", "insertafter", "^\\[main\\]")))
        .containsEntry("changed", true).containsEntry("msg", "line added");
    assertThat(t.run(lif, args("path", f.toString(), "line", "y=2", "insertbefore", "^b$"))).containsEntry("changed", true);
    assertThat(t.run(lif, args("path", f.toString(), "line", "top", "insertbefore", "BOF"))).containsEntry("changed", true);
    assertThat(t.run(lif, args("path", f.toString(), "line", "end"))).containsEntry("changed", true);
    assertThat(t.run(lif, args("path", f.toString(), "line", "x=1", "insertafter", "^\\[main\\]"))).containsEntry("changed", false);
    assertThat(Files.readString(f)).isEqualTo("top\na\n[main]\nx=1\ny=2\nb\nend\n");
  }

  @Test
  void absentRemovesEveryMatchAndBackrefsRewrite() throws Exception {
    Path f = Files.writeString(dir.resolve("g"), "keep\ndrop 1\ndrop 2\nversion=1.2 & more\n");
    FilesTarget t = new FilesTarget(dir);
    assertThat(t.run(lif, args("path", f.toString(), "regexp", "^drop", "state", "absent")))
        .containsEntry("changed", true).containsEntry("msg", "2 line(s) removed").containsEntry("found", 2);
    assertThat(t.run(lif, args("path", f.toString(), "regexp", "^drop", "state", "absent"))).containsEntry("changed", false);
    assertThat(t.run(lif, args("path", f.toString(), "regexp", "^version=(\\d+)\\.(\\d+)", "line", "major=\\1 minor=\\2 &",
        "backrefs", true))).containsEntry("changed", true);
    assertThat(Files.readString(f)).isEqualTo("keep\nmajor=1 minor=2 &\n");
    assertThat(t.run(lif, args("path", f.toString(), "regexp", "^nomatch(.*)", "line", "\\1", "backrefs", true)))
        .containsEntry("changed", false);
  }

  @Test
  void createModeAndCheckMode() throws Exception {
    Path f = dir.resolve("new/conf");
    FilesTarget t = new FilesTarget(dir);
    assertThat(t.check(lif, args("path", f.toString(), "line", "a", "create", true))).containsEntry("changed", true);
    assertThat(f.getParent()).doesNotExist();
    assertThat(t.run(lif, args("path", f.toString(), "line", "a", "create", true, "mode", "0600")))
        .containsEntry("changed", true).containsEntry("msg", "line added and ownership, perms or SE linux context changed");
    assertThat(Files.readString(f)).isEqualTo("a\n");
    assertThat(t.check(lif, args("path", f.toString(), "line", "b"))).containsEntry("changed", true).containsEntry("msg", "line added");
    assertThat(Files.readString(f)).isEqualTo("a\n");
    assertThat(t.run(lif, args("path", f.toString(), "line", "a", "mode", "0600"))).containsEntry("changed", false);
  }

  @Test
  void failuresAreClear() throws Exception {
    FilesTarget t = new FilesTarget(dir);
    Path missing = dir.resolve("missing");
    assertThat(t.run(lif, args("path", missing.toString(), "line", "x")))
        .containsEntry("failed", true).containsEntry("rc", 257).containsEntry("msg", "Destination " + missing + " does not exist !");
    Map<String, Object> ro = t.run(lif, args("path", "/proc/version", "line", "tightbeam"));
    assertThat(ro).containsEntry("failed", true);
    assertThat((String) ro.get("msg")).startsWith("The destination directory (/proc) is not writable by the current user.");
    assertThatThrownBy(() -> lif.checkArgs(args("line", "x"))).hasMessage("missing required arguments: path");
    assertThatThrownBy(() -> lif.checkArgs(args("path", "/x", "line", "x", "state", "on")))
        .hasMessage("value of state must be one of: absent, present, got: on");
    assertThatThrownBy(() -> lif.checkArgs(args("path", "/x", "lines", "x")))
        .hasMessageStartingWith("Unsupported parameters for (lineinfile) module: lines.");
  }

  @Test
  void scriptUnderTheJobWrapperGivesTheSameResult() throws Exception {
    Path f = Files.writeString(dir.resolve("j"), "a\n");
    FilesTarget t = new FilesTarget(dir);
    Map<String, Object> job = t.runAsJob(lif, args("path", f.toString(), "line", "b"));
    Files.writeString(f, "a\n");
    assertThat(job).containsEntry("changed", true).isEqualTo(t.run(lif, args("path", f.toString(), "line", "b")));
    assertThat(Files.readString(f)).isEqualTo("a\nb\n");
  }

  @Test
  void aBackreferenceInsideTheRegexpMatches() throws Exception {
    // ansible 2.14: re.search finds "REF mid REF" in the first line, the line becomes "[REF]"
    Path f = Files.writeString(dir.resolve("br"), "x REF mid REF\nREF a B\nend\n");
    FilesTarget t = new FilesTarget(dir);
    Map<String, Object> args = args("path", f.toString(), "regexp", "(REF) .* \\1$", "line", "[\\1]", "backrefs", true);
    assertThat(t.run(lif, args)).containsEntry("changed", true).containsEntry("msg", "line replaced");
    assertThat(Files.readString(f)).isEqualTo("[REF]\nREF a B\nend\n");
    assertThat(t.run(lif, args)).containsEntry("changed", false);
  }

  @Test
  void anEmptyRegexpMatchesEveryLineWithAWarning() throws Exception {
    // ansible 2.14: the last line is replaced (present) or every line removed (absent), with a warning
    Path f = Files.writeString(dir.resolve("e"), "a\nb\nc\n");
    FilesTarget t = new FilesTarget(dir);
    Map<String, Object> r = t.run(lif, args("path", f.toString(), "regexp", "", "line", "X"));
    assertThat(r).containsEntry("changed", true).containsEntry("msg", "line replaced");
    assertThat(r.get("warnings").toString()).startsWith("[The regular expression is an empty string, which will match");
    assertThat(Files.readString(f)).isEqualTo("a\nb\nX\n");
    assertThat(t.run(lif, args("path", f.toString(), "search_string", "", "line", "Y")))
        .containsEntry("msg", "line replaced");
    assertThat(Files.readString(f)).isEqualTo("a\nb\nY\n");
    assertThat(t.run(lif, args("path", f.toString(), "regexp", "", "state", "absent")))
        .containsEntry("msg", "3 line(s) removed").containsEntry("found", 3);
  }
}
