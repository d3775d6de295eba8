package io.tightbeam.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceExcerptTest {
  @TempDir Path dir;

  @Test
  void syntaxErrorRendersLikeAnsibleWithPreviousLineAndCaret() throws Exception {
    Path file = dir.resolve("bad.yml");
    Files.writeString(file, "- hosts: all\n  tasks:\n  - name: x\n    command: y\n     bad: z\n");
    InputException e =
        catchThrowableOfType(InputException.class, () -> new YamlLoader().load(file));
    assertThat(SourceExcerpt.render(e.diagnostics().get(0)))
        .isEqualTo(
            // ansible-playbook 2.14 on this file: JSON is tried first; libyaml's wording
            "We were unable to read either as JSON nor YAML, these are the errors we got from each:\n"
                + "JSON: Expecting value: line 1 column 1 (char 0)\n\n"
                + "Syntax Error while loading YAML.\n"
                + "  mapping values are not allowed in this context\n"
                + "\n"
                + "The error appears to be in '"
                + file
                + "': line 5, column 9, but may\n"
                + "be elsewhere in the file depending on the exact syntax problem.\n"
                + "\n"
                + "The offending line appears to be:\n"
                + "\n"
                + "    command: y\n"
                + "     bad: z\n"
                + "        ^ here\n");
  }

  @Test
  void firstLineHasAnEmptyPreviousLine() {
    String text = SourceExcerpt.describe(new Pos("f.yml", 1, 3), List.of("- hosts: all"));
    assertThat(text).endsWith("The offending line appears to be:\n\n\n- hosts: all\n  ^ here\n");
  }

  @Test
  void positionPastTheLastLineShowsTheLastLine() {
    String text = SourceExcerpt.describe(new Pos("f.yml", 9, 1), List.of("a: 1", "b: \"x"));
    assertThat(text).contains("line 9, column 1").contains("\na: 1\nb: \"x\n^ here\n")
        .contains("It seems that there is a value started\nwith a quote"); // a quote left open
  }

  @Test
  void unquotedTemplateOnTheOffendingLineAddsTheMissingQuotesHint() {
    String hinted =
        SourceExcerpt.describe(
            new Pos("f.yml", 2, 13), List.of("- name: x", "  command: {{ foo }}"));
    // ansible-playbook 2.14 hints at "command: \"{{ nope }}\"" too; only a line with both quotings escapes it.
    String quoted =
        SourceExcerpt.describe(
            new Pos("f.yml", 2, 3), List.of("- name: x", "  command: \"{{ foo }}\""));
    String bothQuotings =
        SourceExcerpt.describe(
            new Pos("f.yml", 2, 3), List.of("- name: x", "  command: \"{{ foo }}\" '{{ bar }}'"));
    assertThat(hinted).contains("missing quotes. Always quote template expression brackets");
    assertThat(quoted).contains("missing quotes");
    assertThat(bothQuotings).doesNotContain("missing quotes");
  }

  @Test
  void unreadableFileSaysSo() {
    String text = SourceExcerpt.describe(new Pos(dir.resolve("gone.yml").toString(), 2, 1));
    assertThat(text).endsWith("syntax problem.\n\n(could not open file to display line)");
  }

  @Test
  void diagnosticWithoutPositionIsJustItsSummary() {
    assertThat(
            SourceExcerpt.render(
                new Diagnostic("the playbook: x.yml could not be found", "", null)))
        .isEqualTo("the playbook: x.yml could not be found");
  }
}
