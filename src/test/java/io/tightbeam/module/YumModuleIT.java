package io.tightbeam.module;

import static io.tightbeam.module.FilesTarget.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * yum, dnf and package against fake {@code yum}/{@code dnf}/{@code rpm} programs first on the
 * target's PATH: they record their arguments, keep a package database in a text file and hold a
 * lock (a directory) while they work, answering "Another app is currently holding the yum lock".
 */
class YumModuleIT {
  private static final String FAKE_PM =
      """
      #!/bin/sh
      d=$FAKE_PM_DIR
      echo "$(basename "$0") $*" >> "$d/args.log"
      if ! mkdir "$d/lockdir" 2>/dev/null; then
        echo "Another app is currently holding the yum lock; waiting for it to exit..." >&2; exit 1
      fi
      trap 'rmdir "$d/lockdir"' EXIT
      verb=''; pkgs=''
      for a in "$@"; do case "$a" in -*) ;; *) if [ -z "$verb" ]; then verb=$a; else pkgs="$pkgs $a"; fi ;; esac; done
      sleep "${FAKE_PM_SLEEP:-0}"
      case "$verb" in
        install|update)
          for p in $pkgs; do
            grep -qx "$p" "$d/available" || { echo "No package $p available." >&2; echo "Error: Unable to find a match: $p" >&2; exit 1; }
            grep -qx "$p" "$d/db" || echo "$p" >> "$d/db"; echo "Installed: $p"
          done ;;
        remove) for p in $pkgs; do grep -vx "$p" "$d/db" > "$d/db.new"; mv "$d/db.new" "$d/db"; echo "Removed: $p"; done ;;
        check-update) for p in $pkgs; do grep -qx "$p" "$d/updates" 2>/dev/null && exit 100; done ;;
        makecache) echo "Metadata cache created." ;;
      esac
      exit 0
      """;
  private static final String FAKE_RPM =
      """
      #!/bin/sh
      for last in "$@"; do :; done
      grep -qx "$last" "$FAKE_PM_DIR/db"
      """;

  @TempDir Path dir;
  private FilesTarget t;

  @BeforeEach
  void fakes() throws Exception {
    Path bin = Files.createDirectory(dir.resolve("bin"));
    for (String name : List.of("yum", "dnf")) {
      Files.writeString(bin.resolve(name), FAKE_PM);
    }
    Files.writeString(bin.resolve("rpm"), FAKE_RPM);
    for (String name : List.of("yum", "dnf", "rpm")) {
      Files.setPosixFilePermissions(bin.resolve(name), PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.writeString(dir.resolve("db"), "bash\n");
    Files.writeString(dir.resolve("available"), "bash\nhttpd\nnginx\nvim\n");
    t = new FilesTarget(dir, Map.of("PATH", bin + ":" + System.getenv("PATH"), "FAKE_PM_DIR", dir.toString()));
  }

  private List<String> log() throws Exception {
    return Files.exists(dir.resolve("args.log")) ? Files.readAllLines(dir.resolve("args.log")) : List.of();
  }

  private List<String> db() throws Exception {
    return Files.readAllLines(dir.resolve("db"));
  }

  @Test
  void installsOnlyWhatIsMissingWithTheRepoOptions() throws Exception {
    Map<String, Object> r = t.run(PackageModule.yum("yum"),
        args("name", List.of("bash", "httpd"), "enablerepo", "epel,extras", "disablerepo", "base"));
    assertThat(r).containsEntry("changed", true).containsEntry("rc", 0)
        .containsEntry("results", List.of("bash providing bash is already installed", "Installed: httpd"));
    assertThat(log()).containsExactly("yum -y --enablerepo=epel --enablerepo=extras --disablerepo=base install httpd");
    assertThat(db()).containsExactly("bash", "httpd");
    Map<String, Object> again = t.run(PackageModule.yum("yum"), args("name", "httpd", "state", "installed"));
    assertThat(again).containsEntry("changed", false);
    assertThat(log()).hasSize(1);
  }

  @Test
  void dnfRemovesLatestUpdatesAndSaysNothingToDo() throws Exception {
    RemoteModule dnf = PackageModule.yum("dnf");
    assertThat(t.run(dnf, args("name", "bash", "state", "absent"))).containsEntry("changed", true)
        .containsEntry("results", List.of("Removed: bash"));
    assertThat(db()).isEmpty();
    assertThat(t.run(dnf, args("name", "bash", "state", "removed"))).containsEntry("changed", false)
        .containsEntry("msg", "Nothing to do");
    Files.writeString(dir.resolve("db"), "vim\n");
    assertThat(t.run(dnf, args("name", "vim", "state", "latest"))).containsEntry("changed", false);
    Files.writeString(dir.resolve("updates"), "vim\n");
    assertThat(t.run(dnf, args("name", "vim", "state", "latest", "update_cache", true))).containsEntry("changed", true);
    assertThat(log()).contains("dnf -y makecache", "dnf -y install vim");
  }

  @Test
  void optionsBecomeTheManagersFlags() throws Exception {
    RemoteModule dnf = PackageModule.yum("dnf");
    assertThat(t.run(dnf, args("name", "vim", "releasever", "9", "exclude", "kernel*", "disable_gpg_check", true,
        "validate_certs", false, "skip_broken", true))).containsEntry("changed", true);
    assertThat(log()).containsExactly(
        "dnf -y --releasever=9 --exclude=kernel* --nogpgcheck --setopt=sslverify=0 --skip-broken install vim");
    Files.writeString(dir.resolve("updates"), "vim\n");
    assertThat(t.run(dnf, args("name", List.of("vim", "nginx"), "state", "latest", "update_only", true,
        "security", true))).containsEntry("changed", true);
    assertThat(log()).last().isEqualTo("dnf -y --security install vim");
    assertThatThrownBy(() -> dnf.checkArgs(args("list", "installed")))
        .hasMessageStartingWith("Unsupported parameters for (dnf) module: list (to list packages, run rpm or dnf"
            + " with the command module). Supported parameters include:");
    assertThat(dnf.checkArgs(args("name", "vim", "allow_downgrade", false))).containsEntry("allow_downgrade", false);
  }

  @Test
  void checkModeQueriesButDoesNotInstall() throws Exception {
    assertThat(t.check(PackageModule.yum("yum"), args("name", "nginx"))).containsEntry("changed", true);
    assertThat(db()).containsExactly("bash");
    assertThat(log()).isEmpty();
  }

  @Test
  void waitsForTheLockThenGivesUpWithAClearMessage() throws Exception {
    Files.createDirectory(dir.resolve("lockdir"));
    Map<String, Object> r = t.run(PackageModule.yum("yum"), args("name", "vim", "lock_timeout", 2));
    assertThat(r).containsEntry("failed", true)
        .containsEntry("msg", "yum lock is held by another process: gave up waiting after 2 seconds (lock_timeout)");
    assertThat(log().size()).isGreaterThan(1);
    CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS))
        .thenRun(() -> dir.resolve("lockdir").toFile().delete());
    Map<String, Object> waited = t.run(PackageModule.yum("yum"), args("name", "vim", "lock_timeout", 30));
    assertThat(waited).containsEntry("changed", true).doesNotContainKey("failed");
    assertThat(db()).contains("vim");
  }

