package io.tightbeam.cli;

import static io.tightbeam.cli.CliRunner.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ad hoc CLI against localhost: the minimal and oneline callbacks and async jobs, as `ansible` prints them. */
class AdHocOutputIT {
  @TempDir Path asyncDir;

  private CliRunner cli() {
    return new CliRunner().env("ANSIBLE_ASYNC_DIR", asyncDir.toString());
  }

  @Test
  void versionNamesTheCommandAndTheConfigFileInUseWhateverElseIsOnTheLine(@TempDir Path dir) throws Exception {
    Path cfg = Files.writeString(dir.resolve("ansible.cfg"), "[defaults]\nforks = 3\n");
    CliRunner.Run adHoc = cli().env("ANSIBLE_CONFIG", cfg.toString()).adHoc("all", "-m", "ping", "--version");
    assertThat(adHoc.out()).startsWith("tightbeam 0.1.0 [core 2.14.18 compatible]\n  config file = " + cfg + "\n");
    assertThat(adHoc.exitCode()).isZero();
    CliRunner.Run playbook = cli().playbook("--version");
    assertThat(playbook.out()).startsWith("tightbeam-playbook 0.1.0 [core 2.14.18 compatible]\n  config file = None\n");
    CliRunner.Run afterDashDash = cli().playbook("--", "--version");
    assertThat(afterDashDash.out()).doesNotContain("0.1.0");
  }

  @Test
  void commandOutputIsShownAfterTheRcLine() {
    CliRunner.Run run = cli().adHoc("localhost", "-i", resource("inventory.ini"), "-a", "echo hi");
    assertThat(run.out()).isEqualTo("localhost | CHANGED | rc=0 >>\nhi\n");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void aFailingShellCommandConcatenatesStdoutStderrAndMessage() {
    CliRunner.Run run = cli().adHoc("localhost", "-i", resource("inventory.ini"), "-m", "shell",
        "-a", "echo out; echo err >&2; exit 3");
    assertThat(run.out()).isEqualTo("localhost | FAILED | rc=3 >>\nouterrnon-zero return code\n");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void jsonModulesPrintIndentedSortedJsonAndOnelineCondensesIt() {
    assertThat(cli().adHoc("localhost", "-i", resource("inventory.ini"), "-m", "ping").out())
        .isEqualTo("localhost | SUCCESS => {\n    \"changed\": false,\n    \"ping\": \"pong\"\n}\n");
    assertThat(cli().adHoc("localhost", "-i", resource("inventory.ini"), "-m", "ping", "-o").out())
        .isEqualTo("localhost | SUCCESS => {\"changed\": false,\"ping\": \"pong\"}\n");
  }

  @Test
  void diffFlagPrintsTheModulesDiffBeforeItsResultAsAnsibleDoes(@TempDir Path dir) {
    String path = dir.resolve("d").toString();
    CliRunner.Run run = cli().adHoc("localhost", "-i", resource("inventory.ini"), "-m", "file",
        "-a", "path=" + path + " state=directory mode=0750", "-D");
    assertThat(run.out()).startsWith("--- before\n+++ after\n@@ -1,5 +1,5 @@\n {\n-    \"mode\": \"0755\",\n"
        + "+    \"mode\": \"0750\",\n     \"path\": \"" + path + "\",\n-    \"state\": \"absent\"\n"
        + "+    \"state\": \"directory\"\n }\n\nlocalhost | CHANGED => {\n");
    // ansible's minimal callback prints any diff, so an unchanged file is an empty line
    assertThat(cli().adHoc("localhost", "-i", resource("inventory.ini"), "-m", "file",
        "-a", "path=" + path + " state=directory", "-D").out()).startsWith("\nlocalhost | SUCCESS => {\n");
  }

  @Test
  void fireAndForgetPrintsTheJobAndAsyncStatusFindsItLater() throws Exception {
    CliRunner.Run launch = cli().adHoc("localhost", "-i", resource("inventory.ini"), "-B", "30", "-P", "0",
        "-a", "sleep 1");
    assertThat(launch.exitCode()).isZero();
    Matcher m = Pattern.compile("\"ansible_job_id\": \"(j\\d+\\.\\d+)\"").matcher(launch.out());
    assertThat(m.find()).as(launch.out()).isTrue();
    String jid = m.group(1);
    assertThat(launch.out()).isEqualTo("localhost | CHANGED => {\n"
        + "    \"ansible_job_id\": \"" + jid + "\",\n"
        + "    \"changed\": true,\n"
        + "    \"finished\": 0,\n"
        + "    \"results_file\": \"" + asyncDir.resolve(jid) + "\",\n"
        + "    \"started\": 1\n"
        + "}\n");
    assertThat(asyncDir.resolve(jid)).exists();
    CliRunner.Run status;
    long deadline = System.nanoTime() + 10_000_000_000L;
    do {
      Thread.sleep(300);
      status = cli().adHoc("localhost", "-i", resource("inventory.ini"), "-m", "async_status", "-a", "jid=" + jid);
    } while (status.out().contains("\"finished\": 0") && System.nanoTime() < deadline);
    assertThat(status.out()).contains("\"finished\": 1").contains("\"rc\": 0").startsWith("localhost | CHANGED => {");
    CliRunner.Run cleanup = cli().adHoc("localhost", "-i", resource("inventory.ini"), "-m", "async_status",
        "-a", "jid=" + jid + " mode=cleanup");
    assertThat(cleanup.out()).contains("\"erased\": \"" + asyncDir.resolve(jid) + "\"").startsWith("localhost | SUCCESS");
    assertThat(Files.exists(asyncDir.resolve(jid))).isFalse();
  }

  @Test
  void pollingWaitsForTheJobAndPrintsTheFinalResultWithItsJobId() {
    CliRunner.Run run = cli().adHoc("localhost", "-i", resource("inventory.ini"), "-B", "30", "-P", "1",
        "-a", "echo hi", "-o");
    assertThat(run.normalizedOut()).isEqualTo("localhost | CHANGED => {\"ansible_job_id\": \"<jid>\",\"changed\": true,"
        + "\"cmd\": [\"echo\",\"hi\"],\"delta\": \"<delta>\",\"end\": \"<end>\",\"finished\": 1,\"msg\": \"\",\"rc\": 0,"
        + "\"results_file\": \"" + asyncDir + "/<jid>\",\"start\": \"<start>\",\"started\": 1,\"stderr\": \"\","
        + "\"stderr_lines\": [],\"stdout\": \"hi\",\"stdout_lines\": [\"hi\"]}\n");
    assertThat(asyncDir.toFile().list()).isEmpty();
  }

  @Test
  void unknownJobFailsWithAnsiblesMessageAndAPathTraversalIsRefused() {
    CliRunner.Run unknown = cli().adHoc("localhost", "-i", resource("inventory.ini"), "-m", "async_status", "-a", "jid=j1.2");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.out()).startsWith("localhost | FAILED! => {").contains("\"msg\": \"could not find job\"");
    CliRunner.Run traversal = cli().adHoc("localhost", "-i", resource("inventory.ini"), "-m", "async_status",
        "-a", "jid=../../etc/passwd");
    assertThat(traversal.exitCode()).isEqualTo(2);
    assertThat(traversal.out()).contains("invalid job id").doesNotContain("root:");
  }
}
