package io.tightbeam.output;

import static io.tightbeam.output.Console.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected text is what CPython 3.11's json.dumps and str() gave for the same values. */
class PyJsonTest {
  private static final List<Object> NUMBERS =
      new ArrayList<>(Arrays.asList(1, 2.5, 1e-05, 1e16, 123456789.0, 0.1, null, true, Map.of()));
  private static final Map<String, Object> VALUE = map(
      "b", NUMBERS, "a", "é\u0001\"\\/\u007f", "c", List.of(),
      "d", map("z", 1, "y", map("x", List.of())));

  @Test
  void oneLineKeepsNonAsciiAndSortsKeys() {
    assertThat(PyJson.dumps(VALUE, null, false)).isEqualTo(
        "{\"a\": \"é\\u0001\\\"\\\\/\u007f\", \"b\": [1, 2.5, 1e-05, 1e+16, 123456789.0, 0.1, null,"
            + " true, {}], \"c\": [], \"d\": {\"y\": {\"x\": []}, \"z\": 1}}");
  }

  @Test
  void ensureAsciiEscapesEverythingAboveTilde() {
    assertThat(PyJson.dumps(VALUE, null, true)).startsWith(
        "{\"a\": \"\\u00e9\\u0001\\\"\\\\/\\u007f\", ");
  }

  @Test
  void indentFourPutsEachItemOnItsLineAndKeepsEmptyContainersShort() {
    assertThat(PyJson.dumps(map("d", map("z", 1, "y", map("x", List.of())), "c", List.of()), 4, false))
        .isEqualTo("{\n    \"c\": [],\n    \"d\": {\n        \"y\": {\n            \"x\": []\n"
            + "        },\n        \"z\": 1\n    }\n}");
  }

  @Test
  void indentZeroWithoutNewlinesIsOnelinesCommaForm() {
    assertThat(PyJson.dumps(VALUE, 0, true).replace("\n", "")).isEqualTo(
        "{\"a\": \"\\u00e9\\u0001\\\"\\\\/\\u007f\",\"b\": [1,2.5,1e-05,1e+16,123456789.0,0.1,null,"
            + "true,{}],\"c\": [],\"d\": {\"y\": {\"x\": []},\"z\": 1}}");
  }

  @Test
  void pythonStrOfItemLabels() {
    Map<String, Object> label = map("a", "it's", "b", "say \"hi\"",
        "c", Arrays.asList(1.0, null, false), "d", "x\ny", "e", "é");
    assertThat(PyText.str(label))
        .isEqualTo("{'a': \"it's\", 'b': 'say \"hi\"', 'c': [1.0, None, False], 'd': 'x\\ny', 'e': 'é'}");
    assertThat(PyText.str("plain")).isEqualTo("plain");
    assertThat(PyText.str(null)).isEqualTo("None");
  }
}
