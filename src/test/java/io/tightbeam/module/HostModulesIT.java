package io.tightbeam.module;

import io.tightbeam.connection.Connection;
import io.tightbeam.connection.Connections;
import io.tightbeam.connection.LocalConnection;
import io.tightbeam.connection.SshdExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scenarios of the modules that drive a target's tools ({@link HostModules}) run over the
 * local connection and over SSH to a real sshd on this machine, sync and async, as {@link
 * SystemModulesTest} runs them locally.
 */
class HostModulesIT {
  @RegisterExtension static final SshdExtension SSHD = new SshdExtension(1);

  private static final Path ROOT = Path.of("src/test/resources/system");
  /** The system modules (in {@link SystemModules}) whose scenarios also run here. */
  private static final java.util.Set<String> OVER_SSH_TOO = java.util.Set.of("mount", "pkgng", "selinux", "pam_limits", "pkg5", "zypper_repository");
  private static Connections connections;

  @TempDir Path tmp;

  @BeforeAll
  static void setUp() {
    connections = new Connections();
  }

  @AfterAll
  static void tearDown() throws Exception {
    connections.close();
  }

  static Stream<Arguments> scenarios() throws IOException {
    List<String> names = SystemModulesTest.scenarios()
        .filter(n -> HostModules.all().containsKey(n.substring(0, n.indexOf('/')))
            || OVER_SSH_TOO.contains(n.substring(0, n.indexOf('/')))).toList();
    return Stream.of("local", "ssh").flatMap(via -> names.stream().map(n -> Arguments.of(via, n)));
  }

  @ParameterizedTest(name = "{1} over {0}")
  @MethodSource("scenarios")
  void scenario(String via, String name) throws Exception {
    SystemModulesTest cases = new SystemModulesTest();
    cases.tmp = tmp;
    if (via.equals("local")) {
      try (LocalConnection conn = new LocalConnection("localhost")) {
        cases.play(name, conn);
      }
    } else {
      // the same user as the local run: the temp dir is private to this process's user
      Connection conn = connections.get(SSHD.endpointAs("web1", 0, System.getProperty("user.name")));
      cases.play(name, conn);
    }
  }

  /** reboot over SSH with a fake shutdown that changes a fake boot id; over the local connection it is refused. */
  @Test
  void rebootWaitsForANewBootIdAndIsRefusedLocally() throws Exception {
    java.nio.file.Files.createDirectories(tmp.resolve("bin"));
    Path shutdown = tmp.resolve("bin/shutdown");
    java.nio.file.Files.writeString(shutdown, "#!/bin/sh\necho \"$*\" > " + tmp + "/shutdown.args\n"
        + "(sleep 2; echo new > " + tmp + "/boot_id) >/dev/null 2>&1 &\n");
    shutdown.toFile().setExecutable(true);
    java.nio.file.Files.writeString(tmp.resolve("boot_id"), "old\n");
    RemoteModule reboot = Modules.builtin().remote("ansible.builtin.reboot").orElseThrow();
    java.util.Map<String, Object> args = reboot.checkArgs(java.util.Map.of("boot_time_command", "cat " + tmp + "/boot_id",
        "search_paths", List.of(tmp.resolve("bin").toString()), "reboot_timeout", 30));
    Connection ssh = connections.get(SSHD.endpointAs("web1", 0, System.getProperty("user.name")));
    TargetContext check = new TargetContext(ssh, io.tightbeam.connection.Become.NONE, java.util.Map.of(), true, false, tmp);
    org.assertj.core.api.Assertions.assertThat(reboot.run(args, check).get(60, java.util.concurrent.TimeUnit.SECONDS))
        .isEqualTo(java.util.Map.of("changed", true, "elapsed", 0, "rebooted", true));
    org.assertj.core.api.Assertions.assertThat(tmp.resolve("shutdown.args")).doesNotExist();
    TargetContext over = new TargetContext(ssh, io.tightbeam.connection.Become.NONE, java.util.Map.of(), false, false, tmp);
    java.util.Map<String, Object> done = reboot.run(args, over).get(60, java.util.concurrent.TimeUnit.SECONDS);
    org.assertj.core.api.Assertions.assertThat(done).containsEntry("changed", true).containsEntry("rebooted", true)
        .doesNotContainKey("failed");
    org.assertj.core.api.Assertions.assertThat(tmp.resolve("shutdown.args")).hasContent("-r 0 Reboot initiated by Ansible");
    try (LocalConnection local = new LocalConnection("localhost")) {
      TargetContext here = new TargetContext(local, io.tightbeam.connection.Become.NONE, java.util.Map.of(), false, false, tmp);
      org.assertj.core.api.Assertions.assertThat(reboot.run(args, here).get(10, java.util.concurrent.TimeUnit.SECONDS))
          .isEqualTo(java.util.Map.of("changed", false, "elapsed", 0, "failed", true,
              "msg", "Running reboot with local connection would reboot the control node.", "rebooted", false));
    }
  }
}
