package io.tightbeam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tightbeam.connection.SshdExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job registry over SSH (a real OpenSSH sshd standing for three hosts): the records hold what
 * reaches a host again, and {@code tightbeam-jobs} waits for and kills jobs through it.
 */
class JobsOverSshIT {
  @RegisterExtension static final SshdExtension SSHD = new SshdExtension(3);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("TIGHTBEAM_JOB_REGISTRY", dir.resolve("jobs.db").toString());
    env.put("ANSIBLE_CONFIG", "/nonexistent/ansible.cfg");
    env.put("ANSIBLE_NOCOLOR", "1");
    return env;
  }

  private List<Map<String, Object>> jobs(int expectedExit, String... argv) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      rc = JobsCli.execute(argv, o, e, env());
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(rc).as(text + err.toString(StandardCharsets.UTF_8)).isEqualTo(expectedExit);
    return JSON.readValue(text, new TypeReference<List<Map<String, Object>>>() {});
  }

  private Path inventory() throws Exception {
    StringBuilder ini = new StringBuilder("[web]\n");
    for (int i = 0; i < 3; i++) {
      ini.append("web").append(i + 1).append(" ansible_host=").append(SSHD.address(i)).append('\n');
    }
    ini.append("[all:vars]\nansible_port=").append(SSHD.port()).append('\n')
        .append("ansible_user=").append(SSHD.user()).append('\n')
        .append("ansible_ssh_private_key_file=").append(SSHD.clientKey()).append('\n')
        .append("ansible_ssh_common_args='-o UserKnownHostsFile=").append(SSHD.knownHosts()).append("'\n");
    return Files.writeString(dir.resolve("hosts.ini"), ini);
  }

  @Test
  void logsFollowsAJobOverSshAndPruneRemovesEndedJobsFiles() throws Exception {
    Path pb = Files.writeString(dir.resolve("chatty.yml"), """
        - hosts: web1
          gather_facts: false
          tasks:
            - name: chatty
              shell: for i in 1 2 3; do echo "line $i"; echo "warn $i" >&2; sleep 0.5; done
              async: 30
              poll: 0
        """);
    CliRunner.Run run = new CliRunner().env("TIGHTBEAM_JOB_REGISTRY", dir.resolve("jobs.db").toString())
        .playbook("-i", inventory().toString(), pb.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    String jid = jobs(0, "list", "--running", "--json").get(0).get("jid").toString();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = JobsCli.execute(new String[] {"logs", "-f", jid}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env());
    assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("line 1\nline 2\nline 3\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("warn 1\nwarn 2\nwarn 3\n");
    assertThat(jobs(0, "list", "--json")).singleElement().satisfies(r -> assertThat(r).containsEntry("state", "finished"));

    assertThat(jobs(0, "prune", "--older-than", "0s", "--json")).singleElement()
        .satisfies(r -> assertThat(r).containsEntry("jid", jid));
    assertThat(jobs(0, "list", "--json")).isEmpty();
    Path home = Path.of(System.getProperty("user.home"));
    Path async = SSHD.user().equals(System.getProperty("user.name")) ? home.resolve(".ansible_async") : null;
    if (async != null) {
      assertThat(async.resolve(jid)).doesNotExist();
      assertThat(async.resolve(jid + ".stdout")).doesNotExist();
    }
  }

  @Test
  void jobsLaunchedOverSshAreWaitedForAndKilledFromTheRegistry() throws Exception {
    StringBuilder ini = new StringBuilder("[web]\n");
    for (int i = 0; i < 3; i++) {
      ini.append("web").append(i + 1).append(" ansible_host=").append(SSHD.address(i)).append('\n');
    }
    ini.append("[all:vars]\nansible_port=").append(SSHD.port()).append('\n')
        .append("ansible_user=").append(SSHD.user()).append('\n')
        .append("ansible_ssh_private_key_file=").append(SSHD.clientKey()).append('\n')
        .append("ansible_ssh_common_args='-o UserKnownHostsFile=").append(SSHD.knownHosts()).append("'\n");
    Path inventory = Files.writeString(dir.resolve("hosts.ini"), ini);
    Path pb = Files.writeString(dir.resolve("site.yml"), """
        - hosts: web
          gather_facts: false
          tasks:
            - name: short
              shell: sleep 2; echo {{ inventory_hostname }}
              async: 30
              poll: 0
            - name: long
              shell: sleep 120
              async: 300
              poll: 0
              when: inventory_hostname == 'web1'
        """);
    CliRunner.Run run = new CliRunner().env("TIGHTBEAM_JOB_REGISTRY", dir.resolve("jobs.db").toString())
        .playbook("-i", inventory.toString(), pb.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

    List<Map<String, Object>> running = jobs(0, "list", "--running", "--json");
    assertThat(running).hasSize(4);
    @SuppressWarnings("unchecked")
    Map<String, Object> target = (Map<String, Object>) running.get(0).get("target");
    assertThat(target).containsEntry("connection", "ssh").containsEntry("port", SSHD.port())
        .containsEntry("user", SSHD.user()).containsEntry("private_key_file", SSHD.clientKey().toString());

    List<Map<String, Object>> waited = jobs(0, "wait", "--host", "web*", "--timeout", "20", "--json",
        running.get(0).get("jid").toString(), running.get(1).get("jid").toString(), running.get(2).get("jid").toString());
    assertThat(waited).extracting(r -> r.get("host"), r -> r.get("state"), r -> r.get("summary"))
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("web1", "finished", "web1"),
            org.assertj.core.groups.Tuple.tuple("web2", "finished", "web2"),
            org.assertj.core.groups.Tuple.tuple("web3", "finished", "web3"));

    List<Map<String, Object>> killed = jobs(0, "kill", "--host", "web1", "--grace", "1", "--json");
    assertThat(killed).singleElement().satisfies(r -> assertThat(r)
        .containsEntry("task", "long").containsEntry("state", "killed"));
    assertThat(jobs(0, "list", "--running", "--json")).isEmpty();
  }
}
