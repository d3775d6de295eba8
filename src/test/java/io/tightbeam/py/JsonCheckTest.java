package io.tightbeam.py;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonCheckTest {
  // each message is what python3.11's json.loads raised for the same text on this machine
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{ }}|Extra data: line 1 column 4 (char 3)",
      "a: 1|Expecting value: line 1 column 1 (char 0)",
      "{\"a\": 1,}|Expecting property name enclosed in double quotes: line 1 column 9 (char 8)",
      "{\"a\":1,\"b\"}|Expecting ':' delimiter: line 1 column 11 (char 10)",
      "[1, 2|Expecting ',' delimiter: line 1 column 6 (char 5)",
      "[1 2]|Expecting ',' delimiter: line 1 column 4 (char 3)",
      "{\"a\" 1}|Expecting ':' delimiter: line 1 column 6 (char 5)",
      "{\"a\": }|Expecting value: line 1 column 7 (char 6)",
      "\"abc|Unterminated string starting at: line 1 column 1 (char 0)",
      "\"a\\qb\"|Invalid \\escape: line 1 column 3 (char 2)",
      "\"a\\u12g4\"|Invalid \\uXXXX escape: line 1 column 4 (char 3)",
      "{'a': 1}|Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
      "01|Extra data: line 1 column 2 (char 1)",
      "1.|Extra data: line 1 column 2 (char 1)",
      "-|Expecting value: line 1 column 1 (char 0)",
      "{\"a\": [1, {\"b\": tru}]}|Expecting value: line 1 column 17 (char 16)",
      "[1,]|Expecting value: line 1 column 4 (char 3)",
      "\"tab\there\"|Invalid control character at: line 1 column 5 (char 4)",
      "`[1,\n\n 2 3]`|Expecting ',' delimiter: line 3 column 4 (char 8)",
  })
  void givesPythonsMessage(String text, String message) {
    assertThat(JsonCheck.error(text.replace("\\t", "\t"))).isEqualTo(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{\"x\": [1, -2.5e3, true, null, \"\\u00e9\\n\"]}", "` [] `", "NaN", "-Infinity", "\"a\""})
  void acceptsJson(String text) {
    assertThat(JsonCheck.error(text)).isNull();
  }
}
