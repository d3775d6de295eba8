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

class StatModuleTest {
  @TempDir Path dir;
  private final StatModule stat = new StatModule();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> st(Map<String, Object> result) {
    return (Map<String, Object>) result.get("stat");
  }

  @Test
  void aTildeWithAUserNameIsThatUsersHome() throws Exception {
    // ansible-playbook 2.14: stat path=~root gives /root, ~root/x gives /root/x, ~nosuchuser stays
    String home = new String(new ProcessBuilder("sh", "-c", "printf %s ~root").start()
        .getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    FilesTarget t = new FilesTarget(dir);
    assertThat(st(t.run(stat, args("path", "~root")))).containsEntry("path", home).containsEntry("exists", true);
    assertThat(st(t.run(stat, args("path", "~root/.nope x")))).containsEntry("exists", false);
    assertThat(st(t.run(stat, args("path", "~nosuchuserx/a")))).containsEntry("exists", false);
  }

  @Test
  void regularFileFactsMatchTheFile() throws Exception {
    Path f = Files.writeString(dir.resolve("a file.txt"), "hello\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
    Map<String, Object> r = new FilesTarget(dir).run(stat, args("path", f.toString()));
    assertThat(r).containsEntry("changed", false);
    Map<String, Object> s = st(r);
    assertThat(s).containsEntry("exists", true).containsEntry("isreg", true).containsEntry("isdir", false)
        .containsEntry("islnk", false).containsEntry("size", 6).containsEntry("mode", "0640")
        .containsEntry("rusr", true).containsEntry("roth", false).containsEntry("path", f.toString())
        .containsEntry("checksum", "f572d396fae9206628714fb2ce00f72e94f2258f");
    assertThat(s.get("pw_name")).isEqualTo(System.getProperty("user.name"));
  }

  @Test
  void timesAreFloatsWithTheFractionPythonShows() throws Exception {
    // ansible-playbook 2.14: mtime 1663687647.0 for a whole second, 1796662674.625323 for ...674.625323064 ns
    Path f = Files.writeString(dir.resolve("t"), "x");
    Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(1663687647000L));
    Map<String, Object> s = st(new FilesTarget(dir).run(stat, args("path", f.toString())));
    assertThat(s.get("mtime")).isEqualTo(1663687647.0);
    Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.from(java.time.Instant.ofEpochSecond(1796662674L, 625323064L)));
    s = st(new FilesTarget(dir).run(stat, args("path", f.toString())));
    assertThat(s.get("mtime")).isEqualTo(1796662674.625323);
    assertThat(s.get("atime")).isInstanceOf(Double.class);
  }

  @Test
  void checksumAlgorithmAndMissingPath() throws Exception {
    Path f = Files.writeString(dir.resolve("x"), "hello\n");
    FilesTarget t = new FilesTarget(dir);
    assertThat(st(t.run(stat, args("path", f.toString(), "checksum_algorithm", "md5"))))
        .containsEntry("checksum", "b1946ac92492d2347c6235b4d2611184");
    assertThat(st(t.run(stat, args("path", dir.resolve("nope").toString())))).isEqualTo(Map.of("exists", false));
  }

  @Test
  void symlinkIsReportedUnlessFollowed() throws Exception {
    Path target = Files.createDirectory(dir.resolve("d"));
    Path link = Files.createSymbolicLink(dir.resolve("l"), target);
    FilesTarget t = new FilesTarget(dir);
    assertThat(st(t.run(stat, args("path", link.toString())))).containsEntry("islnk", true)
        .containsEntry("isdir", false).containsEntry("lnk_target", target.toString());
    assertThat(st(t.run(stat, args("path", link.toString(), "follow", true)))).containsEntry("islnk", false)
        .containsEntry("isdir", true);
  }

  @Test
  void scriptUnderTheJobWrapperGivesTheSameResult() throws Exception {
    Path f = Files.writeString(dir.resolve("y"), "data");
    FilesTarget t = new FilesTarget(dir);
    Map<String, Object> sync = t.run(stat, args("path", f.toString()));
    Map<String, Object> job = t.runAsJob(stat, args("path", f.toString()));
    st(sync).remove("atime");
    st(job).remove("atime");
    assertThat(job).isEqualTo(sync);
  }

  @Test
  void badArgumentsNameTheArgument() {
    assertThatThrownBy(() -> stat.checkArgs(args("path", "/x", "foo", 1)))
        .hasMessageStartingWith("Unsupported parameters for (stat) module: foo. Supported parameters include:");
    assertThatThrownBy(() -> stat.checkArgs(args())).hasMessage("missing required arguments: path");
    assertThatThrownBy(() -> stat.checkArgs(args("path", "/x", "checksum_algorithm", "crc")))
        .hasMessage("value of checksum_algorithm must be one of: md5, sha1, sha256, got: crc");
  }
}
