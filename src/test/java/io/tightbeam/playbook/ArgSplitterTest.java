package io.tightbeam.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgSplitterTest {
  @Test
  void splitKeepsQuotesAndTemplatesTogether() {
    assertThat(ArgSplitter.split("echo \"a  b\" {{ x | default('y z') }} c='d e'"))
        .containsExactly("echo", "\"a  b\"", "{{ x | default('y z') }}", "c='d e'");
  }

  @Test
  void splitKeepsSpacesAndNewlinesAsAnsibleDoes() {
    // ansible-playbook 2.14: shell: "echo a   b\necho c\n" reports that cmd unchanged
    assertThat(ArgSplitter.split("echo a   b\necho c\n"))
        .containsExactly("echo", "a  ", "b\n", "echo", "c\n");
    assertThat(ArgSplitter.join(ArgSplitter.split("echo a   b\necho c\n")))
        .isEqualTo("echo a   b\necho c\n");
    // a lone backslash word continues the line: dropped with its newline
    assertThat(ArgSplitter.join(ArgSplitter.split("echo a \\\n\"b c\" \\\n| cat\n")))
        .isEqualTo("echo a \"b c\" | cat\n");
  }

  @Test
  void unbalancedQuoteOrTemplateIsAnError() {
    assertThatThrownBy(() -> ArgSplitter.split("echo \"open"))
        .hasMessage(
            "failed at splitting arguments, either an unbalanced jinja2 block or quotes: echo"
                + " \"open");
    assertThatThrownBy(() -> ArgSplitter.split("echo {{ x"))
        .hasMessageStartingWith("failed at splitting arguments");
  }

  @Test
  void keyValuesAreUnquotedAndOtherWordsBecomeRawParams() {
    assertThat(ArgSplitter.parseKeyValues("src=/a dest='/b c' mode=\"0644\" extra", false))
        .containsExactly(
            Map.entry("src", "/a"),
            Map.entry("dest", "/b c"),
            Map.entry("mode", "0644"),
            Map.entry("_raw_params", "extra"));
  }

  @Test
  void freeFormKeepsUnknownKeyValuesInTheCommandLine() {
    assertThat(
            ArgSplitter.parseKeyValues(
                "chdir=/tmp creates=/x echo FOO=bar \"quoted  text\" removes='/y z'", true))
        .containsExactly(
            Map.entry("chdir", "/tmp"),
            Map.entry("creates", "/x"),
            Map.entry("removes", "/y z"),
            Map.entry("_raw_params", "echo FOO=bar \"quoted  text\""));
  }

  @Test
  void escapesAreDecodedInValuesAndEscapedEqualsIsNoSeparator() {
    assertThat(ArgSplitter.parseKeyValues("msg='a\\nb' a\\=b", false))
        .containsExactly(Map.entry("msg", "a\nb"), Map.entry("_raw_params", "a=b"));
  }

  @Test
  void octalLookingEscapesStayForRegexpBackreferences() {
    // ansible-playbook 2.14: debug msg='\1|\012|\x41|\N{LATIN SMALL LETTER A}|\xZZ|\q|\\|\u00e9'
    assertThat(ArgSplitter.parseKeyValues(
            "msg='\\1|\\012|\\x41|\\N{LATIN SMALL LETTER A}|\\xZZ|\\q|\\\\|\\u00e9'", false))
        .containsExactly(Map.entry("msg", "\\1|\\012|A|a|\\xZZ|\\q|\\|\u00e9"));
  }

  @Test
  void unquoteLeavesUnmatchedOrEscapedQuotes() {
    assertThat(ArgSplitter.unquote("'a'")).isEqualTo("a");
    assertThat(ArgSplitter.unquote("'a\"")).isEqualTo("'a\"");
    assertThat(ArgSplitter.unquote("\"a\\\"")).isEqualTo("\"a\\\"");
    assertThat(ArgSplitter.unquote("'")).isEqualTo("'");
  }
}
