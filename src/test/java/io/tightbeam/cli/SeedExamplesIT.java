package io.tightbeam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed page's examples, unchanged, against localhost: they behave as the page says. */
class SeedExamplesIT {
  @TempDir Path asyncDir;

  private CliRunner cli() {
    return new CliRunner().env("ANSIBLE_ASYNC_DIR", asyncDir.toString());
  }

  private static String seed(String name) {
    return Path.of("examples/seed", name).toAbsolutePath().toString();
  }

  private static String inventory() {
    return Path.of("src/test/resources/cli/inventory.ini").toAbsolutePath().toString();
  }

  @Test
  void pollBlockingWaitsForTheJobPollingEveryFiveSecondsAndCleansUp() {
    CliRunner.Run run = cli().playbook("-i", inventory(), seed("poll-blocking.yml"));
    String out = run.normalizedOut();
    assertThat(run.exitCode()).as(out + run.err()).isZero();
    long polls = out.lines().filter(l -> l.equals("ASYNC POLL on localhost: jid=<jid> started=1 finished=0")).count();
    assertThat(polls).isBetween(2L, 3L);
    assertThat(out).contains("ASYNC OK on localhost: jid=<jid>\nchanged: [localhost]\n");
    assertThat(asyncDir.toFile().list()).as("the job file is removed after a polled job").isEmpty();
  }

  @Test
  void fireAndForgetStartsTheJobMovesOnAndLeavesItsFile() throws Exception {
    long start = System.nanoTime();
    CliRunner.Run run = cli().playbook("-i", inventory(), seed("fire-and-forget.yml"));
    assertThat(run.exitCode()).isZero();
    assertThat((System.nanoTime() - start) / 1e9).as("does not wait for the 15 s job").isLessThan(10);
    assertThat(run.out()).contains("changed: [localhost]").doesNotContain("ASYNC");
    // the job file, and the output files `tightbeam-jobs logs` reads (command/shell jobs)
    String[] files = asyncDir.toFile().list((d, n) -> !n.endsWith(".stdout") && !n.endsWith(".stderr"));
    assertThat(files).hasSize(1);
    assertThat(asyncDir.toFile().list()).containsExactlyInAnyOrder(files[0], files[0] + ".stdout",
        files[0] + ".stderr");
    assertThat(Files.readString(asyncDir.resolve(files[0]))).contains("\"started\": 1").contains("\"finished\": 0");
    Matcher m = Pattern.compile("j\\d+\\.\\d+").matcher(files[0]);
    assertThat(m.matches()).isTrue();
    assertThat(cli().adHoc("localhost", "-i", inventory(), "-m", "async_status", "-a",
        "jid=" + files[0] + " mode=cleanup").exitCode()).isZero();
  }

  @Test
  void batchesRunTwoJobsAtATimeThroughIncludeTasks() {
    CliRunner.Run run = cli().playbook("-i", inventory(), seed("batch/main.yml"));
    String out = run.normalizedOut();
    assertThat(run.exitCode()).as(out + run.err()).isZero();
    assertThat(out)
        .contains("included: " + seed("batch/execute_batch.yml") + " for localhost => (item=[1, 2])")
        .contains("included: " + seed("batch/execute_batch.yml") + " for localhost => (item=[3, 4])")
        .contains("included: " + seed("batch/execute_batch.yml") + " for localhost => (item=[5])")
        .contains("changed: [localhost] => (item=1)")
        .contains("changed: [localhost] => (item=5)");
    assertThat(out).contains("localhost                  : ok=");
  }

  @Test
  void checkLaterInstallsWithYumInTheBackgroundAndWaitsWithAsyncStatus(@TempDir Path yumDb) {
    String fakes = Path.of("demo/fake-yum").toAbsolutePath().toString();
    CliRunner.Run run = cli().env("PATH", fakes + ":" + System.getenv("PATH"))
        .env("FAKE_YUM_DB", yumDb.toString()).env("FAKE_YUM_SECONDS", "2")
        .playbookProcess("-i", inventory(), seed("check-later.yml"));
    String out = run.normalizedOut();
    assertThat(run.exitCode()).as(out + run.err()).isZero();
    assertThat(out).contains("TASK [Run an async task] ******").contains("FAILED - RETRYING: [localhost]: Check on an async task (100 retries left).")
        .contains("localhost                  : ok=3    changed=2    unreachable=0    failed=0");
    assertThat(yumDb.resolve("db")).content().contains("docker-io");
  }
}
