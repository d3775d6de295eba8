package io.tightbeam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Async jobs outlive the controller: nothing started is ever lost. */
class AsyncFaultsIT {
  @TempDir Path dir;

  @Test
  void aJobWhoseControllerWasKilledMidPollIsCollectedByALaterRun() throws Exception {
    Path asyncDir = Files.createDirectory(dir.resolve("async"));
    Path marker = dir.resolve("done");
    Path pb = dir.resolve("poll.yml");
    Files.writeString(pb, """
        - hosts: localhost
          gather_facts: false
          tasks:
            - name: long job
              shell: sleep 3; echo finished > %s; echo out
              async: 60
              poll: 1
        """.formatted(marker));
    String inventory = Path.of("src/test/resources/cli/inventory.ini").toAbsolutePath().toString();
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.tightbeam.cli.PlaybookCli", "-i", inventory, pb.toString()));
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("controller.log").toFile());
    builder.environment().put("ANSIBLE_ASYNC_DIR", asyncDir.toString());
    builder.environment().put("ANSIBLE_CONFIG", "/nonexistent/ansible.cfg");
    builder.environment().put("TIGHTBEAM_JOB_REGISTRY", dir.resolve("jobs.db").toString());
    Process controller = builder.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    java.io.FilenameFilter jobFiles = (d, name) -> name.matches("j\\d+\\.\\d+");
    while (asyncDir.toFile().list(jobFiles).length == 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    String[] jobs = asyncDir.toFile().list(jobFiles);
    assertThat(jobs).as(Files.readString(dir.resolve("controller.log"))).hasSize(1);
    controller.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    assertThat(controller.isAlive()).isFalse();

    while (!Files.exists(marker) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(marker).as("the job ran to its end without its controller").exists();
    CliRunner.Run later = new CliRunner().env("ANSIBLE_ASYNC_DIR", asyncDir.toString())
        .adHoc("localhost", "-i", inventory, "-m", "async_status", "-a", "jid=" + jobs[0]);
    for (int i = 0; i < 20 && later.out().contains("\"finished\": 0"); i++) {
      Thread.sleep(250);
      later = new CliRunner().env("ANSIBLE_ASYNC_DIR", asyncDir.toString())
          .adHoc("localhost", "-i", inventory, "-m", "async_status", "-a", "jid=" + jobs[0]);
    }
    assertThat(later.exitCode()).as(later.out()).isZero();
    assertThat(later.out()).contains("\"finished\": 1").contains("\"stdout\": \"out\"").contains("\"rc\": 0");
  }
}
