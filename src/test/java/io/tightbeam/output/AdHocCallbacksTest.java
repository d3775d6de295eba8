package io.tightbeam.output;

import static io.tightbeam.output.Console.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.tightbeam.executor.HostOutcome;
import io.tightbeam.executor.RunListener;
import io.tightbeam.executor.TaskHeader;
import io.tightbeam.yaml.Pos;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * minimal and oneline: the lines ansible-core 2.14.18 printed for the same results here, and the
 * exact strings of spec sections 6 and 10.
 */
class AdHocCallbacksTest {
  private static TaskHeader adhoc(String action) {
    return new TaskHeader(action, action, false, new Pos("", 0, 0));
  }

  private static String run(String callback, String action, HostOutcome outcome) {
    Console c = new Console();
    RunListener l = c.callback(callback, 0, false);
    l.taskOutcome(adhoc(action), outcome);
    return c.stdout();
  }

  private static final Map<String, Object> ECHO = map("changed", true, "cmd", List.of("echo", "hi"),
      "rc", 0, "stdout", "hi", "stderr", "", "stdout_lines", List.of("hi"), "stderr_lines", List.of(),
      "msg", "", "failed", false, "_ansible_no_log", false);

  private static final Map<String, Object> EXIT3 = map("changed", true,
      "cmd", "echo out; echo err >&2; exit 3", "delta", "0:00:00.283202",
      "end", "2026-11-29 08:55:39.964607", "msg", "non-zero return code", "rc", 3,
      "start", "2026-11-29 08:55:39.681405", "stderr", "err", "stderr_lines", List.of("err"),
      "stdout", "out", "stdout_lines", List.of("out"), "failed", true,
      "invocation", map("module_args", map("_raw_params", "echo out; echo err >&2; exit 3")));

  private static final Map<String, Object> PING = map("ping", "pong", "changed", false,
      "invocation", map("module_args", map("data", "pong")), "_ansible_no_log", false);

  private static final Map<String, Object> TWO_STREAMS = map("changed", true, "rc", 0,
      "stdout", "a\nb", "stderr", "e1\ne2", "msg", "");

  private static final Map<String, Object> DEBUG = map("msg", "hé", "changed", false,
      "failed", false, "_ansible_verbose_always", true, "_ansible_no_log", false);

  private static final Map<String, Object> UNREACHABLE = map("changed", false,
      "msg", "Failed to connect to the host via ssh: ssh: connect to host 127.0.0.1 port 1:"
          + " Connection refused", "unreachable", true);

  private static final Map<String, Object> FIRE_AND_FORGET = map("ansible_job_id",
      "j886618033605.8092", "changed", true, "finished", 0,
      "results_file", "/root/.ansible_async/j886618033605.8092", "started", 1, "failed", false);

  @Test
  void minimalMatchesAnsible() {
    assertThat(run("minimal", "command", new HostOutcome.Ok("h1", ECHO, null, false)))
        .isEqualTo("h1 | CHANGED | rc=0 >>\nhi\n");
    assertThat(run("minimal", "shell", new HostOutcome.Failed("h1", EXIT3, null, false, false)))
        .isEqualTo("h1 | FAILED | rc=3 >>\nouterrnon-zero return code\n");
    assertThat(run("minimal", "ping", new HostOutcome.Ok("h1", PING, null, false)))
        .isEqualTo("h1 | SUCCESS => {\n    \"changed\": false,\n    \"ping\": \"pong\"\n}\n");
    assertThat(run("minimal", "shell", new HostOutcome.Ok("h1", TWO_STREAMS, null, false)))
        .isEqualTo("h1 | CHANGED | rc=0 >>\na\nbe1\ne2\n");
    assertThat(run("minimal", "debug", new HostOutcome.Ok("h1", DEBUG, null, false)))
        .isEqualTo("h1 | SUCCESS => {\n    \"msg\": \"hé\"\n}\n");
    assertThat(run("minimal", "ping", new HostOutcome.Unreachable("bad", UNREACHABLE, null, false,
        false))).isEqualTo("bad | UNREACHABLE! => {\n    \"changed\": false,\n    \"msg\": \"Failed"
            + " to connect to the host via ssh: ssh: connect to host 127.0.0.1 port 1: Connection"
            + " refused\",\n    \"unreachable\": true\n}\n");
    assertThat(run("minimal", "command", new HostOutcome.Skipped("h1", map("skipped", true), null,
        false))).isEqualTo("h1 | SKIPPED\n");
  }

