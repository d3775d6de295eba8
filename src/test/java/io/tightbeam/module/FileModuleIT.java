package io.tightbeam.module;

import static io.tightbeam.module.FilesTarget.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileModuleIT {
  @TempDir Path dir;
  private final FileModule file = new FileModule();

  private static String perms(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void directoryIsCreatedOnceWithItsModeAndDiff() throws Exception {
    Path d = dir.resolve("a/b");
    FilesTarget t = new FilesTarget(dir);
    Map<String, Object> r = t.run(file, args("path", d.toString(), "state", "directory", "mode", "0750"));
    assertThat(r).containsEntry("changed", true).containsEntry("state", "directory").containsEntry("mode", "0750")
        .containsEntry("path", d.toString())
        .containsEntry("diff", Map.of("before", Map.of("path", d.toString(), "state", "absent", "mode", "0755"),
            "after", Map.of("path", d.toString(), "state", "directory", "mode", "0750")));
    assertThat(perms(d)).isEqualTo("rwxr-x---");
    assertThat(t.run(file, args("dest", d.toString(), "state", "directory", "mode", 0750))).containsEntry("changed", false);
  }

  @Test
  void recurseFixesModesBelowTheDirectory() throws Exception {
    Path d = Files.createDirectories(dir.resolve("tree/sub"));
    Path f = Files.writeString(d.resolve("f"), "x");
    FilesTarget t = new FilesTarget(dir);
    assertThat(t.run(file, args("path", dir.resolve("tree").toString(), "state", "directory", "mode", "u=rwX,go=", "recurse", true)))
        .containsEntry("changed", true);
    assertThat(perms(f)).isEqualTo("rw-------");
    assertThat(perms(d)).isEqualTo("rwx------");
    assertThat(t.run(file, args("path", dir.resolve("tree").toString(), "state", "directory", "mode", "u=rwX,go=", "recurse", true)))
        .containsEntry("changed", false);
  }

  @Test
  void touchLinkHardAndAbsent() throws Exception {
    Path f = dir.resolve("t.txt");
    FilesTarget t = new FilesTarget(dir);
    assertThat(t.run(file, args("path", f.toString(), "state", "touch", "mode", "u+x")))
        .containsEntry("changed", true).containsEntry("state", "file").containsEntry("size", 0);
    assertThat(perms(f)).startsWith("rwx");
    Path link = dir.resolve("l");
    assertThat(t.run(file, args("path", link.toString(), "src", f.toString(), "state", "link")))
        .containsEntry("changed", true).containsEntry("state", "link").containsEntry("src", f.toString());
    assertThat(Files.readSymbolicLink(link)).isEqualTo(f);
    assertThat(t.run(file, args("path", link.toString(), "src", f.toString(), "state", "link"))).containsEntry("changed", false);
    Path hard = dir.resolve("h");
    assertThat(t.run(file, args("path", hard.toString(), "src", f.toString(), "state", "hard")))
        .containsEntry("changed", true).containsEntry("state", "hard");
    assertThat(Files.isSameFile(hard, f)).isTrue();
    assertThat(t.run(file, args("path", hard.toString(), "src", f.toString(), "state", "hard"))).containsEntry("changed", false);
    assertThat(t.run(file, args("path", f.toString(), "state", "absent"))).containsEntry("changed", true)
        .containsEntry("state", "absent");
    assertThat(f).doesNotExist();
    assertThat(t.run(file, args("path", f.toString(), "state", "absent"))).containsEntry("changed", false);
  }

  @Test
  void checkModeChangesNothing() throws Exception {
    Path f = Files.writeString(dir.resolve("c"), "x");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
    FilesTarget t = new FilesTarget(dir);
    assertThat(t.check(file, args("path", f.toString(), "mode", "0600"))).containsEntry("changed", true);
    assertThat(t.check(file, args("path", f.toString(), "state", "absent"))).containsEntry("changed", true);
    assertThat(t.check(file, args("path", dir.resolve("nd").toString(), "state", "directory"))).containsEntry("changed", true);
    assertThat(perms(f)).isEqualTo("rw-r--r--");
    assertThat(dir.resolve("nd")).doesNotExist();
    assertThat(t.check(file, args("path", f.toString(), "mode", "0644"))).containsEntry("changed", false);
  }

  @Test
  void failuresAreClear() throws Exception {
    FilesTarget t = new FilesTarget(dir);
    Path missing = dir.resolve("missing");
    assertThat(t.run(file, args("path", missing.toString(), "mode", "0644")))
        .containsEntry("failed", true).containsEntry("msg", "file (" + missing + ") is absent, cannot continue");
    Path f = Files.writeString(dir.resolve("plain"), "x");
    assertThat(t.run(file, args("path", f.toString(), "state", "directory")))
        .containsEntry("failed", true).containsEntry("msg", f + " already exists as a file");
    Map<String, Object> r = t.run(file, args("path", "/proc/tb-no-such/dir", "state", "directory"));
    assertThat(r).containsEntry("failed", true);
    assertThat((String) r.get("msg")).contains("/proc/tb-no-such");
    assertThatThrownBy(() -> file.checkArgs(args("path", "/x", "state", "gone")))
        .hasMessage("value of state must be one of: absent, directory, file, hard, link, touch, got: gone");
    // ansible-playbook 2.14: results, not argument errors; an existing symlink keeps its target
    assertThat(t.run(file, args("path", dir.resolve("nolink").toString(), "state", "link")))
        .isEqualTo(java.util.Map.of("changed", false, "failed", true, "msg", "src is required for creating new symlinks"));
    assertThat(t.run(file, args("path", f.toString(), "state", "hard")))
        .isEqualTo(java.util.Map.of("changed", false, "failed", true, "msg", "src is required for creating new hardlinks"));
    Path link = Files.createSymbolicLink(dir.resolve("keeps"), f);
    assertThat(t.run(file, args("path", link.toString(), "state", "link")))
        .containsEntry("changed", false).containsEntry("src", f.toString()).doesNotContainKey("failed");
    assertThatThrownBy(() -> file.checkArgs(args("state", "touch"))).hasMessage("missing required arguments: path");
  }

  @Test
  void scriptUnderTheJobWrapperGivesTheSameResult() throws Exception {
    FilesTarget t = new FilesTarget(dir);
    Path d = dir.resolve("j");
    Map<String, Object> job = t.runAsJob(file, args("path", d.toString(), "state", "directory"));
    Files.delete(d);
    assertThat(job).containsEntry("changed", true).isEqualTo(t.run(file, args("path", d.toString(), "state", "directory")));
  }

  @Test
  void attributesAreSetWithChattrAndShownByStat() throws Exception {
    Path f = Files.writeString(dir.resolve("noatime"), "x");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        FilesTarget.sh("lsattr -d " + f + " >/dev/null 2>&1 && chattr +A " + f + " && chattr -A " + f + " && echo ok")
            .contains("ok"), "the file system takes chattr flags");
    FilesTarget t = new FilesTarget(dir);
    Map<String, Object> r = t.run(file, args("path", f.toString(), "attributes", "+A"));
    assertThat(r).containsEntry("changed", true);
    assertThat(((Map<?, ?>) ((Map<?, ?>) r.get("diff")).get("after")).get("attributes")).isEqualTo("+A");
    Map<?, ?> st = (Map<?, ?>) t.run(new StatModule(), args("path", f.toString())).get("stat");
    assertThat((String) st.get("attr_flags")).contains("A");
    assertThat(String.valueOf(st.get("attributes"))).contains("noatime");
    assertThat(t.run(file, args("path", f.toString(), "attr", "-A"))).containsEntry("changed", true);
    assertThat((String) ((Map<?, ?>) t.run(new StatModule(), args("path", f.toString())).get("stat")).get("attr_flags"))
        .doesNotContain("A");
  }

  @Test
  void timestampsAreSetFromAnsiblesFormat() throws Exception {
    Path f = Files.writeString(dir.resolve("stamped"), "x");
    FilesTarget t = new FilesTarget(dir);
    Map<String, Object> r = t.run(file, args("path", f.toString(), "modification_time", "02/01/2024 15:30",
        "modification_time_format", "%d/%m/%Y %H:%M"));
    assertThat(r).containsEntry("changed", true);
    java.time.LocalDateTime local = java.time.LocalDateTime.ofInstant(Files.getLastModifiedTime(f).toInstant(),
        java.time.ZoneId.systemDefault());
    assertThat(local).isEqualTo(java.time.LocalDateTime.of(2024, 1, 2, 15, 30));
    assertThat(t.run(file, args("path", f.toString(), "modification_time", "202401021530.00"))).containsEntry("changed", false);
    // ansible 2.14 reads one digit of seconds too (the find target's 202001011200.0)
    assertThat(t.run(file, args("path", f.toString(), "modification_time", "202401021530.0"))).containsEntry("changed", false);
    assertThat(t.run(file, args("path", f.toString(), "state", "touch", "access_time", "preserve",
        "modification_time", "preserve"))).containsEntry("changed", false);
    assertThatThrownBy(() -> file.checkArgs(args("path", "/x", "modification_time", "soon")))
        .hasMessage("Error while obtaining timestamp for time soon using format %Y%m%d%H%M.%S: time data 'soon'"
            + " does not match format '%Y%m%d%H%M.%S'");
  }
}
