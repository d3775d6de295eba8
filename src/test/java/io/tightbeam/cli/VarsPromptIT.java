package io.tightbeam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vars_prompt on a terminal: util-linux's {@code script} gives the playbook a pseudo-terminal fed
 * from our input. The prompts and the mismatch line are ansible-playbook 2.14's, seen through the
 * same pty driver (default shown in brackets, an empty answer takes it; confirm asks again until
 * both answers match).
 */
class VarsPromptIT {
  @TempDir Path dir;

  @Test
  void asksOnATerminalWithDefaultsAndConfirmation() throws Exception {
    Path playbook = dir.resolve("site.yml");
    Files.writeString(playbook, """
        - hosts: localhost
          gather_facts: false
          vars_prompt:
            - name: u
              prompt: User
              private: false
              default: bob
            - name: p
              prompt: Pass
              confirm: true
          tasks:
            - debug: msg="{{ u }}/{{ p }}"
        """);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = String.join(" ", List.of(java, "-cp", System.getProperty("java.class.path"),
        "io.tightbeam.cli.PlaybookCli", "-i", "localhost,", "-c", "local", playbook.toString()));
    ProcessBuilder pb = new ProcessBuilder("script", "-qec", command, "/dev/null")
        .redirectErrorStream(true);
    pb.environment().put("ANSIBLE_CONFIG", "/nonexistent/ansible.cfg");
    pb.environment().put("ANSIBLE_NOCOLOR", "1");
    pb.environment().put("TIGHTBEAM_JOB_REGISTRY", CliRunner.TEST_REGISTRY.toString());
    Process p = pb.start();
    p.getOutputStream().write("\none\ntwo\nsec\nsec\n".getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace("\r", "");
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out).contains("User [bob]: ", "Pass: ", "confirm Pass: ",
        "***** VALUES ENTERED DO NOT MATCH ****\n", "\"msg\": \"bob/sec\"");
    assertThat(out.indexOf("VALUES ENTERED DO NOT MATCH")).isLessThan(out.indexOf("PLAY [localhost]"));
  }
}
