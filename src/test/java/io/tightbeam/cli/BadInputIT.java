package io.tightbeam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input ends as ansible-core 2.14 ends it (issue 15): its exit code and its message, and no
 * host touched where Ansible touches none. Expected values were taken from ansible-playbook and
 * ansible run on the same input. (Ansible lists its valid booleans and raw-parameter modules from
 * Python sets, in an order that changes from run to run: those messages are compared up to the
 * list.)
 */
class BadInputIT {
  @TempDir Path dir;
  private Path inventory;
  private Path marker;

  @BeforeEach
  void inventory() throws IOException {
    inventory = dir.resolve("three.ini");
    Files.writeString(inventory, "h1 ansible_connection=local\nh2 ansible_connection=local\n"
        + "h3 ansible_connection=local\n");
    marker = dir.resolve("ran");
  }

  @Test
  void emptyAdHocPatternTouchesNoHost() {
    CliRunner.Run run = new CliRunner().adHoc("", "-i", inventory.toString(), "-a", "touch " + marker);
    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err()).contains("ERROR! Hosts list cannot be empty. Please check your playbook");
    assertThat(marker).doesNotExist();
  }

  @Test
  void blankAdHocPatternTouchesNoHost() {
    CliRunner.Run run = new CliRunner().adHoc(" ", "-i", inventory.toString(), "-a", "touch " + marker);
    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err()).contains("ERROR! the field 'hosts' is required, and cannot have empty values");
    assertThat(marker).doesNotExist();
  }

  @Test
  void playHostsTemplatedToBlankOrUndefinedTouchNoHost() throws IOException {
    Path blank = play("hosts: \"{{ nobody }}\"\n  vars: {nobody: ''}", "tasks:\n    - command: touch " + marker);
    CliRunner.Run run = new CliRunner().playbook("-i", inventory.toString(), blank.toString());
    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err()).contains("ERROR! the field 'hosts' is required, and cannot have empty values",
        "The error appears to be in '" + blank + "': line 1, column 3, but may");
    Path undefined = play("hosts: \"{{ undefinedvar }}\"", "tasks:\n    - command: touch " + marker);
    run = new CliRunner().playbook("-i", inventory.toString(), undefined.toString());
    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err()).contains("ERROR! The field 'hosts' has an invalid value, which includes an undefined"
        + " variable. The error was: 'undefinedvar' is undefined. 'undefinedvar' is undefined");
    assertThat(marker).doesNotExist();
  }

  @Test
  void limitMatchingNothingEndsWithOne() throws IOException {
    Path pb = play("hosts: all", "tasks:\n    - command: touch " + marker);
    CliRunner.Run run = new CliRunner().playbook("-i", inventory.toString(), pb.toString(), "-l", "nomatch");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("[WARNING]: Could not match supplied host pattern, ignoring: nomatch",
        "ERROR! Specified inventory, host pattern and/or --limit leaves us with no hosts to target.");
    CliRunner.Run adHoc = new CliRunner().adHoc("h2", "-i", inventory.toString(), "-l", "h1", "-a", "touch " + marker);
    assertThat(adHoc.exitCode()).isEqualTo(1);
    assertThat(marker).doesNotExist();
  }

  @Test
  void inventoryWarningsComeBeforeAPlaybooksSyntaxError() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.yml"), "- hosts: all\n  tasks: [\n");
    String missing = dir.resolve("missing.ini").toString();
    CliRunner.Run run = new CliRunner().playbook("-i", missing, bad.toString());
    assertThat(run.exitCode()).isEqualTo(4);
    // ansible-playbook reads the inventory first: its warnings, then the YAML error
    String warning = "[WARNING]: No inventory was parsed, only implicit localhost is available";
    assertThat(run.err()).contains(warning, "ERROR! We were unable to read either as JSON nor YAML");
    assertThat(run.err().indexOf(warning)).isLessThan(run.err().indexOf("ERROR!"));
    Path ok = play("hosts: all", "tasks:\n    - ping:");
    CliRunner.Run check = new CliRunner().playbook("-i", missing, "--syntax-check", ok.toString());
    assertThat(check.exitCode()).isZero();
    assertThat(check.err()).contains("[WARNING]: Unable to parse", warning);
  }

  @Test
  void extraVarsFileWithASpaceIsAnExtraVarsFile() throws IOException {
    Path vars = Files.writeString(dir.resolve("vars.yml"), "greeting: bonjour\n");
    Path pb = play("hosts: h1", "tasks:\n    - debug: var=greeting");
    CliRunner.Run run = new CliRunner().playbook("-i", inventory.toString(), pb.toString(), "-e", "@" + vars);
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("\"greeting\": \"bonjour\"");
  }

  static Stream<Arguments> badExtraVars() {
    return Stream.of(
        Arguments.of("@.", 4, "': [Errno 21] Is a directory: b'"),
        Arguments.of("@nonexistent.yml", 1, "ERROR! Unable to retrieve file contents\nCould not find or access '"),
        Arguments.of("{", 4, "ERROR! We were unable to read either as JSON nor YAML, these are the errors we got from each:"),
        Arguments.of("[1]", 5, "ERROR! Invalid extra vars data supplied. '[1]' could not be made into a dictionary"));
  }

  @ParameterizedTest(name = "-e {0} exits {1}")
  @MethodSource("badExtraVars")
  void badExtraVarsGiveAnsiblesErrors(String value, int code, String message) throws IOException {
    Path pb = play("hosts: h1", "tasks:\n    - command: touch " + marker);
    CliRunner.Run run = new CliRunner().playbook("-i", inventory.toString(), pb.toString(), "-e", value);
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(code);
    assertThat(run.err()).contains(message).doesNotContain("at io.tightbeam", "Exception");
    assertThat(marker).doesNotExist();
  }

  @Test
  void deeplyNestedExtraVarsAreAccepted() throws IOException {
    String deep = "{\"a\":".repeat(60) + "1" + "}".repeat(60);
    Path pb = play("hosts: h1", "tasks:\n    - debug: msg=ok");
    CliRunner.Run run = new CliRunner().playbook("-i", inventory.toString(), pb.toString(), "-e", deep);
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
  }

  @Test
  void brokenJsonArgumentsAreExtraParams() {
    CliRunner.Run run = new CliRunner().adHoc("h1", "-i", inventory.toString(), "-m", "debug", "-a", "{\"msg\": ");
    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err()).contains(
        "ERROR! this task 'debug' has extra params, which is only allowed in the following modules: ");
  }

  @Test
  void missingRoleStopsBeforeAnyHost() throws IOException {
    Path pb = play("hosts: all", "pre_tasks:\n    - command: touch " + marker + "\n  roles:\n    - nosuchrole");
    CliRunner.Run run = new CliRunner().playbook("-i", inventory.toString(), pb.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("ERROR! the role 'nosuchrole' was not found in " + dir + "/roles:",
        "The error appears to be in '" + pb + "': line 6, column 7, but may");
    assertThat(marker).doesNotExist();
  }

  @Test
  void bogusMetaActionIsRefusedWithItsPlace() throws IOException {
    Path pb = play("hosts: all", "tasks:\n    - meta: bogus");
    CliRunner.Run run = new CliRunner().playbook("-i", inventory.toString(), pb.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("ERROR! invalid meta action requested: bogus",
        "The error appears to be in '" + pb + "': line 4, column 7, but may");
  }

  @Test
  void includeRoleOfAMissingRoleIsAnError() throws IOException {
    Path pb = play("hosts: h1", "tasks:\n    - include_role: name=nosuchrole");
    CliRunner.Run run = new CliRunner().playbook("-i", inventory.toString(), pb.toString());
    // ansible-core exits 2 here (it ends the play and prints the recap); the message is its own.
    assertThat(run.exitCode()).isNotEqualTo(250).isNotZero();
    assertThat(run.err()).contains("ERROR! the role 'nosuchrole' was not found in " + dir + "/roles:");
  }

  static Stream<Arguments> noLog() {
    return Stream.of(Arguments.of("\"{{ hide }}\""), Arguments.of("\"ture\""));
  }

  @ParameterizedTest(name = "no_log: {0} fails the task and censors")
  @MethodSource("noLog")
  void noLogThatIsNotABooleanCensors(String value) throws IOException {
    Path pb = play("hosts: h1", "tasks:\n    - debug: msg=secret\n      no_log: " + value);
    CliRunner.Run run = new CliRunner().playbook("-i", inventory.toString(), pb.toString(), "-v");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).contains("fatal: [h1]: FAILED! => {\"censored\": \"the output has been hidden"
        + " due to the fact that 'no_log: true' was specified for this result\"}").doesNotContain("secret");
  }

  static Stream<Arguments> badKeywords() {
    String bool = "has an invalid value (%s), and could not be converted to an bool.The error was: "
        + "The value '%s' is not a valid boolean.  Valid booleans include: ";
    return Stream.of(
        Arguments.of("become: maybe", "tasks:\n    - debug: msg=x", 2,
            "{\"msg\": \"the field 'become' " + bool.formatted("maybe", "maybe")),
        Arguments.of("name: t", "tasks:\n    - debug: msg=x\n      check_mode: \"x\"", 2,
            "{\"msg\": \"the field 'check_mode' " + bool.formatted("x", "x")),
        Arguments.of("any_errors_fatal: \"x\"", "tasks:\n    - debug: msg=x", 2,
            "{\"msg\": \"the field 'any_errors_fatal' " + bool.formatted("x", "x")),
        Arguments.of("name: t", "tasks:\n    - debug: msg=x\n      retries: \"x\"\n      until: true", 2,
            "the field 'retries' has an invalid value (x), and could not be converted to an int.The error was:"
                + " invalid literal for int() with base 10: 'x'"),
        Arguments.of("name: t", "tasks:\n    - debug: msg=x\n      timeout: \"x\"", 2,
            "the field 'timeout' has an invalid value (x), and could not be converted to an int."),
        Arguments.of("port: \"abc\"", "tasks:\n    - command: echo x", 2,
            "the field 'port' has an invalid value (abc), and could not be converted to an int.The error"
                + " was: invalid literal for int() with base 10: 'abc'"),
        Arguments.of("gather_facts: \"nah\"", "tasks:\n    - debug: msg=x", 4,
            "ERROR! the field 'gather_facts' " + bool.formatted("nah", "nah")),
        Arguments.of("max_fail_percentage: \"x\"", "tasks:\n    - debug: msg=x", 4,
            "ERROR! the field 'max_fail_percentage' has an invalid value (x), and could not be converted"
                + " to an percent.The error was: could not convert string to float: 'x'"),
        Arguments.of("strategy: nonexistent", "tasks:\n    - debug: msg=x", 1,
            "ERROR! Invalid play strategy specified: nonexistent"),
        Arguments.of("roles: \"x\"", "tasks: []", 4, "ERROR! A malformed role declaration was encountered."),
        Arguments.of("name: t", "tasks:\n    - debug: msg=x\n      name: {a: b}", 4,
            "ERROR! The field 'name' is supposed to be a string type, however the incoming data structure is"
                + " a <class 'ansible.parsing.yaml.objects.AnsibleMapping'>"),
        Arguments.of("name: t", "tasks:\n    - debug: msg=x\n      register: [x]", 4,
            "ERROR! The field 'register' is supposed to be a string type, however the incoming data structure"
                + " is a <class 'ansible.parsing.yaml.objects.AnsibleSequence'>"),
        Arguments.of("name: t", "tasks:\n    - debug: msg=x\n      register: \"1bad name\"", 1,
            "ERROR! Invalid variable name in 'register' specified: '1bad name'"),
        Arguments.of("name: t", "tasks:\n    - debug: msg=x\n      tags: {a: 1}", 1,
            "ERROR! tags must be specified as a list"),
        Arguments.of("name: t", "tasks:\n    - rescue:\n        - debug: msg=x", 4,
            "ERROR! 'rescue' keyword cannot be used without 'block'"),
        Arguments.of("name: t", "tasks:\n    - debug: msg=x\n      notify: 5", 0, ""),
        Arguments.of("name: t", "tasks:\n    - command: echo x\n      notify: restart nginxx\n"
            + "  handlers:\n    - name: restart nginx\n      debug: msg=r", 1,
            "ERROR! The requested handler 'restart nginxx' was not found in either the main handlers list nor"
                + " in the listening handlers list"));
  }

  @ParameterizedTest(name = "{0} / {1} exits {2}")
  @MethodSource("badKeywords")
  void badKeywordValuesEndAsAnsible(String playKeyword, String rest, int code, String message) throws IOException {
    Path pb = play("hosts: h1\n  " + playKeyword, rest);
    CliRunner.Run run = new CliRunner().playbook("-i", inventory.toString(), pb.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(code);
    assertThat(run.out() + run.err()).contains(message).doesNotContain("Unexpected Exception");
  }

  @Test
  void emptyPlaybookIsAParseError() throws IOException {
    Path pb = Files.writeString(dir.resolve("empty.yml"), "[]\n");
    CliRunner.Run run = new CliRunner().playbook("-i", inventory.toString(), pb.toString());
    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err()).contains("ERROR! A playbook must contain at least one play: " + pb);
  }

  @Test
  void missingHandlerOnlyWarnsWhenAskedTo() throws IOException {
    Path pb = play("hosts: h1", "tasks:\n    - command: echo x\n      notify: restart nginxx");
    CliRunner.Run run = new CliRunner().env("ANSIBLE_ERROR_ON_MISSING_HANDLER", "false")
        .playbook("-i", inventory.toString(), pb.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.err().replace("\n", " ")).contains("The requested handler 'restart nginxx' was not found");
  }

  static Stream<Arguments> badSettings() {
    return Stream.of(
        Arguments.of("ANSIBLE_GATHERING", "bogus", "Invalid value \"bogus\" for configuration option"
            + " \"setting: DEFAULT_GATHERING \", valid values are: implicit, explicit, smart"),
        Arguments.of("ANSIBLE_REMOTE_PORT", "abc", "Invalid type for configuration option setting:"
            + " DEFAULT_REMOTE_PORT (from env: ANSIBLE_REMOTE_PORT): invalid literal for int() with base 10: 'abc'"),
        Arguments.of("ANSIBLE_VERBOSITY", "abc", "Invalid type for configuration option setting:"
            + " DEFAULT_VERBOSITY (from env: ANSIBLE_VERBOSITY): invalid literal for int() with base 10: 'abc'"));
  }

  @ParameterizedTest(name = "{0}={1} exits 5")
  @MethodSource("badSettings")
  void badSettingsExitFive(String name, String value, String message) throws IOException {
    Path pb = play("hosts: h1", "tasks:\n    - command: touch " + marker);
    CliRunner.Run run = new CliRunner().env(name, value).playbook("-i", inventory.toString(), pb.toString());
    assertThat(run.exitCode()).isEqualTo(5);
    assertThat(run.err()).contains(message);
    assertThat(marker).doesNotExist();
  }

  static Stream<Arguments> validYaml() {
    String nested = "[".repeat(100) + "1" + "]".repeat(100);
    StringBuilder blocks = new StringBuilder("tasks:\n");
    String indent = "    ";
    for (int i = 0; i < 50; i++) {
      blocks.append(indent).append("- block:\n");
      indent += "    ";
    }
    blocks.append(indent).append("- debug: msg=inner");
    return Stream.of(
        Arguments.of("nesting depth 100", "vars:\n    deep: " + nested + "\n  tasks:\n    - debug: msg=ok"),
        Arguments.of("50 nested blocks", blocks.toString()),
        Arguments.of("60 aliases", "vars:\n    base: &b [1, 2]\n    many: [" + "*b, ".repeat(59) + "*b]\n"
            + "  tasks:\n    - debug: msg=ok"),
        Arguments.of("a tab after a colon", "tasks:\n    - debug:\tmsg=ok"));
  }

  @ParameterizedTest(name = "{0} is read as ansible-core reads it")
  @MethodSource("validYaml")
  void validYamlIsAccepted(String name, String rest) throws IOException {
    Path pb = play("hosts: h1", rest);
    CliRunner.Run run = new CliRunner().playbook("-i", inventory.toString(), pb.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
  }

  @Test
  void unknownPlayOrderStopsBeforeAnyHost() throws IOException {
    Path pb = play("hosts: all\n  order: \"{{ how }}\"", "tasks:\n    - command: touch " + marker);
    CliRunner.Run run = new CliRunner().playbook("-i", inventory.toString(), pb.toString(), "-e", "how=backwards");
    assertThat(run.exitCode()).isEqualTo(5);
    assertThat(run.err()).contains("ERROR! Invalid 'order' specified for inventory hosts: backwards");
    assertThat(run.out()).doesNotContain("PLAY [");
    assertThat(marker).doesNotExist();
  }

  private Path play(String head, String rest) throws IOException {
    String gather = head.contains("gather_facts") ? "" : "\n  gather_facts: false";
    return Files.writeString(dir.resolve("play.yml"), "- " + head + gather + "\n  " + rest + "\n");
  }
}