  @Test
  void minimalUsesJsonForCommandResultsWithAJobIdAsSpecSection10Shows() {
    assertThat(run("minimal", "command", new HostOutcome.Ok("localhost", FIRE_AND_FORGET, null,
        false))).isEqualTo("""
        localhost | CHANGED => {
            "ansible_job_id": "j886618033605.8092",
            "changed": true,
            "finished": 0,
            "results_file": "/root/.ansible_async/j886618033605.8092",
            "started": 1
        }
        """);
  }

  @Test
  void minimalCommandFailuresWithoutOutputShowTheMessageAsSpecSection6Shows() {
    Map<String, Object> timeout = map("msg",
        "async task did not complete within the requested time - 3s", "failed", true,
        "changed", false, "async_result", map("ansible_job_id", "j1.2", "finished", 0));
    assertThat(run("minimal", "command", new HostOutcome.Failed("localhost", timeout, null, false,
        false))).isEqualTo(
            "localhost | FAILED | rc=-1 >>\nasync task did not complete within the requested time"
                + " - 3s\n");
    Map<String, Object> moduleStderr = map("module_stderr", "boom\n", "module_stdout", "",
        "msg", "MODULE FAILURE", "rc", 1, "failed", true);
    assertThat(run("minimal", "command", new HostOutcome.Failed("h1", moduleStderr, null, false,
        false))).startsWith("h1 | FAILED! => {\n    \"module_stderr\": \"boom\\n\",");
  }

  @Test
  void onelineMatchesAnsible() {
    assertThat(run("oneline", "command", new HostOutcome.Ok("h1", ECHO, null, false)))
        .isEqualTo("h1 | CHANGED | rc=0 | (stdout) hi\n");
    assertThat(run("oneline", "shell", new HostOutcome.Failed("h1", EXIT3, null, false, false)))
        .isEqualTo("h1 | FAILED! => {\"changed\": true,\"cmd\": \"echo out; echo err >&2; exit 3\","
            + "\"delta\": \"0:00:00.283202\",\"end\": \"2026-11-29 08:55:39.964607\",\"msg\": "
            + "\"non-zero return code\",\"rc\": 3,\"start\": \"2026-11-29 08:55:39.681405\","
            + "\"stderr\": \"err\",\"stderr_lines\": [\"err\"],\"stdout\": \"out\",\"stdout_lines\":"
            + " [\"out\"]}\n");
    assertThat(run("oneline", "ping", new HostOutcome.Ok("h1", PING, null, false)))
        .isEqualTo("h1 | SUCCESS => {\"changed\": false,\"ping\": \"pong\"}\n");
    assertThat(run("oneline", "shell", new HostOutcome.Ok("h1", TWO_STREAMS, null, false)))
        .isEqualTo("h1 | CHANGED | rc=0 | (stdout) a\\nb (stderr) e1\\ne2\n");
    // Ansible's quirk: debug results are indented, then the newlines are deleted
    assertThat(run("oneline", "debug", new HostOutcome.Ok("h1", DEBUG, null, false)))
        .isEqualTo("h1 | SUCCESS => {    \"changed\": false,    \"msg\": \"hé\"}\n");
    assertThat(run("oneline", "ping", new HostOutcome.Unreachable("bad", UNREACHABLE, null, false,
        false))).isEqualTo("bad | UNREACHABLE!: Failed to connect to the host via ssh: ssh: connect"
            + " to host 127.0.0.1 port 1: Connection refused\n");
  }

  @Test
  void onelineJobIdFormMatchesSpecSection6() {
    Map<String, Object> r = map("ansible_job_id", "j762921047136.16114", "changed", true,
        "finished", 0, "results_file", "/srv/demo/adir1/j762921047136.16114", "started", 1);
    assertThat(run("oneline", "command", new HostOutcome.Ok("localhost", r, null, false)))
        .isEqualTo("localhost | CHANGED => {\"ansible_job_id\": \"j762921047136.16114\",\"changed\":"
            + " true,\"finished\": 0,\"results_file\": \"/srv/demo/adir1/j762921047136.16114\","
            + "\"started\": 1}\n");
  }

  @Test
  void colouredMinimalPaintsEachLineAsAnsibleForceColor() {
    Console c = new Console();
    c.callback("minimal", 0, true).taskOutcome(adhoc("command"),
        new HostOutcome.Ok("h1", ECHO, null, false));
    assertThat(c.stdout()).isEqualTo("\033[0;33mh1 | CHANGED | rc=0 >>\033[0m\n\033[0;33mhi\033[0m\n");
  }
}
