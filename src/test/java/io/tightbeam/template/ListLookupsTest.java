package io.tightbeam.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tightbeam.py.Py;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The list-shaping lookups and sequence; expected values recorded from ansible 2.14. */
class ListLookupsTest {
  private final LookupEnv env = new LookupEnv();

  private String query(String name, Object... terms) {
    return queryWith(name, Map.of(), terms);
  }

  private String queryWith(String name, Map<String, Object> options, Object... terms) {
    Catalogue.Lookup lookup = Catalogue.builtin().lookup(name);
    assertThat(lookup).as(name).isNotNull();
    return Py.repr(lookup.body().run(new ArrayList<>(Arrays.asList(terms)), options, env));
  }

  private static Map<Object, Object> map(Object... kv) {
    Map<Object, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void itemsListDictIndexed() {
    assertThat(query("items", 1, List.of(2, 3), List.of(List.of(4)))).isEqualTo("[1, 2, 3, [4]]");
    assertThat(query("items", "abc")).isEqualTo("['abc']");
    assertThat(query("list", 1, List.of(2, 3))).isEqualTo("[1, [2, 3]]");
    assertThat(query("dict", map("a", List.of(2), "b", 1)))
        .isEqualTo("[{'key': 'a', 'value': [2]}, {'key': 'b', 'value': 1}]");
    assertThat(query("dict", map("k", "v"), map("x", null)))
        .isEqualTo("[{'key': 'k', 'value': 'v'}, {'key': 'x', 'value': None}]");
    assertThatThrownBy(() -> query("dict", "abc")).hasMessage("with_dict expects a dict");
    assertThat(query("indexed_items", List.of("a", "b"), "c", List.of(List.of("d"))))
        .isEqualTo("[(0, 'a'), (1, 'b'), (2, 'c'), (3, ['d'])]");
    assertThat(query("ansible.builtin.indexed_items")).isEqualTo("[]");
  }

  @Test
  void nestedAndTogether() {
    assertThat(query("nested", List.of(1, 2), List.of("a", "b")))
        .isEqualTo("[[1, 'a'], [1, 'b'], [2, 'a'], [2, 'b']]");
    assertThat(query("nested", List.of(1, 2), List.of("a"), List.of("x", "y")))
        .isEqualTo("[[1, 'a', 'x'], [1, 'a', 'y'], [2, 'a', 'x'], [2, 'a', 'y']]");
    assertThat(query("nested", List.of(List.of(1, 2), List.of(3)), List.of("a")))
        .isEqualTo("[[1, 2, 'a'], [3, 'a']]");
    assertThat(query("nested", List.of("ab", "c"))).isEqualTo("[['a', 'b'], ['c']]");
    assertThat(query("nested", "abc", List.of(1))).isEqualTo("[['abc', 1]]");
    assertThat(query("nested", List.of(1), List.of())).isEqualTo("[]");
    assertThatThrownBy(() -> query("nested"))
        .hasMessage("with_nested requires at least one element in the nested list");
    assertThat(query("together", List.of(1, 2, 3), List.of("a", "b")))
        .isEqualTo("[[1, 'a'], [2, 'b'], [3, None]]");
    assertThat(query("together", List.of(1, List.of(2)), List.of(List.of(3), 4)))
        .isEqualTo("[[1, 3], [2, 4]]");
    assertThat(query("together", "ab", List.of(1))).isEqualTo("[['ab', 1]]");
    assertThatThrownBy(() -> query("together"))
        .hasMessage("with_together requires at least one element in each list");
  }

  private static List<Object> users() {
    return List.of(
        map("mysql", map("hosts", List.of("%", "localhost")), "name", "alice",
            "keys", List.of("a1", "a2")),
        map("mysql", map("hosts", List.of("db1")), "name", "bob", "keys", List.of("b1")),
        map("mysql", map("hosts", List.of()), "name", "carol"));
  }

  @Test
  void subelementsTakesTheListOutOfEachItem() {
    assertThat(query("subelements", users(), "keys", map("skip_missing", true))).isEqualTo(
        "[({'mysql': {'hosts': ['%', 'localhost']}, 'name': 'alice'}, 'a1'), "
            + "({'mysql': {'hosts': ['%', 'localhost']}, 'name': 'alice'}, 'a2'), "
            + "({'mysql': {'hosts': ['db1']}, 'name': 'bob'}, 'b1')]");
    assertThat(query("subelements", users(), "mysql.hosts")).isEqualTo(
        "[({'mysql': {}, 'name': 'alice', 'keys': ['a1', 'a2']}, '%'), "
            + "({'mysql': {}, 'name': 'alice', 'keys': ['a1', 'a2']}, 'localhost'), "
            + "({'mysql': {}, 'name': 'bob', 'keys': ['b1']}, 'db1')]");
    assertThat(query("subelements", List.of(map("x", List.of(1), "skipped", true),
        map("x", List.of(2), "skipped", false)), "x")).isEqualTo("[({'skipped': False}, 2)]");
    assertThat(query("subelements", List.of(map("x", List.of(1))), "x",
        map("skip_missing", "yes"))).isEqualTo("[({}, 1)]");
    assertThat(query("subelements", map("a", users().get(1)), "keys"))
        .isEqualTo("[({'mysql': {'hosts': ['db1']}, 'name': 'bob'}, 'b1')]");
  }

  @Test
  void subelementsErrors() {
    assertThatThrownBy(() -> query("subelements", users(), "keys")).hasMessage(
        "could not find 'keys' key in iterated item '{'mysql': {'hosts': []}, 'name': 'carol'}'");
    assertThatThrownBy(() -> query("subelements", users(), "name"))
        .hasMessage("the key name should point to a list, got 'alice'");
    assertThatThrownBy(() -> query("subelements", users(), "mysql.hosts.x"))
        .hasMessage("the key hosts should point to a dictionary, got '['%', 'localhost']'");
    assertThatThrownBy(() -> query("subelements", List.of(1), "x"))
        .hasMessage("subelements lookup expects a dictionary, got '1'");
    assertThatThrownBy(() -> query("subelements", List.of(map("x", List.of(1)))))
        .hasMessage("subelements lookup expects a list of two or three items, ");
    assertThatThrownBy(() -> query("subelements", List.of(map("x", List.of(1))), 5))
        .hasMessage("subelements lookup expects a list of two or three items, first a dict or a "
            + "list, second a string pointing to the subkey");
    assertThatThrownBy(() -> query("subelements", List.of(map("x", List.of(1))), "x", "bad"))
        .hasMessage("subelements lookup expects a list of two or three items, the optional third "
            + "item must be a dict with flags skip_missing");
  }

  @Test
  void randomChoice() {
    assertThat(query("random_choice", "a")).isEqualTo("['a']");
    assertThat(query("random_choice")).isEqualTo("[]");
    assertThat(query("random_choice", "x", "x")).isEqualTo("['x']");
    assertThat(query("random_choice", "a", "b", "c")).isIn("['a']", "['b']", "['c']");
  }

  @Test
  void sequenceForms() {
    assertThat(query("sequence", "start=0 end=3")).isEqualTo("['0', '1', '2', '3']");
    assertThat(query("sequence", "start=3 end=0 stride=-1")).isEqualTo("['3', '2', '1', '0']");
    assertThat(query("sequence", "count=0")).isEqualTo("[]");
    assertThat(query("sequence", "start=1 end=1")).isEqualTo("['1']");
    assertThat(query("sequence", "count=3")).isEqualTo("['1', '2', '3']");
    assertThat(query("sequence", "start=5 count=3 stride=2")).isEqualTo("['5', '7', '9']");
    assertThat(query("sequence", "4")).isEqualTo("['1', '2', '3', '4']");
    assertThat(query("sequence", "2-6/2")).isEqualTo("['2', '4', '6']");
    assertThat(query("sequence", "7-8:host%02d")).isEqualTo("['host07', 'host08']");
    assertThat(query("sequence", "0x0a-0x0c")).isEqualTo("['10', '11', '12']");
    assertThat(query("sequence", "end=0x10 start=0xe")).isEqualTo("['14', '15', '16']");
    assertThat(query("sequence", "start=1 end=2", "start=5 end=6"))
        .isEqualTo("['1', '2', '5', '6']");
    assertThat(query("sequence", "start=0 end=4 stride=0")).isEqualTo("[]");
  }

  @Test
  void sequenceFormats() {
    assertThat(query("sequence", "start=1 end=3 format=testuser%02x"))
        .isEqualTo("['testuser01', 'testuser02', 'testuser03']");
    assertThat(query("sequence", "start=10 end=12 format=%x")).isEqualTo("['a', 'b', 'c']");
    assertThat(query("sequence", "start=1 end=2 format=%5.1f")).isEqualTo("['  1.0', '  2.0']");
    assertThat(query("sequence", "start=1 end=2 format=a%sb")).isEqualTo("['a1b', 'a2b']");
    assertThat(query("sequence", "start=8 end=9 format=%o")).isEqualTo("['10', '11']");
    assertThat(query("sequence", "start=1 end=2 format=%-3d|")).isEqualTo("['1  |', '2  |']");
    assertThat(query("sequence", "start=65 end=66 format=%c")).isEqualTo("['A', 'B']");
    assertThat(query("sequence", "start=-2 end=2 format=%03d"))
        .isEqualTo("['-02', '-01', '000', '001', '002']");
    assertThat(query("sequence", "start=-1 end=1 format=%x")).isEqualTo("['-1', '0', '1']");
  }

  @Test
  void sequenceErrors() {
    assertThatThrownBy(() -> query("sequence", "start=0 junk=3"))
        .hasMessage("unrecognized arguments to with_sequence: ['junk']");
    assertThatThrownBy(() -> query("sequence", "start=0 end=3 junk"))
        .hasMessage("unrecognized arguments to with_sequence: ['_raw_params']");
    assertThatThrownBy(() -> query("sequence", "start=A end=3"))
        .hasMessage("can't parse start=A as integer");
    assertThatThrownBy(() -> query("sequence", "A-4/2")).hasMessage("can't parse start=A as integer");
    assertThatThrownBy(() -> query("sequence", "1-B/2")).hasMessage("can't parse end=B as integer");
    assertThatThrownBy(() -> query("sequence", "1-4/C"))
        .hasMessage("can't parse stride=C as integer");
    assertThatThrownBy(() -> query("sequence", "start=1"))
        .hasMessage("must specify count or end in with_sequence");
    assertThatThrownBy(() -> query("sequence", "start=1 end=4 count=2"))
        .hasMessage("can't specify both count and end in with_sequence");
    assertThatThrownBy(() -> query("sequence", "start=4 end=1 stride=2"))
        .hasMessage("to count backwards make stride negative");
    assertThatThrownBy(() -> query("sequence", "start=1 end=4 stride=-2"))
        .hasMessage("to count forward don't make stride negative");
    assertThatThrownBy(() -> query("sequence", "start=1 end=4 format=d"))
        .hasMessage("bad formatting string: d");
    assertThatThrownBy(() -> query("sequence", "start=010 end=12"))
        .hasMessage("can't parse start=010 as integer");
    assertThatThrownBy(() -> query("sequence", "start=1 end=2 format=%d%%"))
        .hasMessage("bad formatting string: %d%%");
  }
}
