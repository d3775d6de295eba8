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

class CopyModuleIT {
  @TempDir Path dir;
  private final CopyModule copy = new CopyModule();

  @Test
  void copiesAFileFromFilesDirThenIsIdempotent() throws Exception {
    Files.createDirectories(dir.resolve("files"));
    Files.writeString(dir.resolve("files/motd"), "hello\n");
    Path dest = dir.resolve("out/motd");
    Files.createDirectories(dest.getParent());
    FilesTarget t = new FilesTarget(dir);
    Map<String, Object> first = t.run(copy, args("src", "motd", "dest", dest.toString(), "mode", 0640));
    assertThat(first).containsEntry("changed", true).containsEntry("dest", dest.toString())
        .containsEntry("checksum", "f572d396fae9206628714fb2ce00f72e94f2258f")
        .containsEntry("md5sum", "b1946ac92492d2347c6235b4d2611184").containsEntry("size", 6)
        .containsEntry("mode", "0640").containsEntry("state", "file")
        .containsEntry("src", dir.resolve("files/motd").toString()).doesNotContainKey("failed");
    assertThat(Files.readString(dest)).isEqualTo("hello\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dest))).isEqualTo("rw-r-----");
    assertThat(t.run(copy, args("src", "motd", "dest", dest.toString(), "mode", "0640")))
        .containsEntry("changed", false);
    assertThat(FilesTarget.sh("ls -a /tmp | grep -c '^.tb-copy-f572d396' || true").trim()).isEqualTo("0");
  }

  @Test
  void contentIntoADirectoryUsesTheSourceNameAndModeChangesAloneCount() throws Exception {
    Path dest = dir.resolve("a.txt");
    FilesTarget t = new FilesTarget(dir);
    assertThat(t.run(copy, args("content", "x=1\n", "dest", dest.toString()))).containsEntry("changed", true);
    assertThat(t.run(copy, args("content", "x=1\n", "dest", dest.toString(), "mode", "u+x")))
        .containsEntry("changed", true).containsEntry("mode", "0744");
    assertThat(t.run(copy, args("content", "x=1\n", "dest", dest.toString(), "mode", "u+x")))
        .containsEntry("changed", false);
    Path local = Files.writeString(dir.resolve("local.conf"), "abc");
    Path sub = Files.createDirectory(dir.resolve("sub"));
    assertThat(t.run(copy, args("src", local.toString(), "dest", sub.toString())))
        .containsEntry("dest", sub.resolve("local.conf").toString()).containsEntry("changed", true);
    assertThat(Files.readString(sub.resolve("local.conf"))).isEqualTo("abc");
  }

  @Test
  void checkModeReportsTheChangeWithoutWriting() throws Exception {
    Path dest = dir.resolve("c.txt");
    FilesTarget t = new FilesTarget(dir);
    assertThat(t.check(copy, args("content", "new", "dest", dest.toString()))).containsEntry("changed", true);
    assertThat(dest).doesNotExist();
    Files.writeString(dest, "old");
    assertThat(t.check(copy, args("content", "new", "dest", dest.toString()))).containsEntry("changed", true);
    assertThat(Files.readString(dest)).isEqualTo("old");
    assertThat(t.check(copy, args("content", "old", "dest", dest.toString()))).containsEntry("changed", false);
    // ansible 2.14: {"changed": true} in check mode; for real "Destination directory ... does not exist"
    Path nowhere = dir.resolve("missing/c.txt");
    assertThat(t.check(copy, args("content", "x", "dest", nowhere.toString()))).containsEntry("changed", true)
        .doesNotContainKey("failed");
    assertThat(t.run(copy, args("content", "x", "dest", nowhere.toString())))
        .containsEntry("msg", "Destination directory " + nowhere.getParent() + " does not exist");
  }

  @Test
  void backupKeepsTheOldFileAndForceNoLeavesItAlone() throws Exception {
    Path dest = Files.writeString(dir.resolve("b.txt"), "old");
    FilesTarget t = new FilesTarget(dir);
    assertThat(t.run(copy, args("content", "new", "dest", dest.toString(), "force", "no")))
        .containsEntry("changed", false);
    assertThat(Files.readString(dest)).isEqualTo("old");
    Map<String, Object> r = t.run(copy, args("content", "new", "dest", dest.toString(), "backup", true));
    assertThat(r).containsEntry("changed", true).containsKey("backup_file");
    assertThat(Files.readString(Path.of((String) r.get("backup_file")))).isEqualTo("old");
    assertThat(Files.readString(dest)).isEqualTo("new");
  }

  @Test
  void validateFailureLeavesDestUntouched() throws Exception {
    Path dest = Files.writeString(dir.resolve("v.conf"), "good");
    FilesTarget t = new FilesTarget(dir);
    Map<String, Object> r = t.run(copy, args("content", "bad", "dest", dest.toString(), "validate", "grep -q good %s"));
    assertThat(r).containsEntry("failed", true).containsEntry("msg", "failed to validate").containsEntry("exit_status", 1);
    assertThat(Files.readString(dest)).isEqualTo("good");
    assertThat(t.run(copy, args("content", "good too", "dest", dest.toString(), "validate", "grep -q good %s")))
        .containsEntry("changed", true);
  }

  @Test
  void remoteSrcCopiesOnTheTarget() throws Exception {
    Path src = Files.writeString(dir.resolve("remote.src"), "r");
    Path dest = dir.resolve("remote.dest");
    FilesTarget t = new FilesTarget(dir);
    assertThat(t.run(copy, args("src", src.toString(), "dest", dest.toString(), "remote_src", true)))
        .containsEntry("changed", true);
    assertThat(t.run(copy, args("src", src.toString(), "dest", dest.toString(), "remote_src", true)))
        .containsEntry("changed", false);
    assertThat(t.run(copy, args("src", dir.resolve("gone").toString(), "dest", dest.toString(), "remote_src", true)))
        .containsEntry("failed", true).containsEntry("msg", "Source " + dir.resolve("gone") + " not found");
  }

  @Test
  void missingSourceAndMissingDestDirAreClearFailures() throws Exception {
    FilesTarget t = new FilesTarget(dir);
    Map<String, Object> r = t.run(copy, args("src", "nope.txt", "dest", dir.resolve("x").toString()));
    assertThat(r).containsEntry("failed", true);
    assertThat((String) r.get("msg")).startsWith("Could not find or access 'nope.txt'")
        .contains(dir.resolve("files/nope.txt").toString());
    assertThat(t.run(copy, args("content", "x", "dest", dir.resolve("no/such/dir/f").toString())))
        .containsEntry("failed", true).containsEntry("msg", "Destination directory " + dir.resolve("no/such/dir") + " does not exist");
    Map<String, Object> ro = t.run(copy, args("content", "x", "dest", "/proc/tb-test-file"));
    assertThat(ro).containsEntry("failed", true);
    assertThat((String) ro.get("msg")).startsWith("Could not write /proc/tb-test-file");
  }

  @Test
  void badArgumentsNameTheArgument() {
    assertThatThrownBy(() -> copy.checkArgs(args("content", "x"))).hasMessage("dest is required");
    assertThatThrownBy(() -> copy.checkArgs(args("content", "x", "dest", "/d", "foo", 1)))
        .hasMessageStartingWith("Unsupported parameters for (ansible.legacy.copy) module: foo. Supported parameters include: _original_basename, attributes,");
    assertThatThrownBy(() -> copy.checkArgs(args("dest", "/d"))).hasMessage("src (or content) is required");
    assertThatThrownBy(() -> copy.checkArgs(args("content", "x", "dest", "/d", "mode", "u+q")))
        .hasMessageContaining("mode");
  }

  @Test
  void asJobTheTransferHappensFirstAndTheScriptOnlyMoves() throws Exception {
    Path dest = dir.resolve("job.txt");
    FilesTarget t = new FilesTarget(dir);
    Map<String, Object> checked = copy.checkArgs(args("content", "job data", "dest", dest.toString()));
    copy.prepareForJob(checked, t.context(false));
    assertThat(dest).doesNotExist();
    String staged = "/tmp/.tb-copy-" + CopyModule.sha1("job data".getBytes());
    assertThat(FilesTarget.sh("ls /tmp/.tb-copy-* | grep -c " + staged).trim()).isEqualTo("1");
    Map<String, Object> job = t.runAsJob(copy, args("content", "job data", "dest", dest.toString(), "mode", "0600"));
    Files.delete(dest);
    Map<String, Object> sync = t.run(copy, args("content", "job data", "dest", dest.toString(), "mode", "0600"));
    assertThat(job).containsEntry("changed", true).isEqualTo(sync);
    assertThat(Files.readString(dest)).isEqualTo("job data");
  }

  @Test
  void copiesADirectoryTreeSyncAndAsJob() throws Exception {
    Files.createDirectories(dir.resolve("files/conf.d/sub"));
    Files.writeString(dir.resolve("files/conf.d/a.conf"), "a");
    Files.writeString(dir.resolve("files/conf.d/sub/b.conf"), "b");
    Path dest = Files.createDirectory(dir.resolve("etc"));
    FilesTarget t = new FilesTarget(dir);
    assertThat(t.run(copy, args("src", "conf.d", "dest", dest.toString()))).containsEntry("changed", true)
        .containsEntry("dest", dest + "/conf.d/");
    assertThat(Files.readString(dest.resolve("conf.d/sub/b.conf"))).isEqualTo("b");
    assertThat(t.run(copy, args("src", "conf.d", "dest", dest.toString()))).containsEntry("changed", false);
    Files.writeString(dir.resolve("files/conf.d/a.conf"), "a2");
    assertThat(t.check(copy, args("src", "conf.d/", "dest", dest.toString(), "mode", "0600"))).containsEntry("changed", true);
    assertThat(dest.resolve("a.conf")).doesNotExist();
    Map<String, Object> job = t.runAsJob(copy, args("src", "conf.d/", "dest", dest.toString(), "mode", "0600"));
    assertThat(job).containsEntry("changed", true).doesNotContainKey("failed");
    assertThat(Files.readString(dest.resolve("a.conf"))).isEqualTo("a2");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dest.resolve("sub/b.conf")))).isEqualTo("rw-------");
    assertThat(t.run(copy, args("src", "conf.d/", "dest", dest.toString(), "mode", "0600"))).containsEntry("changed", false);
  }

  @Test
  void checksumFollowDecryptAndUnsafeWritesDoWhatAnsibleDoes() throws Exception {
    FilesTarget t = new FilesTarget(dir);
    Path dest = dir.resolve("ck");
    assertThat(t.run(copy, args("content", "x\n", "dest", dest.toString(), "checksum", "0".repeat(40))))
        .containsEntry("failed", true).containsEntry("msg", "Copied file does not match the expected checksum. Transfer failed.")
        .containsEntry("expected_checksum", "0".repeat(40));
    assertThat(dest).doesNotExist();
    assertThat(t.run(copy, args("content", "x\n", "dest", dest.toString(),
        "checksum", "6fcf9dfbd479ed82697fee719b9f8c610a11ff2a"))).containsEntry("changed", true);
    Path real = Files.writeString(dir.resolve("real"), "old\n");
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);
    t.run(copy, args("content", "through\n", "dest", link.toString(), "follow", true));
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("through\n");
    t.run(copy, args("content", "replaced\n", "dest", link.toString()));
    assertThat(Files.isSymbolicLink(link)).as("without follow the link is replaced").isFalse();
    Files.createDirectories(dir.resolve("files"));
    Files.writeString(dir.resolve("files/secret"), "$ANSIBLE_VAULT;1.1;AES256\n6162\n");
    assertThat((String) t.run(copy, args("src", "secret", "dest", dir.resolve("s").toString())).get("msg"))
        .isEqualTo("A vault password or secret must be specified to decrypt " + dir.resolve("files/secret"));
    assertThat(t.run(copy, args("src", "secret", "dest", dir.resolve("s").toString(), "decrypt", false)))
        .containsEntry("changed", true);
    assertThat(Files.readString(dir.resolve("s"))).startsWith("$ANSIBLE_VAULT;");
  }
}
