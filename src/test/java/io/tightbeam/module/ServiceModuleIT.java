package io.tightbeam.module;

import static io.tightbeam.module.FilesTarget.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** service through SysV, with a fake {@code service} program first on PATH (no systemd runs here). */
class ServiceModuleIT {
  private static final String FAKE_SERVICE =
      """
      #!/bin/sh
      echo "$*" >> "$FAKE_SVC_DIR/calls"
      [ "$1" = tbdemo ] || { echo "$1: unrecognized service"; exit 1; }
      case "$2" in
        status) [ -e "$FAKE_SVC_DIR/running" ] && exit 0; exit 3 ;;
        start|restart|reload) touch "$FAKE_SVC_DIR/running" ;;
        stop) rm -f "$FAKE_SVC_DIR/running" ;;
      esac
      """;

  @TempDir Path dir;
  private FilesTarget t;
  private final RemoteModule service = ServiceModule.service();

  @BeforeEach
  void fakeService() throws Exception {
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Files.writeString(bin.resolve("service"), FAKE_SERVICE);
    Files.setPosixFilePermissions(bin.resolve("service"), PosixFilePermissions.fromString("rwxr-xr-x"));
    t = new FilesTarget(dir, Map.of("PATH", bin + ":/bin", "FAKE_SVC_DIR", dir.toString()));
  }

  private List<String> calls() throws Exception {
    return Files.readAllLines(dir.resolve("calls"));
  }

  @Test
  void startsOnlyWhenStoppedAndStopsOnlyWhenRunning() throws Exception {
    assertThat(t.run(service, args("name", "tbdemo", "state", "started"))).containsEntry("changed", true)
        .containsEntry("name", "tbdemo").containsEntry("state", "started").containsEntry("status", Map.of("running", true));
    assertThat(t.run(service, args("name", "tbdemo", "state", "started"))).containsEntry("changed", false);
    assertThat(t.run(service, args("name", "tbdemo", "state", "restarted"))).containsEntry("changed", true);
    assertThat(t.run(service, args("name", "tbdemo", "state", "stopped"))).containsEntry("changed", true)
        .containsEntry("status", Map.of("running", false));
    assertThat(t.run(service, args("name", "tbdemo", "state", "stopped"))).containsEntry("changed", false);
    assertThat(calls()).filteredOn(c -> !c.endsWith("status"))
        .containsExactly("tbdemo start", "tbdemo stop", "tbdemo start", "tbdemo stop");
  }

  @Test
  void sysvFailuresAreTheScriptsOwnWordsAndARestartIsAStopThenAStart() throws Exception {
    // ansible 2.14, an init script whose stop fails and whose restart fails: restarted is changed;
    // with its start failing too, msg "stop err\nstart err\n"; a failing start alone, "start err\n",
    // or its stdout "starting out\n" when it says nothing on stderr
    Path bin = dir.resolve("bin");
    Files.writeString(bin.resolve("service"), """
        #!/bin/sh
        echo "$*" >> "$FAKE_SVC_DIR/calls"
        case "$2" in
          status) [ -e "$FAKE_SVC_DIR/down" ] && exit 3; exit 0 ;;
          stop) echo "stopping out"; echo "stop err" >&2; exit 1 ;;
          start) echo "starting out"; [ -e "$FAKE_SVC_DIR/quiet" ] && exit 2
            [ -e "$FAKE_SVC_DIR/fail" ] && { echo "start err" >&2; exit 2; }; exit 0 ;;
          restart) echo "restart said no" >&2; exit 1 ;;
        esac
        """);
    assertThat(t.run(service, args("name", "tbflaky", "state", "restarted"))).containsEntry("changed", true)
        .containsEntry("state", "started").doesNotContainKey("failed");
    Files.writeString(dir.resolve("fail"), "");
    assertThat(t.run(service, args("name", "tbflaky", "state", "restarted"))).containsEntry("failed", true)
        .containsEntry("msg", "stop err\nstart err\n");
    Files.writeString(dir.resolve("down"), "");
    assertThat(t.run(service, args("name", "tbflaky", "state", "started"))).containsEntry("msg", "start err\n");
    Files.writeString(dir.resolve("quiet"), "");
    assertThat(t.run(service, args("name", "tbflaky", "state", "started"))).containsEntry("msg", "starting out\n");
    assertThat(calls()).doesNotContain("tbflaky restart");
  }

