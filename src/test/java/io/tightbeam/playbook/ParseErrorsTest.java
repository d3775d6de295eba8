package io.tightbeam.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import io.tightbeam.yaml.Pos;
import io.tightbeam.yaml.SourceExcerpt;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseErrorsTest {
  @TempDir Path dir;
  private final PlaybookParser parser = new PlaybookParser();

  private Path write(String name, String yaml) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, yaml);
    return file;
  }

  private InputException playbookError(String yaml) throws Exception {
    Path file = write("site.yml", yaml);
    return catchThrowableOfType(InputException.class, () -> parser.parsePlaybook(file));
  }

  private Pos at(int line, int column) {
    return new Pos(dir.resolve("site.yml").toString(), line, column);
  }

  private InputException tasksError(String tasksYaml) throws Exception {
    String play = "- hosts: all\n  tasks:\n" + tasksYaml.indent(4);
    return playbookError(play);
  }

  @Test
  void playWithoutHostsIsAnError() throws Exception {
    InputException e = playbookError("---\n- name: no hosts\n  tasks: []\n");
    assertThat(e.exitCode()).isEqualTo(4);
    assertThat(e.diagnostics())
        .containsExactly(Diagnostic.at(at(2, 3), "the field 'hosts' is required but was not set"));
  }

  @Test
  void unknownPlayKeyAndAsyncOnAPlayAreErrors() throws Exception {
    InputException e = playbookError("- hosts: all\n  async: 10\n  bogus: 1\n");
    assertThat(e.diagnostics())
        .containsExactly(
            Diagnostic.at(at(1, 3), "'async' is not a valid attribute for a Play"),
            Diagnostic.at(at(1, 3), "'bogus' is not a valid attribute for a Play"));
  }

  @Test
  void asyncOnABlockIsAnError() throws Exception {
    InputException e = tasksError("- block:\n    - command: sleep 1\n  async: 10\n");
    assertThat(e.exitCode()).isEqualTo(4);
    assertThat(e.diagnostics())
        .containsExactly(Diagnostic.at(at(3, 7), "'async' is not a valid attribute for a Block"));
  }

  @Test
  void moduleKeyInABlockIsAnError() throws Exception {
    InputException e = tasksError("- block: []\n  shell: echo\n");
    assertThat(e.diagnostics())
        .containsExactly(Diagnostic.at(at(3, 7), "'shell' is not a valid attribute for a Block"));
  }

  @Test
  void asyncOnIncludeTasksIsAnError() throws Exception {
    InputException e = tasksError("- include_tasks: other.yml\n  async: 10\n  poll: 0\n");
    assertThat(e.diagnostics())
        .containsExactly(
            Diagnostic.at(at(3, 7), "'async' is not a valid attribute for a TaskInclude"),
            Diagnostic.at(at(3, 7), "'poll' is not a valid attribute for a TaskInclude"));
  }

  @Test
  void taskWithoutActionIsAnError() throws Exception {
    InputException e = tasksError("- name: nothing to do\n  register: r\n");
    assertThat(e.diagnostics())
        .containsExactly(Diagnostic.at(at(3, 7), "no module/action detected in task."));
  }

  @Test
  void taskWithTwoActionsIsAnError() throws Exception {
    InputException e = tasksError("- name: two\n  shell: echo a\n  command: echo b\n");
    assertThat(e.diagnostics())
        .containsExactly(Diagnostic.at(at(3, 7), "conflicting action statements: shell, command"));
  }

  @Test
  void actionAndLocalActionTogetherIsAnError() throws Exception {
    InputException e = tasksError("- action: ping\n  local_action: ping\n");
    assertThat(e.diagnostics())
        .containsExactly(Diagnostic.at(at(3, 7), "action and local_action are mutually exclusive"));
  }

  @Test
  void nonStringModuleArgumentsAreAnError() throws Exception {
    InputException e = tasksError("- command: 42\n");
    assertThat(e.diagnostics())
        .containsExactly(
            Diagnostic.at(at(3, 7), "unexpected parameter type in action: <class 'int'>"));
  }

  @Test
  void unbalancedQuoteInArgumentsIsAnError() throws Exception {
    InputException e = tasksError("- shell: echo \"open\n");
    assertThat(e.diagnostics().get(0).summary())
        .isEqualTo(
            "failed at splitting arguments, either an unbalanced jinja2 block or quotes: echo"
                + " \"open");
  }

  @Test
  void loopOnImportTasksIsAnError() throws Exception {
    write("inner.yml", "- ping:\n");
    InputException e = tasksError("- import_tasks: inner.yml\n  loop: [1, 2]\n");
    assertThat(e.diagnostics())
        .containsExactly(
            Diagnostic.at(
                at(3, 7),
                "You cannot use loops on 'import_tasks' statements. You should use"
                    + " 'include_tasks' instead."));
  }

  @Test
  void missingImportedFileIsReportedAtTheImport() throws Exception {
    InputException e = tasksError("- import_tasks: nowhere.yml\n");
    assertThat(e.exitCode()).isEqualTo(1);
    assertThat(e.diagnostics())
        .containsExactly(
            new Diagnostic(
                "Unable to retrieve file contents",
                "Could not find or access '" + dir.resolve("nowhere.yml") + "'",
                at(3, 7)));
  }

  @Test
  void importCycleIsAnErrorNotAStackOverflow() throws Exception {
    write("loop.yml", "- import_tasks: loop.yml\n");
    InputException e =
        catchThrowableOfType(
            InputException.class, () -> parser.parseTaskFile(dir.resolve("loop.yml")));
    assertThat(e.diagnostics()).hasSize(1);
    assertThat(e.diagnostics().get(0).summary()).contains("imports itself");
  }

  @Test
  void everyProblemOfTheFileIsReportedTogether() throws Exception {
    InputException e =
        playbookError(
            "- hosts: all\n"
                + "  tasks:\n"
                + "    - name: a\n"
                + "    - command: ok\n"
                + "    - block: []\n"
                + "      loop: x\n"
                + "- name: second\n"
                + "  when: x\n");
    assertThat(e.diagnostics())
        .containsExactly(
            Diagnostic.at(at(3, 7), "no module/action detected in task."),
            Diagnostic.at(at(5, 7), "'loop' is not a valid attribute for a Block"),
            Diagnostic.at(at(7, 3), "'when' is not a valid attribute for a Play"),
            Diagnostic.at(at(7, 3), "the field 'hosts' is required but was not set"));
  }

  @Test
  void playbookThatIsNotAListIsAnError() throws Exception {
    InputException e = playbookError("hosts: all\n");
    assertThat(e.diagnostics().get(0).summary())
        .isEqualTo(
            "A playbook must be a list of plays, got a <class 'dict'> instead: "
                + dir.resolve("site.yml"));
  }

  // The next three were first seen with ansible-playbook 2.14 (ansible-core's playbook target).
  @Test
  void playWithUserAndRemoteUserIsAnError() throws Exception {
    InputException e = playbookError("- hosts: all\n  remote_user: a\n  user: b\n  tasks: []\n");
    assertThat(e.diagnostics().get(0).summary()).isEqualTo("both 'user' and 'remote_user' are set for this"
        + " play. The use of 'user' is deprecated, and should be removed");
    assertThat(e.diagnostics().get(0).pos()).isEqualTo(at(1, 3));
    assertThat(e.exitCode()).isEqualTo(4);
  }

  @Test
  void oldStyleRoleIsRefused() throws Exception {
    InputException e = playbookError("- hosts: all\n  roles:\n    - foo,bar\n");
    assertThat(e.diagnostics().get(0).summary()).isEqualTo("Invalid old style role requirement: foo,bar");
    assertThat(e.exitCode()).isEqualTo(1);
  }

  @Test
  void varsPromptWithoutNameIsAnError() throws Exception {
    InputException e = playbookError("- hosts: all\n  vars_prompt:\n    - foo: bar\n");
    assertThat(e.diagnostics().get(0).summary()).isEqualTo("Invalid vars_prompt data structure, missing 'name' key");
    assertThat(e.diagnostics().get(0).pos()).isEqualTo(at(3, 5));
    assertThat(e.exitCode()).isEqualTo(4);
  }

  @Test
  void malformedTaskListIsAnError() throws Exception {
    InputException e = playbookError("- hosts: all\n  tasks: echo hi\n");
    Diagnostic d = e.diagnostics().get(0);
    // ansible-playbook 2.14's words for a play's task section that is no list
    assertThat(d.summary()).isEqualTo("A malformed block was encountered while loading tasks: echo hi"
        + " should be a list or None but is <class 'ansible.parsing.yaml.objects.AnsibleUnicode'>");
    assertThat(d.pos()).isEqualTo(at(1, 3));
  }

  @Test
  void missingPlaybookExitsWithOne() {
    InputException e =
        catchThrowableOfType(
            InputException.class, () -> parser.parsePlaybook(Path.of("no-such-playbook.yml")));
    assertThat(e.exitCode()).isEqualTo(1);
    assertThat(e.getMessage()).isEqualTo("the playbook: no-such-playbook.yml could not be found");
  }

  @Test
  void yamlSyntaxErrorInAPlaybookCarriesLineColumnAndCaret() throws Exception {
    InputException e =
        playbookError("- hosts: all\n  tasks:\n    - name: x\n      command: echo\n     bad: 1\n");
    assertThat(e.exitCode()).isEqualTo(4);
    Diagnostic d = e.diagnostics().get(0);
    assertThat(d.summary()).endsWith("\n\nSyntax Error while loading YAML.");
    assertThat(d.pos()).isEqualTo(at(5, 6));
    assertThat(SourceExcerpt.render(d))
        .endsWith(
            "line 5, column 6, but may\n"
                + "be elsewhere in the file depending on the exact syntax problem.\n\n"
                + "The offending line appears to be:\n\n"
                + "      command: echo\n"
                + "     bad: 1\n"
                + "     ^ here\n");
  }

  @Test
  void emptyOrBadHostsAreErrors() throws Exception {
    // ansible-playbook 2.14 gives the empty list no place, the blank one its play's
    assertThat(playbookError("- hosts:\n").diagnostics())
        .containsExactly(
            new Diagnostic("Hosts list cannot be empty. Please check your playbook", "", null));
    assertThat(playbookError("- hosts: ' '\n").diagnostics())
        .containsExactly(
            Diagnostic.at(at(1, 3), "the field 'hosts' is required, and cannot have empty values"));
    assertThat(playbookError("- hosts: [a, {b: 1}]\n").diagnostics())
        .containsExactly(
            Diagnostic.at(at(1, 3), "Hosts list contains an invalid host value: '{b=1}'"));
  }

  @Test
  void badVarsAreAnError() throws Exception {
    InputException e = tasksError("- ping:\n  vars: [1]\n");
    assertThat(e.diagnostics())
        .containsExactly(
            Diagnostic.at(
                at(3, 7),
                "Vars in a Task must be specified as a dictionary, or a list of dictionaries"));
  }

  @Test
  void badIncludeTasksArgumentsAreErrors() throws Exception {
    InputException e = tasksError("- include_tasks:\n    files: x.yml\n");
    assertThat(e.diagnostics())
        .containsExactly(
            Diagnostic.at(at(3, 7), "Invalid options for include_tasks: files"),
            Diagnostic.at(at(3, 7), "No file specified for include_tasks"));
  }
}
