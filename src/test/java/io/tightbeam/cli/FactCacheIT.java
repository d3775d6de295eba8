package io.tightbeam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fact_caching = jsonfile}: cacheable set_fact values outlive the run, in the file Ansible
 * writes, and {@code --flush-cache} forgets them. Every step was first run with ansible-playbook
 * 2.14 on the same playbooks (each asserts what it saw; rc 0 there).
 */
class FactCacheIT {
  @TempDir Path dir;

  private CliRunner runner() {
    return new CliRunner().env("ANSIBLE_CACHE_PLUGIN", "jsonfile")
        .env("ANSIBLE_CACHE_PLUGIN_CONNECTION", dir.resolve("cache").toString())
        .env("ANSIBLE_CACHE_PLUGIN_PREFIX", "p_");
  }

  private CliRunner.Run play(String name, String tasks, String... more) throws IOException {
    Path inv = Files.writeString(dir.resolve("hosts"), "localhost ansible_connection=local\n");
    Path pb = Files.writeString(dir.resolve(name + ".yml"),
        "- hosts: localhost\n  gather_facts: false\n  tasks:\n" + tasks);
    String[] argv = new String[more.length + 3];
    argv[0] = "-i";
    argv[1] = inv.toString();
    argv[2] = pb.toString();
    System.arraycopy(more, 0, argv, 3, more.length);
    return runner().playbook(argv);
  }

  @Test
  void cacheableFactsOutliveTheRunUntilFlushed() throws IOException {
    CliRunner.Run first = play("one", """
            - set_fact:
                kept: {a: [1, "é", []], b: {}}
                cacheable: true
            - set_fact:
                dropped: not cached
                cacheable: no
            - assert:
                that:
                  - kept.b == {}
                  - ansible_facts.kept.b == {}
                  - dropped == 'not cached'
        """);
    assertThat(first.exitCode()).as(first.out()).isZero();
    assertThat(dir.resolve("cache/p_localhost")).hasContent("""
        {
            "kept": {
                "a": [
                    1,
                    "\\u00e9",
                    []
                ],
                "b": {}
            }
        }""");
    CliRunner.Run second = play("two", """
            - assert:
                that:
                  - kept.a[0] == 1
                  - ansible_facts.kept.a[0] == 1
                  - hostvars.localhost.kept.a[0] == 1
                  - dropped is undefined
        """);
    assertThat(second.exitCode()).as(second.out()).isZero();
    CliRunner.Run flushed = play("three", """
            - assert:
                that:
                  - kept is undefined
        """, "--flush-cache");
    assertThat(flushed.exitCode()).as(flushed.out()).isZero();
    assertThat(dir.resolve("cache/p_localhost")).doesNotExist();
  }
}