  @Test
  void sleepSplitsARestartArgumentsAreAppendedAndPatternStandsInForStatus() throws Exception {
    t.run(service, args("name", "tbdemo", "state", "started"));
    assertThat(t.run(service, args("name", "tbdemo", "state", "restarted", "sleep", 1, "arguments", "--quiet")))
        .containsEntry("changed", true);
    assertThat(calls()).filteredOn(c -> !c.contains("status"))
        .containsExactly("tbdemo start", "tbdemo stop --quiet", "tbdemo start --quiet");
    Process sleeper = new ProcessBuilder("sleep", "123457").start();
    try {
      assertThat(t.run(service, args("name", "tbdemo", "state", "stopped", "pattern", "sleep 123457")))
          .as("the pattern says it runs, so stopping is due").containsEntry("changed", true);
      assertThat(t.run(service, args("name", "tbdemo", "state", "started", "pattern", "sleep 123457")))
          .containsEntry("changed", false).containsEntry("status", Map.of("running", true));
    } finally {
      sleeper.destroy();
    }
    assertThatThrownBy(() -> service.checkArgs(args("name", "x", "state", "started", "runlevel", "3")))
        .hasMessageStartingWith("Unsupported parameters for (service) module: runlevel (runlevels are OpenRC's");
    assertThatThrownBy(() -> service.checkArgs(args("name", "x", "state", "started", "use", "openrc")))
        .hasMessage("value of use must be one of: auto, service, systemd, sysvinit, got: openrc");
  }

  @Test
  void systemdOptionsBecomeSystemctlFlags() throws Exception {
    Path bin = dir.resolve("bin");
    Files.writeString(bin.resolve("systemctl"), """
        #!/bin/sh
        echo "$*" >> "$FAKE_SVC_DIR/systemctl"
        case "$*" in
          *show*) echo loaded ;;
          *is-active*) [ -e "$FAKE_SVC_DIR/running" ] && echo active || { echo inactive; exit 3; } ;;
          *is-enabled*) echo disabled ;;
          *" start "*) touch "$FAKE_SVC_DIR/running" ;;
        esac
        exit 0
        """);
    Files.setPosixFilePermissions(bin.resolve("systemctl"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, Object> r = t.run(ServiceModule.systemd(), args("name", "tbdemo", "state", "started", "enabled", true,
        "scope", "user", "no_block", true, "force", true, "daemon_reexec", true));
    assertThat(r).containsEntry("changed", true).doesNotContainKey("failed");
    assertThat(Files.readAllLines(dir.resolve("systemctl"))).contains("--user daemon-reexec",
        "--user --no-block start tbdemo", "--user --force enable tbdemo");
  }

  @Test
  void checkModeDoesNotStart() throws Exception {
    assertThat(t.check(service, args("name", "tbdemo", "state", "started"))).containsEntry("changed", true);
    assertThat(dir.resolve("running")).doesNotExist();
    assertThat(t.runAsJob(service, args("name", "tbdemo", "state", "started"))).containsEntry("changed", true);
    assertThat(dir.resolve("running")).exists();
  }

  @Test
  void unknownServiceOrNoInitSystemFailsClearly() throws Exception {
    assertThat(t.run(service, args("name", "nosuch", "state", "started"))).containsEntry("failed", true)
        .containsEntry("msg", "Could not find the requested service nosuch: host");
    FilesTarget bare = new FilesTarget(dir, Map.of("PATH", "/nonexistent:/bin"));
    Map<String, Object> r = bare.run(service, args("name", "tbdemo", "state", "started"));
    assertThat(r).containsEntry("failed", true);
    assertThat((String) r.get("msg")).startsWith("Could not find the requested service tbdemo: host");
    Map<String, Object> sd = t.run(ServiceModule.systemd(), args("name", "tbdemo", "state", "started"));
    assertThat(sd).containsEntry("failed", true);
    assertThat((String) sd.get("msg")).startsWith("Could not find the requested service tbdemo");
  }

  @Test
  void badArguments() {
    assertThatThrownBy(() -> service.checkArgs(args("name", "x", "state", "running")))
        .hasMessage("value of state must be one of: reloaded, restarted, started, stopped, got: running");
    assertThatThrownBy(() -> service.checkArgs(args("name", "x"))).hasMessage("one of the following is required: state, enabled");
    assertThatThrownBy(() -> service.checkArgs(args("state", "started"))).hasMessage("missing required arguments: name");
    assertThat(ServiceModule.systemd().checkArgs(args("unit", "nginx", "enabled", "yes"))).containsEntry("name", "nginx")
        .containsEntry("enabled", true);
  }
}
