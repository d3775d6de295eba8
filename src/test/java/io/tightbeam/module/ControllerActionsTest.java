package io.tightbeam.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tightbeam.template.Templar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Controller actions on paths that need no templating (see ControllerActionsTemplarTest). */
class ControllerActionsTest {
  private final Modules modules = Modules.builtin();

  private Map<String, Object> run(String action, Map<String, Object> args, int verbosity) {
    ActionContext context = new ActionContext(new Templar(), Map.of(), "h1", false, verbosity);
    return modules.action(action).orElseThrow().run(args, context);
  }

  private Map<String, Object> run(String action, Map<String, Object> args) {
    return run(action, args, 0);
  }

  @Test
  void debugShowsHelloWorldByDefaultAndMsgOtherwise() {
    assertThat(run("debug", Map.of()))
        .containsEntry("msg", "Hello world!")
        .containsEntry("changed", false)
        .containsEntry("failed", false);
    assertThat(run("debug", Map.of("msg", List.of(1, "two")))).containsEntry("msg", List.of(1, "two"));
  }

  @Test
  void debugIsSkippedBelowItsVerbosity() {
    assertThat(run("debug", Map.of("msg", "x", "verbosity", 2), 1))
        .containsEntry("skipped", true)
        .containsEntry("skipped_reason", "Verbosity threshold not met.")
        .doesNotContainKey("msg");
    assertThat(run("debug", Map.of("msg", "x", "verbosity", "2"), 2)).containsEntry("msg", "x");
  }

  @Test
  void debugRefusesUnknownAndConflictingOptions() {
    assertThatThrownBy(() -> run("debug", Map.of("mgs", "x")))
        .isInstanceOf(ActionFailure.class)
        .hasMessage("Invalid options for debug: mgs");
    // ansible-playbook 2.14: fatal ... => {"msg": "'msg' and 'var' are incompatible options"}
    assertThat(run("debug", Map.of("msg", "x", "var", "y")))
        .containsEntry("failed", true)
        .containsEntry("msg", "'msg' and 'var' are incompatible options");
  }

  @Test
  void failFailsWithItsMessage() {
    assertThat(run("fail", Map.of()))
        .containsEntry("failed", true)
        .containsEntry("changed", false)
        .containsEntry("msg", "Failed as requested from task");
    assertThat(run("fail", Map.of("msg", "boom"))).containsEntry("msg", "boom");
  }

  @Test
  void setFactReturnsFactsAndTurnsBooleanWordsIntoBooleans() {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("a", "yes");
    args.put("b", "False");
    args.put("c", "text");
    args.put("d", List.of(1));
    args.put("cacheable", true);
    Map<String, Object> result = run("set_fact", args);
    assertThat(result).containsEntry("changed", false);
    assertThat(result.get("ansible_facts"))
        .isEqualTo(Map.of("a", true, "b", false, "c", "text", "d", List.of(1)));
  }

  @Test
  void setFactRefusesBadNamesAndNoFacts() {
    assertThatThrownBy(() -> run("set_fact", Map.of("1x", 1)))
        .hasMessageStartingWith("The variable name '1x' is not valid.");
    assertThatThrownBy(() -> run("set_fact", Map.of("cacheable", true)))
        .hasMessage(
            "No key/value pairs provided, at least one is required for this action to succeed");
  }

  @Test
  void assertNeedsThatAndKnownOptions() {
    assertThatThrownBy(() -> run("assert", Map.of("msg", "x")))
        .hasMessage("conditional required in \"that\" string");
    assertThatThrownBy(() -> run("assert", Map.of("that", "x", "fail_message", "y")))
        .hasMessage("Invalid options for assert: fail_message");
  }

  @Test
  void pauseWaitsTheGivenSeconds() {
    long t0 = System.nanoTime();
    Map<String, Object> result = run("pause", Map.of("seconds", "0.3"));
    assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(300_000_000L);
    assertThat(result)
        .containsEntry("changed", false)
        .containsEntry("delta", 0L)
        .containsEntry("user_input", "")
        .containsEntry("echo", true)
        .containsKeys("start", "stop");
    assertThat((String) result.get("stdout")).matches("Paused for 0\\.[3-9]\\d? seconds");
  }

  @Test
  void pauseWithOnlyAPromptReturnsAtOnceWithoutATerminal() {
    long t0 = System.nanoTime();
    Map<String, Object> result = run("pause", Map.of("prompt", "Press enter", "echo", "no"));
    assertThat(System.nanoTime() - t0).isLessThan(5_000_000_000L);
    assertThat(result).containsEntry("stdout", "Paused for 0.0 minutes").containsEntry("echo", false);
  }

  @Test
  void pauseRefusesANonNumber() {
    assertThatThrownBy(() -> run("pause", Map.of("seconds", "soon")))
        .hasMessageStartingWith("non-integer value given for prompt duration:");
  }
}
