package io.tightbeam.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiltersTest {
  private final Templar templar = new Templar();

  private Object t(String template, Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return templar.template(template, m);
  }

  @Test
  void batchIsJinja2Exact() {
    assertThat(t("{{ sleep_durations | batch(2) | list }}", "sleep_durations", List.of(1, 2, 3, 4, 5)))
        .isEqualTo(List.of(List.of(1, 2), List.of(3, 4), List.of(5)));
    assertThat(t("{{ [1, 2, 3] | batch(2, 0) | list }}")).isEqualTo(List.of(List.of(1, 2), List.of(3, 0)));
  }

  @Test
  void typeFilters() {
    assertThat(t("{{ 'yes' | bool }}")).isEqualTo(true);
    assertThat(t("{{ 'off' | bool }}")).isEqualTo(false);
    assertThat(t("{{ 1 | bool }}")).isEqualTo(true);
    assertThat(t("{{ '42' | int }}")).isEqualTo(42);
    assertThat(t("{{ '4.7' | int }}")).isEqualTo(4);
    assertThat(t("{{ 'x' | int }}")).isEqualTo(0);
    assertThat(t("{{ '1.5' | float }}")).isEqualTo(1.5);
    assertThat(t("{{ [1, 'a'] | string }}")).isEqualTo("[1, 'a']");
    assertThat(t("{{ 'ab' | list }}")).isEqualTo(List.of("a", "b"));
    assertThat(t("{{ x | type_debug }}", "x", Map.of())).isEqualTo("dict");
    assertThat(t("{{ 'a' | type_debug }}")).isEqualTo("str");
  }

  @Test
  void sequenceFilters() {
    List<Integer> xs = List.of(3, 1, 2, 3);
    assertThat(t("{{ xs | length }}", "xs", xs)).isEqualTo(4);
    assertThat(t("{{ xs | count }}", "xs", xs)).isEqualTo(4);
    assertThat(t("{{ xs | first }}", "xs", xs)).isEqualTo(3);
    assertThat(t("{{ xs | last }}", "xs", xs)).isEqualTo(3);
    assertThat(t("{{ xs | join(',') }}", "xs", xs)).isEqualTo("3,1,2,3");
    assertThat(t("{{ [true, none] | join('-') }}")).isEqualTo("True-None");
    assertThat(t("{{ xs | unique }}", "xs", xs)).isEqualTo(List.of(3, 1, 2));
    assertThat(t("{{ [1, 2] | union([2, 3]) }}")).isEqualTo(List.of(1, 2, 3));
    assertThat(t("{{ [1, 2, 3] | difference([2]) }}")).isEqualTo(List.of(1, 3));
    assertThat(t("{{ [1, 2, 3] | intersect([3, 2, 9]) }}")).isEqualTo(List.of(2, 3));
    assertThat(t("{{ [1, [2, [3]]] | flatten }}")).isEqualTo(List.of(1, 2, 3));
    assertThat(t("{{ [1, [2, [3]]] | flatten(levels=1) }}")).isEqualTo(List.of(1, 2, List.of(3)));
    assertThat(t("{{ xs | sort }}", "xs", xs)).isEqualTo(List.of(1, 2, 3, 3));
    assertThat(t("{{ xs | sort(reverse=true) }}", "xs", xs)).isEqualTo(List.of(3, 3, 2, 1));
    assertThat(t("{{ xs | min }}", "xs", xs)).isEqualTo(1);
    assertThat(t("{{ xs | max }}", "xs", xs)).isEqualTo(3);
    assertThat(t("{{ xs | sum }}", "xs", xs)).isEqualTo(9);
    assertThat(t("{{ [1.5, 1] | sum }}")).isEqualTo(2.5);
    assertThat(t("{{ [1, 2] | zip(['a', 'b']) | list }}")).isEqualTo(List.of(List.of(1, "a"), List.of(2, "b")));
  }

  @Test
  void attributeFormsOfMapSortSelect() {
    List<Map<String, Object>> users = List.of(
        Map.of("name", "bob", "uid", 2, "finished", 0), Map.of("name", "alice", "uid", 1, "finished", 1));
    assertThat(t("{{ users | map(attribute='name') | list }}", "users", users)).isEqualTo(List.of("bob", "alice"));
    assertThat(t("{{ ['1', '2'] | map('int') | list }}")).isEqualTo(List.of(1, 2));
    assertThat(t("{{ users | sort(attribute='uid') | map(attribute='name') | list }}", "users", users))
        .isEqualTo(List.of("alice", "bob"));
    assertThat(t("{{ users | selectattr('finished') | list | length }}", "users", users)).isEqualTo(1);
    assertThat(t("{{ users | rejectattr('finished') | map(attribute='name') | list }}", "users", users))
        .isEqualTo(List.of("bob"));
    assertThat(t("{{ users | selectattr('uid', 'equalto', 1) | map(attribute='name') | first }}", "users", users))
        .isEqualTo("alice");
    assertThat(t("{{ [1, 2, 3, 4] | select('odd') | list }}")).isEqualTo(List.of(1, 3));
    assertThat(t("{{ [1, 2, 3, 4] | reject('odd') | list }}")).isEqualTo(List.of(2, 4));
    assertThat(t("{{ users | min(attribute='uid') }}", "users", users)).isEqualTo(users.get(1));
    assertThat(t("{{ users | sum(attribute='uid') }}", "users", users)).isEqualTo(3);
  }

  @Test
  void dictFilters() {
    assertThat(t("{{ {'a': {'x': 1}, 'l': [1]} | combine({'a': {'y': 2}, 'l': [2]}) }}"))
        .isEqualTo(Map.of("a", Map.of("y", 2), "l", List.of(2)));
    assertThat(t("{{ {'a': {'x': 1}} | combine({'a': {'y': 2}}, recursive=true) }}"))
        .isEqualTo(Map.of("a", Map.of("x", 1, "y", 2)));
    assertThat(t("{{ {'l': [1]} | combine({'l': [2]}, list_merge='append') }}"))
        .isEqualTo(Map.of("l", List.of(1, 2)));
    assertThat(t("{{ {'a': 1} | dict2items }}")).isEqualTo(List.of(Map.of("key", "a", "value", 1)));
    assertThat(t("{{ [{'key': 'a', 'value': 1}] | items2dict }}")).isEqualTo(Map.of("a", 1));
    assertThat(t("{{ [['a', 1]] | dict }}")).isEqualTo(Map.of("a", 1));
    assertThat(t("{{ d.items() | list }}", "d", Map.of("a", 1))).isEqualTo(List.of(List.of("a", 1)));
  }

  @Test
  void serialisationFilters() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("b", List.of(1, true));
    d.put("a", null);
    assertThat(t("{{ d | to_json }}", "d", d)).isEqualTo("{\"b\": [1, true], \"a\": null}");
    assertThat(t("{{ d | to_nice_json }}", "d", d))
        .isEqualTo("{\n    \"a\": null,\n    \"b\": [\n        1,\n        true\n    ]\n}");
    assertThat(t("{{ '{\"a\": [1, 2]}' | from_json }}")).isEqualTo(Map.of("a", List.of(1, 2)));
    assertThat(t("{{ {'a': [1, 2]} | to_yaml }}")).isEqualTo("a: [1, 2]\n");
    assertThat(t("{{ {'a': [1, 2]} | to_nice_yaml }}")).isEqualTo("a:\n- 1\n- 2\n");
    assertThat(t("{{ 'a: [1, yes]' | from_yaml }}")).isEqualTo(Map.of("a", List.of(1, true)));
  }

  @Test
  void regexFilters() {
    assertThat(t("{{ 'ansible-2.14' | regex_replace('^(\\\\w+)-(.*)$', '\\\\2 \\\\1') }}")).isEqualTo("2.14 ansible");
    assertThat(t("{{ 'abc123' | regex_search('[0-9]+') }}")).isEqualTo("123");
    assertThat(t("{{ 'abc' | regex_search('[0-9]+') }}")).isNull();
    assertThat(t("{{ 'k=v' | regex_search('(\\\\w)=(\\\\w)', '\\\\2') }}")).isEqualTo(List.of("v"));
    assertThat(t("{{ 'a1b22' | regex_findall('[0-9]+') }}")).isEqualTo(List.of("1", "22"));
    assertThat(t("{{ 'ABC' | regex_replace('b', 'x', ignorecase=true) }}")).isEqualTo("AxC");
  }

  @Test
  void stringFilters() {
    assertThat(t("{{ 'a-b-c' | replace('-', '+') }}")).isEqualTo("a+b+c");
    assertThat(t("{{ 'Ab' | lower }}{{ 'Ab' | upper }}")).isEqualTo("abAB");
    assertThat(t("{{ '  x ' | trim }}")).isEqualTo("x");
    assertThat(t("{{ 'a,b,c' | split(',') }}")).isEqualTo(List.of("a", "b", "c"));
    assertThat(t("{{ ' a  b ' | split }}")).isEqualTo(List.of("a", "b"));
    assertThat(t("{{ '/etc/hosts' | basename }}")).isEqualTo("hosts");
    assertThat(t("{{ '/etc/hosts' | dirname }}")).isEqualTo("/etc");
    assertThat(t("{{ \"it's\" | quote }}")).isEqualTo("'it'\"'\"'s'");
    assertThat(t("{{ 'safe/path' | quote }}")).isEqualTo("safe/path");
    assertThat(t("{{ 'hi' | b64encode }}")).isEqualTo("aGk=");
    assertThat(t("{{ 'aGk=' | b64decode }}")).isEqualTo("hi");
    assertThat(t("{{ 'hi' | hash('sha1') }}")).isEqualTo("c22b5f9178342609428d6f51b2c5af4c0bde6a42");
    assertThat(t("{{ 'hi' | hash('md5') }}")).isEqualTo("49f68a5c8493ec2c0bf489821c21fc3b");
    assertThat(t("{{ 'hi' | hash('sha256') }}"))
        .isEqualTo("8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4");
    assertThat(t("{{ 'hi' | checksum }}")).isEqualTo("c22b5f9178342609428d6f51b2c5af4c0bde6a42");
    assertThat(t("{{ 'a,b'.split(',') }}")).isEqualTo(List.of("a", "b"));
    assertThat(t("{{ 'ab'.upper() }}{{ 'ab'.startswith('a') }}")).isEqualTo("ABTrue");
    assertThat(t("{{ 'abc'[0] }}")).isEqualTo("a");
  }

  @Test
  void controlFilters() {
    assertThat(t("{{ (1 == 1) | ternary('y', 'n') }}")).isEqualTo("y");
    assertThat(t("{{ 0 | ternary('y', 'n') }}")).isEqualTo("n");
    assertThat(t("{{ x | mandatory }}", "x", 1)).isEqualTo(1);
    assertThatThrownBy(() -> t("{{ nope | mandatory }}")).hasMessage("Mandatory variable 'nope' not defined.");
    assertThat(t("{{ [5, 6] | random }}")).isIn(5, 6);
    assertThat(t("{{ 3 | random }}")).isIn(0, 1, 2);
    assertThat(t("{{ range(3) | list }}")).isEqualTo(List.of(0, 1, 2));
    assertThat(t("{{ range(1, 7, 2) | list }}")).isEqualTo(List.of(1, 3, 5));
  }
}