  @Test
  void twoConcurrentJobsSerialiseOnTheLockAndBothSucceed() throws Exception {
    FilesTarget slow = new FilesTarget(dir, Map.of("PATH", t.environment.get("PATH"), "FAKE_PM_DIR", dir.toString(),
        "FAKE_PM_SLEEP", "2"));
    CompletableFuture<Map<String, Object>> a =
        CompletableFuture.supplyAsync(() -> slow.run(PackageModule.yum("yum"), args("name", "vim")));
    CompletableFuture<Map<String, Object>> b =
        CompletableFuture.supplyAsync(() -> slow.run(PackageModule.yum("dnf"), args("name", "nginx")));
    assertThat(a.get(60, TimeUnit.SECONDS)).containsEntry("changed", true).doesNotContainKey("failed");
    assertThat(b.get(60, TimeUnit.SECONDS)).containsEntry("changed", true).doesNotContainKey("failed");
    assertThat(db()).containsExactlyInAnyOrder("bash", "vim", "nginx");
  }

  @Test
  void packagePicksTheManagerTheTargetHas() throws Exception {
    Map<String, Object> r = t.run(PackageModule.generic(), args("name", "vim", "state", "present", "use", "dnf"));
    assertThat(r).containsEntry("changed", true);
    assertThat(log()).containsExactly("dnf -y install vim");
    Path tools = Files.createDirectory(dir.resolve("tools"));
    for (String tool : List.of("mktemp", "rm", "cat", "date", "od", "awk", "mawk", "gawk", "grep", "sleep", "basename", "mkdir", "rmdir", "mv")) {
      String where = FilesTarget.sh("command -v " + tool).trim();
      if (where.startsWith("/")) {
        Files.writeString(tools.resolve(tool), "#!/bin/sh\nexec " + where + " \"$@\"\n");
        Files.setPosixFilePermissions(tools.resolve(tool), PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
    FilesTarget bare = new FilesTarget(dir, Map.of("PATH", tools.toString(), "FAKE_PM_DIR", dir.toString()));
    Map<String, Object> failed = bare.runAsJob(PackageModule.generic(), args("name", "vim", "state", "present"));
    assertThat(failed).containsEntry("failed", true)
        .containsEntry("msg", "Could not find a package manager (apt, dnf, yum or apk) on the target");
    FilesTarget onlyYum = new FilesTarget(dir, Map.of("PATH", tools + ":" + dir.resolve("bin"), "FAKE_PM_DIR", dir.toString()));
    Files.delete(dir.resolve("bin/dnf"));
    assertThat(onlyYum.run(PackageModule.generic(), args("name", "nginx", "state", "present"))).containsEntry("changed", true);
    assertThat(log()).endsWith("yum -y install nginx");
  }

  @Test
  void installFailureCarriesTheManagersMessage() {
    Map<String, Object> r = t.run(PackageModule.yum("yum"), args("name", "nosuch"));
    assertThat(r).containsEntry("failed", true).containsEntry("rc", 1);
    assertThat((String) r.get("msg")).startsWith("Failed to install some of the specified packages")
        .contains("Unable to find a match: nosuch");
  }

  @Test
  void badArguments() {
    assertThatThrownBy(() -> PackageModule.yum("yum").checkArgs(args("name", "x", "state", "gone")))
        .hasMessage("value of state must be one of: absent, installed, latest, present, removed, got: gone");
    assertThatThrownBy(() -> PackageModule.generic().checkArgs(args("name", "x")))
        .hasMessage("missing required arguments: state");
    assertThatThrownBy(() -> PackageModule.yum("dnf").checkArgs(args("name", "x", "repo", "y")))
        .hasMessageStartingWith("Unsupported parameters for (dnf) module: repo.");
  }
}
