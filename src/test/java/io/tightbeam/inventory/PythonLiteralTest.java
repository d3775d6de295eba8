package io.tightbeam.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonLiteralTest {
  @Test
  void numbers() {
    assertThat(PythonLiteral.eval("42")).isEqualTo(42);
    assertThat(PythonLiteral.eval("-3")).isEqualTo(-3);
    assertThat(PythonLiteral.eval("1_000")).isEqualTo(1000);
    assertThat(PythonLiteral.eval("0x1F")).isEqualTo(31);
    assertThat(PythonLiteral.eval("0o17")).isEqualTo(15);
    assertThat(PythonLiteral.eval("3000000000")).isEqualTo(3000000000L);
    assertThat(PythonLiteral.eval("99999999999999999999")).isEqualTo(new BigInteger("99999999999999999999"));
    assertThat(PythonLiteral.eval("2.5")).isEqualTo(2.5);
    assertThat(PythonLiteral.eval("1e3")).isEqualTo(1000.0);
  }

  @Test
  void notNumbersStayStrings() {
    assertThat(PythonLiteral.eval("0755")).isEqualTo("0755");
    assertThat(PythonLiteral.eval("10.0.0.1")).isEqualTo("10.0.0.1");
    assertThat(PythonLiteral.eval("1.2.3")).isEqualTo("1.2.3");
    assertThat(PythonLiteral.eval("12abc")).isEqualTo("12abc");
    assertThat(PythonLiteral.eval("")).isEqualTo("");
  }

  @Test
  void constantsAreCaseSensitive() {
    assertThat(PythonLiteral.eval("True")).isEqualTo(true);
    assertThat(PythonLiteral.eval("False")).isEqualTo(false);
    assertThat(PythonLiteral.eval("None")).isNull();
    assertThat(PythonLiteral.eval("true")).isEqualTo("true");
    assertThat(PythonLiteral.eval("yes")).isEqualTo("yes");
  }

  @Test
  void quotedStringsLoseQuotesAndKeepEscapes() {
    assertThat(PythonLiteral.eval("'a b'")).isEqualTo("a b");
    assertThat(PythonLiteral.eval("\"it's\"")).isEqualTo("it's");
    assertThat(PythonLiteral.eval("'a\\nb'")).isEqualTo("a\nb");
    assertThat(PythonLiteral.eval("'a' 'b'")).isEqualTo("ab");
    assertThat(PythonLiteral.eval("'open")).isEqualTo("'open");
  }

  @Test
  void containers() {
    assertThat(PythonLiteral.eval("[1, 'two', [3]]")).isEqualTo(List.of(1, "two", List.of(3)));
    assertThat(PythonLiteral.eval("(1, 2)")).isEqualTo(List.of(1, 2));
    assertThat(PythonLiteral.eval("1, 2")).isEqualTo(List.of(1, 2));
    assertThat(PythonLiteral.eval("(7)")).isEqualTo(7);
    assertThat(PythonLiteral.eval("{'a': 1, 'b': [True, None]}"))
        .isEqualTo(Map.of("a", 1, "b", Arrays.asList(true, null)));
    assertThat(PythonLiteral.eval("[]")).isEqualTo(List.of());
    assertThat(PythonLiteral.eval("{}")).isEqualTo(Map.of());
    assertThat(PythonLiteral.eval("[1, 2")).isEqualTo("[1, 2");
    assertThat(PythonLiteral.eval("{a: 1}")).isEqualTo("{a: 1}");
  }

  @Test
  void leadingBlanksAreIgnoredButTextAfterAValueIsNot() {
    assertThat(PythonLiteral.eval("  5")).isEqualTo(5);
    assertThat(PythonLiteral.eval("5 apples")).isEqualTo("5 apples");
  }
}
