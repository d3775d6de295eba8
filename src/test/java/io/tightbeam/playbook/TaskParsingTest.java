package io.tightbeam.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tightbeam.yaml.InputException;
import io.tightbeam.yaml.Pos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskParsingTest {
  @TempDir Path dir;
  private final PlaybookParser parser = new PlaybookParser();

  private Path write(String name, String yaml) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    return file;
  }

  private Task only(String tasksYaml) throws Exception {
    List<TaskItem> items = parser.parseTaskFile(write("t.yml", tasksYaml));
    assertThat(items).hasSize(1);
    return (Task) items.get(0);
  }

  @Test
  void freeFormShellTakesOutOnlyItsOwnKeys() throws Exception {
    Task t = only("- shell: chdir=/tmp echo a=b > out creates=/tmp/out\n");
    assertThat(t.action()).isEqualTo("shell");
    assertThat(t.args())
        .containsExactly(
            Map.entry("chdir", "/tmp"),
            Map.entry("creates", "/tmp/out"),
            Map.entry("_raw_params", "echo a=b > out"));
  }

  @Test
  void keyValueStringOfOtherModulesBecomesAMap() throws Exception {
    Task t = only("- ansible.builtin.copy: src=a.txt dest=\"/tmp/b c.txt\" mode='0644'\n");
    assertThat(t.args())
        .containsExactly(
            Map.entry("src", "a.txt"),
            Map.entry("dest", "/tmp/b c.txt"),
            Map.entry("mode", "0644"));
  }

  @Test
  void multiLineShellKeepsItsLines() throws Exception {
    Task t = only("- shell: |\n    echo one\n    echo two\n");
    // ansible-playbook 2.14 keeps the block's last newline too (shell's cmd ends in it)
    assertThat(t.args()).containsExactly(Map.entry("_raw_params", "echo one\necho two\n"));
  }

  @Test
  void actionKeywordSplitsModuleFromArguments() throws Exception {
    Task t = only("- name: x\n  action: command /bin/sleep 5 chdir=/tmp\n  async: 10\n");
    assertThat(t.action()).isEqualTo("command");
    assertThat(t.args())
        .containsExactly(Map.entry("chdir", "/tmp"), Map.entry("_raw_params", "/bin/sleep 5"));
    assertThat(t.keywords()).containsOnlyKeys("name", "async");
  }

  @Test
  void actionMappingWithModuleKey() throws Exception {
    Task t = only("- action:\n    module: copy\n    src: a\n    dest: b\n");
    assertThat(t.action()).isEqualTo("copy");
    assertThat(t.args()).containsExactly(Map.entry("src", "a"), Map.entry("dest", "b"));
  }

  @Test
  void localActionDelegatesToLocalhost() throws Exception {
    Task t = only("- local_action: command echo hi\n");
    assertThat(t.action()).isEqualTo("command");
    assertThat(t.args()).containsExactly(Map.entry("_raw_params", "echo hi"));
    assertThat(t.keywords()).containsEntry("delegate_to", "localhost");
  }

  @Test
  void argsKeywordIsMergedUnderTheModuleArguments() throws Exception {
    Task t = only("- command: echo hi\n  args:\n    chdir: /tmp\n    creates: /a\n");
    assertThat(t.args())
        .containsExactly(
            Map.entry("chdir", "/tmp"),
            Map.entry("creates", "/a"),
            Map.entry("_raw_params", "echo hi"));
    assertThat(t.keywords()).doesNotContainKey("args");
  }

  @Test
  void moduleWithoutArgumentsHasEmptyArgs() throws Exception {
    Task t = only("- ping:\n  with_items: [1, 2]\n  async_val: 5\n");
    assertThat(t.action()).isEqualTo("ping");
    assertThat(t.args()).isEmpty();
    assertThat(t.keywords()).containsEntry("with_items", List.of(1, 2)).containsEntry("async", 5);
  }

  @Test
  void varsListIsMergedIntoOneMapping() throws Exception {
    Task t = only("- debug: msg=hi\n  vars:\n    - a: 1\n    - b: 2\n      a: 3\n");
    assertThat(t.keywords().get("vars")).isEqualTo(Map.of("a", 3, "b", 2));
    assertThat(t.args()).containsExactly(Map.entry("msg", "hi"));
  }

  @Test
  void blockWithRescueAlwaysAndKeywords() throws Exception {
    Path file =
        write(
            "b.yml",
            "- name: guarded\n  become: true\n  when: x\n  block:\n    - command: a\n"
                + "  rescue:\n    - command: b\n  always:\n    - command: c\n    - command: d\n");
    Block b = (Block) parser.parseTaskFile(file).get(0);
    assertThat(b.keywords()).containsOnlyKeys("name", "become", "when");
    assertThat(b.block())
        .extracting(i -> ((Task) i).args().get("_raw_params"))
        .containsExactly("a");
    assertThat(b.rescue())
        .extracting(i -> ((Task) i).args().get("_raw_params"))
        .containsExactly("b");
    assertThat(b.always()).hasSize(2);
    assertThat(b.pos()).isEqualTo(new Pos(file.toString(), 1, 3));
    assertThat(b.block().get(0).pos()).isEqualTo(new Pos(file.toString(), 5, 7));
  }

  @Test
  void importTasksIsExpandedInPlaceFromTheIncludingFilesDirectory() throws Exception {
    write("sub/inner.yml", "- command: inner\n");
    write("sub/outer.yml", "- import_tasks: inner.yml\n- command: after\n");
    Path play =
        write(
            "site.yml",
            "- hosts: all\n  tasks:\n    - command: first\n    - import_tasks: sub/outer.yml\n"
                + "    - import_tasks: sub/inner.yml\n      when: flag\n      name: ignored\n");
    List<TaskItem> tasks = parser.parsePlaybook(play).plays().get(0).tasks();

    assertThat(tasks).hasSize(4);
    Task inner = (Task) tasks.get(1);
    assertThat(inner.args()).containsEntry("_raw_params", "inner");
    assertThat(inner.baseDir()).isEqualTo(dir.resolve("sub"));
    assertThat(inner.pos()).isEqualTo(new Pos(dir.resolve("sub/inner.yml").toString(), 1, 3));
    assertThat(((Task) tasks.get(2)).args()).containsEntry("_raw_params", "after");
    Block conditional = (Block) tasks.get(3);
    assertThat(conditional.keywords()).containsExactly(Map.entry("when", "flag"));
    assertThat(((Task) conditional.block().get(0)).args()).containsEntry("_raw_params", "inner");
  }

  @Test
  void importPlaybookIsExpandedWithItsVarsTagsAndWhen() throws Exception {
    write(
        "plays/other.yml",
        "- hosts: web\n  tags: [own]\n  vars: {a: 1, b: 1}\n  tasks:\n    - ping:\n");
    Path site =
        write(
            "site.yml",
            "- hosts: all\n"
                + "  tasks: []\n"
                + "- import_playbook: plays/other.yml\n"
                + "  vars: {b: 2}\n"
                + "  tags: imported\n"
                + "  when: go\n"
                + "- ansible.builtin.import_playbook: plays/other.yml\n");
    List<Play> plays = parser.parsePlaybook(site).plays();

    assertThat(plays).extracting(Play::hosts).containsExactly("all", "web", "web");
    Play imported = plays.get(1);
    assertThat(imported.vars()).isEqualTo(Map.of("a", 1, "b", 2));
    assertThat(imported.keywords())
        .containsEntry("tags", List.of("own", "imported"))
        .containsEntry("when", List.of("go"));
    assertThat(imported.baseDir()).isEqualTo(dir.resolve("plays"));
    assertThat(plays.get(2).vars()).isEqualTo(Map.of("a", 1, "b", 1));
    assertThat(plays.get(2).keywords()).doesNotContainKey("when");
  }

  @Test
  void playSectionsAndKeywordsAreSeparated() throws Exception {
    write("roles/r1/tasks/main.yml", "- ping:\n");
    Path site =
        write(
            "site.yml",
            "- name: p\n"
                + "  hosts: [a, b]\n"
                + "  gather_facts: no\n"
                + "  serial: 2\n"
                + "  vars_files: common.yml\n"
                + "  roles: [r1]\n"
                + "  vars: {x: 1}\n"
                + "  pre_tasks: [{ping: }]\n"
                + "  post_tasks: [{ping: }]\n"
                + "  handlers:\n"
                + "    - name: restart\n"
                + "      service: name=x state=restarted\n"
                + "      listen: bounce\n");
    Play p = parser.parsePlaybook(site).plays().get(0);
    assertThat(p.hosts()).isEqualTo(List.of("a", "b"));
    assertThat(p.name()).isEqualTo("p");
    assertThat(p.keywords()).containsOnlyKeys("name", "gather_facts", "serial", "roles");
    assertThat(p.keywords()).containsEntry("gather_facts", false);
    assertThat(p.varsFiles()).containsExactly("common.yml");
    assertThat(p.vars()).isEqualTo(Map.of("x", 1));
    assertThat(p.preTasks()).hasSize(1);
    assertThat(p.postTasks()).hasSize(1);
    Task handler = (Task) p.handlers().get(0);
    assertThat(handler.args())
        .containsExactly(Map.entry("name", "x"), Map.entry("state", "restarted"));
    assertThat(handler.keywords()).containsEntry("listen", "bounce");
  }

  @Test
  void duplicateKeyWarningReachesTheParsersWarnings() throws Exception {
    Path file = write("d.yml", "- name: x\n  command: echo 1\n  command: echo 2\n");
    Task t = (Task) parser.parseTaskFile(file).get(0);
    assertThat(t.args()).containsEntry("_raw_params", "echo 2");
    assertThat(parser.warnings()).hasSize(1);
    assertThat(parser.warnings().get(0).summary()).contains("found a duplicate dict key (command)");
    assertThat(parser.warnings().get(0).pos()).isEqualTo(new Pos(file.toString(), 3, 3));
  }

  @Test
  void importTasksDropsTaskOnlyKeywordsWithAWarning() throws Exception {
    write("inner.yml", "- ping:\n");
    Path file = write("outer.yml", "- import_tasks: inner.yml\n  register: r\n  tags: t\n");
    Block wrapper = (Block) parser.parseTaskFile(file).get(0);
    assertThat(wrapper.keywords()).containsExactly(Map.entry("tags", "t"));
    assertThat(parser.warnings())
        .extracting(d -> d.summary())
        .containsExactly(
            "'register' on import_tasks does not apply to the imported tasks; ignored");
  }

  @Test
  void playLevelIncludeIsAnImportPlaybookWithADeprecationWarning() throws Exception {
    write("other.yml", "- hosts: db\n");
    Path site = write("site.yml", "- include: other.yml\n");
    assertThat(parser.parsePlaybook(site).plays()).extracting(Play::hosts).containsExactly("db");
    assertThat(parser.warnings().get(0).summary()).contains("You should use 'import_playbook'");
  }

  @Test
  void adHocArgumentsParseLikeTaskArguments() {
    assertThat(parser.parseArgs("shell", "sleep 60; echo done chdir=/tmp"))
        .containsExactly(
            Map.entry("chdir", "/tmp"), Map.entry("_raw_params", "sleep 60; echo done"));
    assertThat(parser.parseArgs("async_status", "jid=123.456"))
        .containsExactly(Map.entry("jid", "123.456"));
    assertThat(parser.parseArgs("ping", "")).isEmpty();
    assertThatThrownBy(() -> parser.parseArgs("shell", "echo 'x"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("failed at splitting arguments");
  }
}
