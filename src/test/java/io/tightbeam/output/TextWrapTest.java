package io.tightbeam.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are what CPython 3.11's textwrap.wrap returned for the same input. */
class TextWrapTest {

  @Test
  void longWordsAreCutAtTheWidth() {
    assertThat(TextWrap.wrap("[WARNING]: " + "x".repeat(100), 79))
        .containsExactly("[WARNING]: " + "x".repeat(68), "x".repeat(32));
  }

  @Test
  void shortTextIsOneLine() {
    assertThat(TextWrap.wrap("[WARNING]: short", 79)).containsExactly("[WARNING]: short");
  }

  @Test
  void tabsExpandAndNewlinesBecomeSpaces() {
    assertThat(TextWrap.wrap("[WARNING]: a\tb\nc  d   e", 10))
        .containsExactly("[WARNING]:", "a    b c", "d   e");
  }

  @Test
  void hyphenatedWordsBreakAfterHyphens() {
    assertThat(TextWrap.wrap("[WARNING]: well-known hyphen-ated words-that-wrap nicely-at-hyphens ok", 20))
        .containsExactly("[WARNING]: well-", "known hyphen-ated", "words-that-wrap", "nicely-at-hyphens ok");
    assertThat(TextWrap.wrap("[WARNING]: " + "a-b-".repeat(30), 79))
        .containsExactly("[WARNING]: " + "a-b-".repeat(17), "a-b-".repeat(13));
  }

  @Test
  void emDashesAndLeadingSpaces() {
    assertThat(TextWrap.wrap("one -- two --three", 8)).containsExactly("one --", "two", "--three");
    assertThat(TextWrap.wrap("  leading spaces kept on first line but dropped later on", 12))
        .containsExactly("  leading", "spaces kept", "on first", "line but", "dropped", "later on");
  }

  @Test
  void keepingWhitespaceLeavesTrailingSpacesAsDeprecationsShowThem() {
    assertThat(TextWrap.wrap("[DEPRECATION WARNING]: The x option is old. This feature will be"
        + " removed from ansible-core in version 2.16. Deprecation warnings can be disabled by"
        + " setting deprecation_warnings=False in ansible.cfg.", 79, false))
        .containsExactly(
            "[DEPRECATION WARNING]: The x option is old. This feature will be removed from ",
            "ansible-core in version 2.16. Deprecation warnings can be disabled by setting ",
            "deprecation_warnings=False in ansible.cfg.");
  }
}
