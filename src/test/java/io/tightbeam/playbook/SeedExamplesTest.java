package io.tightbeam.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.tightbeam.yaml.Pos;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's five example files parse into the model the executor expects. */
class SeedExamplesTest {
  private final PlaybookParser parser = new PlaybookParser();

  private static Path seed(String name) throws Exception {
    return Path.of(SeedExamplesTest.class.getResource("/playbook/seed/" + name).toURI());
  }

  @Test
  void fireAndForgetIsOneCommandTaskWithAsyncAndPollZero() throws Exception {
    Path file = seed("fire-and-forget.yml");
    Playbook playbook = parser.parsePlaybook(file);

    assertThat(playbook.plays()).hasSize(1);
    Play play = playbook.plays().get(0);
    assertThat(play.hosts()).isEqualTo("all");
    assertThat(play.keywords()).containsExactly(Map.entry("remote_user", "root"));
    assertThat(play.pos()).isEqualTo(new Pos(file.toString(), 2, 3));
    assertThat(play.baseDir()).isEqualTo(file.getParent());
    assertThat(play.tasks()).hasSize(1);
    Task task = (Task) play.tasks().get(0);
    assertThat(task.action()).isEqualTo("ansible.builtin.command");
    assertThat(task.args()).containsExactly(Map.entry("_raw_params", "/bin/sleep 15"));
    assertThat(task.name())
        .isEqualTo("Simulate long running op, allow to run for 45 sec, fire and forget");
    assertThat(task.keywords()).containsEntry("async", 45).containsEntry("poll", 0).hasSize(3);
    assertThat(task.pos()).isEqualTo(new Pos(file.toString(), 7, 5));
    assertThat(task.baseDir()).isEqualTo(file.getParent());
    assertThat(parser.warnings()).isEmpty();
  }

  @Test
  void pollBlockingKeepsPollFive() throws Exception {
    Task task =
        (Task) parser.parsePlaybook(seed("poll-blocking.yml")).plays().get(0).tasks().get(0);
    assertThat(task.keywords()).containsEntry("async", 45).containsEntry("poll", 5);
    assertThat(task.pos().line()).isEqualTo(7);
  }

  @Test
  void checkLaterRegistersAndPollsWithAsyncStatus() throws Exception {
    Path file = seed("check-later.yml");
    List<TaskItem> tasks = parser.parsePlaybook(file).plays().get(0).tasks();
    Task yum = (Task) tasks.get(0);
    Task status = (Task) tasks.get(1);

    assertThat(yum.action()).isEqualTo("ansible.builtin.yum");
    assertThat(yum.args())
        .containsExactly(Map.entry("name", "docker-io"), Map.entry("state", "present"));
    assertThat(yum.keywords())
        .containsEntry("async", 1000)
        .containsEntry("poll", 0)
        .containsEntry("register", "yum_sleeper");
    assertThat(status.action()).isEqualTo("async_status");
    assertThat(status.args()).containsExactly(Map.entry("jid", "{{ yum_sleeper.ansible_job_id }}"));
    assertThat(status.keywords())
        .containsEntry("until", "job_result.finished")
        .containsEntry("retries", 100)
        .containsEntry("delay", 10)
        .containsEntry("register", "job_result");
    assertThat(status.pos()).isEqualTo(new Pos(file.toString(), 15, 5));
  }

  @Test
  void batchMainKeepsIncludeTasksAsATaskWithItsVarsAndLoop() throws Exception {
    Path file = seed("batch/main.yml");
    Play play = parser.parsePlaybook(file).plays().get(0);
    Task include = (Task) play.tasks().get(0);

    assertThat(include.action()).isEqualTo("include_tasks");
    assertThat(include.args()).containsExactly(Map.entry("_raw_params", "execute_batch.yml"));
    assertThat(include.keywords().get("vars"))
        .isEqualTo(Map.of("sleep_durations", List.of(1, 2, 3, 4, 5), "durations", "{{ item }}"));
    assertThat(include.keywords()).containsEntry("loop", "{{ sleep_durations | batch(2) | list }}");
    assertThat(include.baseDir()).isEqualTo(file.getParent());
    assertThat(include.pos()).isEqualTo(new Pos(file.toString(), 6, 5));
  }

  @Test
  void batchTaskFileHasTheAsyncLoopAndTheStatusLoop() throws Exception {
    Path file = seed("batch/execute_batch.yml");
    List<TaskItem> items = parser.parseTaskFile(file);

    assertThat(items).hasSize(2);
    Task sleep = (Task) items.get(0);
    Task check = (Task) items.get(1);
    assertThat(sleep.action()).isEqualTo("ansible.builtin.command");
    assertThat(sleep.args()).containsExactly(Map.entry("_raw_params", "sleep {{ async_item }}"));
    assertThat(sleep.keywords())
        .containsEntry("loop", "{{ durations }}")
        .containsEntry("loop_control", Map.of("loop_var", "async_item"))
        .containsEntry("register", "async_results");
    assertThat(sleep.pos()).isEqualTo(new Pos(file.toString(), 2, 3));
    assertThat(check.action()).isEqualTo("async_status");
    assertThat(check.keywords()).containsEntry("retries", 30);
    assertThat(check.pos()).isEqualTo(new Pos(file.toString(), 11, 3));
    assertThat(check.baseDir()).isEqualTo(file.getParent());
  }
}
