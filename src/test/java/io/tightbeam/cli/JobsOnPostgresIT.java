package io.tightbeam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tightbeam.jobs.registry.PostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two controllers (two tightbeam-playbook processes at once) sharing one PostgreSQL registry with
 * real playbooks: neither loses a launch or an end of the other's, and each one's tightbeam-jobs
 * sees and collects the other's jobs.
 */
class JobsOnPostgresIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static PostgresServer server;

  @TempDir Path dir;

  @BeforeAll
  static void startPostgres() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private Process controller(Path inventory, Path pb, String group, String name) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.tightbeam.cli.PlaybookCli", "-i", inventory.toString(),
        "-e", "group=" + group, pb.toString()));
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    builder.environment().put("ANSIBLE_ASYNC_DIR", dir.resolve("async-" + name).toString());
    builder.environment().put("ANSIBLE_CONFIG", "/nonexistent/ansible.cfg");
    builder.environment().put("TIGHTBEAM_JOB_REGISTRY", server.url("tb"));
    return builder.start();
  }

  private List<Map<String, Object>> jobs(int expectedExit, String... argv) throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("TIGHTBEAM_JOB_REGISTRY", server.url("tb"));
    env.put("ANSIBLE_CONFIG", "/nonexistent/ansible.cfg");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = JobsCli.execute(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env);
    assertThat(rc).as(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).isEqualTo(expectedExit);
    return JSON.readValue(out.toString(StandardCharsets.UTF_8), new TypeReference<List<Map<String, Object>>>() {});
  }

  @Test
  void twoControllersOnOneRegistrySeeAndCollectEachOthersJobsAndLoseNothing() throws Exception {
    StringBuilder ini = new StringBuilder();
    for (String group : List.of("a", "b")) {
      ini.append('[').append(group).append("]\n");
      for (int i = 1; i <= 5; i++) {
        ini.append(group).append(i).append(" ansible_connection=local\n");
      }
    }
    Path inventory = Files.writeString(dir.resolve("hosts.ini"), ini);
    Path pb = Files.writeString(dir.resolve("fleet.yml"), """
        - hosts: "{{ group }}"
          gather_facts: false
          tasks:
            - name: polled
              shell: sleep 0.5; echo {{ inventory_hostname }}-{{ item }}
              async: 30
              poll: 1
              loop: "{{ range(20) | list }}"
            - name: left running
              shell: sleep 3; echo {{ inventory_hostname }}-left
              async: 30
              poll: 0
        """);
    Process a = controller(inventory, pb, "a", "a");
    Process b = controller(inventory, pb, "b", "b");
    assertThat(a.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(b.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(a.exitValue()).as(Files.readString(dir.resolve("a.log"))).isZero();
    assertThat(b.exitValue()).as(Files.readString(dir.resolve("b.log"))).isZero();
    assertThat(Files.readString(dir.resolve("a.log"))).doesNotContain("WARNING");

    List<Map<String, Object>> all = jobs(0, "list", "--json");
    assertThat(all).hasSize(2 * 5 * 21);
    assertThat(all.stream().filter(r -> "finished".equals(r.get("state")))).hasSize(200);
    assertThat(jobs(0, "list", "--running", "--json")).hasSize(10)
        .extracting(r -> r.get("host")).contains("a1", "b5");

    // one controller's tightbeam-jobs collects both controllers' jobs
    List<Map<String, Object>> waited = jobs(0, "wait", "--running", "--json");
    assertThat(waited).hasSize(10).allSatisfy(r -> assertThat(r).containsEntry("state", "finished")
        .containsEntry("summary", r.get("host") + "-left"));
    assertThat(jobs(0, "list", "--running", "--json")).isEmpty();
  }
}
