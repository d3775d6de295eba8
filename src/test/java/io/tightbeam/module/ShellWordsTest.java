package io.tightbeam.module;

import io.tightbeam.connection.Sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {
  @Test
  void quotesAndBackslashesGroupWordsAsShlexDoes() {
    assertThat(ShellWords.split("  a 'b c'  \"d \\\" \\\\ \\n e\" f\\ g h'i'\"j\" ''"))
        .containsExactly("a", "b c", "d \" \\ \\n e", "f g", "hij", "");
  }

  @Test
  void singleQuotesKeepBackslashes() {
    assertThat(ShellWords.split("'a\\b' \\'")).containsExactly("a\\b", "'");
  }

  @Test
  void blankLineHasNoWords() {
    assertThat(ShellWords.split(" \t\n ")).isEmpty();
  }

  @Test
  void unbalancedInputIsRefusedWithShlexMessages() {
    assertThatThrownBy(() -> ShellWords.split("echo 'a"))
        .isInstanceOf(ModuleArgumentException.class)
        .hasMessage("No closing quotation");
    assertThatThrownBy(() -> ShellWords.split("echo a\\"))
        .isInstanceOf(ModuleArgumentException.class)
        .hasMessage("No escaped character");
  }

  @Test
  void joinedWordsSplitBackToTheSameWords() {
    List<String> words = List.of("a b", "$HOME", "it's", "\"q\"", ";", "", "\\", "x*");
    assertThat(ShellWords.split(Sh.join(words))).isEqualTo(words);
  }
}
