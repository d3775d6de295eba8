package io.tightbeam.module;

import io.tightbeam.connection.Sh;
import static io.tightbeam.module.FilesTarget.args;
import static io.tightbeam.module.FilesTarget.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The apt module against this machine's real apt, with a one-package local file repository. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AptModuleIT {
  private static final String PKG = "tightbeam-test-pkg";
  private static final Path LIST = Path.of("/etc/apt/sources.list.d/tightbeam-test.list");
  private static Path repo;
  private final PackageModule apt = PackageModule.apt();
  private final FilesTarget t = new FilesTarget(Path.of("/tmp"));

  @BeforeAll
  static void localRepository() throws Exception {
    boolean root = sh("id -u").trim().equals("0");
    if (!root && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("AptModuleIT must run as root in CI (id -u is not 0)");
    }
    assumeTrue(root, "apt tests need root");
    assumeTrue(!sh("command -v apt-get dpkg-deb").isBlank(), "apt tests need a Debian-like machine");
    if (sh("command -v dpkg-scanpackages").isBlank()) {
      sh("DEBIAN_FRONTEND=noninteractive apt-get install -y dpkg-dev");
    }
    repo = Files.createTempDirectory("tb-apt-repo");
    Path pkg = repo.resolve("build");
    Files.createDirectories(pkg.resolve("DEBIAN"));
    Files.createDirectories(pkg.resolve("usr/share/" + PKG));
    Files.writeString(pkg.resolve("usr/share/" + PKG + "/hello"), "hello\n");
    Files.writeString(pkg.resolve("DEBIAN/control"), "Package: " + PKG + "\nVersion: 1.0\nArchitecture: all\n"
        + "Maintainer: Tightbeam <tb@example.invalid>\nDescription: Tightbeam test package\n");
    String out = sh("cd " + Sh.quote(repo.toString()) + " && dpkg-deb --build build " + PKG + "_1.0_all.deb"
        + " && rm -rf build && dpkg-scanpackages . /dev/null > Packages 2>/dev/null && chmod -R a+rX . && ls");
    assertThat(out).contains("Packages");
    Files.writeString(LIST, "deb [trusted=yes] file:" + repo + " ./\n");
    sh("dpkg -P " + PKG);
  }

  @AfterAll
  static void cleanUp() throws Exception {
    if (repo != null) {
      sh("dpkg -P " + PKG + "; rm -f " + LIST + " /var/lib/apt/lists/*tb-apt-repo*; rm -rf " + Sh.quote(repo.toString()));
    }
  }

  private static String status() throws Exception {
    return sh("dpkg-query -W -f='${Status}' " + PKG + " 2>/dev/null");
  }

  @Test
  @Order(1)
  void checkModeReportsTheInstallWithoutInstalling() throws Exception {
    Map<String, Object> r = t.check(apt, args("name", PKG, "update_cache", true));
    assertThat(r).containsEntry("changed", true).doesNotContainKey("failed");
    assertThat(status()).isNotEqualTo("install ok installed");
  }

  @Test
  @Order(1)
  void onlyUpgradeLeavesAMissingPackageAloneAndUpgradeSimulatesInCheckMode() throws Exception {
    assertThat(t.run(apt, args("name", PKG, "only_upgrade", true, "update_cache", true)))
        .containsEntry("changed", false).doesNotContainKey("failed");
    assertThat(status()).isNotEqualTo("install ok installed");
    Map<String, Object> upgrade = t.check(apt, args("upgrade", "dist"));
    assertThat(upgrade).doesNotContainKey("failed");
    assertThat((String) upgrade.get("stdout")).contains("upgraded,");
  }

  @Test
  @Order(2)
  void installsFromTheRepositoryThenIsIdempotent() throws Exception {
    Map<String, Object> r = t.run(apt, args("name", PKG, "update_cache", true));
    assertThat(r).containsEntry("changed", true).containsEntry("cache_updated", true).doesNotContainKey("failed");
    assertThat((String) r.get("stdout")).contains(PKG);
    assertThat(status()).isEqualTo("install ok installed");
    assertThat(t.run(apt, args("name", java.util.List.of(PKG), "state", "present")))
        .containsEntry("changed", false).containsEntry("cache_updated", false);
    assertThat(t.run(apt, args("name", PKG, "state", "latest"))).containsEntry("changed", false);
  }

  @Test
  @Order(3)
  void waitsForTheDpkgLockAndSaysSoWhenItRunsOut() throws Exception {
    Process holder = new ProcessBuilder("/bin/sh", "-c", "exec 3</var/lib/dpkg/lock-frontend; sleep 4").start();
    try {
      Thread.sleep(300);
      Map<String, Object> r = t.run(apt, args("name", PKG, "state", "absent", "lock_timeout", 1));
      assertThat(r).containsEntry("failed", true);
      assertThat((String) r.get("msg")).contains("lock").contains("1 seconds");
      assertThat(status()).isEqualTo("install ok installed");
      long start = System.nanoTime();
      Map<String, Object> waited = t.run(apt, args("name", PKG, "state", "absent", "lock_timeout", 30));
      assertThat(waited).containsEntry("changed", true).doesNotContainKey("failed");
      assertThat(System.nanoTime() - start).isGreaterThan(1_000_000_000L);
      assertThat(status()).isNotEqualTo("install ok installed");
    } finally {
      holder.destroy();
    }
    assertThat(t.run(apt, args("name", PKG, "state", "absent"))).containsEntry("changed", false);
  }

  @Test
  @Order(4)
  void installsALocalDebAndFailsOnAMissingOne() throws Exception {
    String deb = repo.resolve(PKG + "_1.0_all.deb").toString();
    assertThat(t.run(apt, args("deb", deb))).containsEntry("changed", true);
    assertThat(status()).isEqualTo("install ok installed");
    assertThat(t.run(apt, args("deb", deb))).containsEntry("changed", false);
    assertThat(t.run(apt, args("deb", "/nonexistent/x.deb"))).containsEntry("failed", true)
        .containsEntry("msg", "Unable to install package: /nonexistent/x.deb does not exist");
    Map<String, Object> job = t.runAsJob(apt, args("name", PKG, "state", "absent"));
    assertThat(job).containsEntry("changed", true);
    assertThat(status()).isNotEqualTo("install ok installed");
  }

  @Test
  void unknownPackageFailsWithAptsMessage() {
    Map<String, Object> r = t.run(apt, args("name", "tightbeam-no-such-package"));
    assertThat(r).containsEntry("failed", true);
    assertThat((String) r.get("msg")).contains("Unable to locate package tightbeam-no-such-package");
  }

  @Test
  void badArguments() {
    assertThatThrownBy(() -> apt.checkArgs(args("name", "x", "state", "installed")))
        .hasMessage("value of state must be one of: absent, build-dep, latest, present, fixed, got: installed");
    assertThatThrownBy(() -> apt.checkArgs(args("name", "-oDebug=1"))).hasMessageContaining("invalid package name");
    assertThatThrownBy(() -> apt.checkArgs(args())).hasMessageStartingWith("one of the following is required: name");
  }
}
