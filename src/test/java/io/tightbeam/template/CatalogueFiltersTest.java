package io.tightbeam.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tightbeam.py.PyException;
import io.tightbeam.py.Tuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filter bodies called directly: what the recorded case tables cannot pin down (random
 * salts, unseeded choices, files on disk, values the engine only passes through) and the
 * catalogue's own contract (names, FQCN aliases, undefined handling).
 */
class CatalogueFiltersTest {
  private final FakeEnv env = new FakeEnv(Map.of("greeting", "hi"));

  private Object apply(String name, Object value, Object... args) {
    return Catalogue.builtin().filter(name).body().apply(value, new Args(args, Map.of()), env);
  }

  private Object applyNamed(String name, Object value, Map<String, Object> named) {
    return Catalogue.builtin().filter(name).body().apply(value, new Args(new Object[0], named),
        env);
  }

  @Test
  void everyFilterAlsoAnswersToItsAnsibleBuiltinName() {
    for (String name : List.of("sort", "to_json", "combine", "regex_replace", "default", "ipaddr")) {
      assertThat(Catalogue.builtin().filter(name)).as(name).isNotNull();
    }
    assertThat(Catalogue.builtin().filter("ansible.builtin.combine"))
        .isSameAs(Catalogue.builtin().filter("combine"));
    assertThat(Catalogue.builtin().filter("ansible.utils.ipaddr")).isNotNull();
    // ansible-core 2.14 has ansible.builtin.vault and unvault (filters of the vault package).
    assertThat(Catalogue.builtin().filter("ansible.builtin.vault")).isSameAs(Catalogue.builtin().filter("vault"));
    assertThat(Catalogue.builtin().filter("ansible.builtin.no_such_filter")).isNull();
  }

  @Test
  void onlyDefaultMandatoryAndItemsTakeAnUndefinedValue() {
    assertThat(Catalogue.builtin().filter("default").acceptsUndefined()).isTrue();
    assertThat(Catalogue.builtin().filter("d").acceptsUndefined()).isTrue();
    assertThat(Catalogue.builtin().filter("mandatory").acceptsUndefined()).isTrue();
    assertThat(Catalogue.builtin().filter("upper").acceptsUndefined()).isFalse();
    assertThat(apply("default", Undefined.variable("x"), "fallback")).isEqualTo("fallback");
    assertThatThrownBy(() -> apply("mandatory", Undefined.variable("x")))
        .hasMessage("Mandatory variable 'x'  not defined.");
  }

  @Test
  void mapAndSelectCallOtherFiltersAndTestsThroughTheEnv() {
    assertThat(apply("map", List.of("a", "b"), "upper")).isEqualTo(List.of("A", "B"));
    assertThat(apply("select", List.of(1, 2, 3), "odd")).isEqualTo(List.of(1, 3));
    assertThat(apply("rejectattr", List.of(Map.of("a", 1), Map.of("a", 2)), "a", "equalto", 1))
        .isEqualTo(List.of(Map.of("a", 2)));
    assertThat(applyNamed("map", List.of(Map.of("a", Map.of("b", 5))), Map.of("attribute", "a.b")))
        .isEqualTo(List.of(5));
  }

  @Test
  void passwordHashWithoutASaltMakesAFreshSixteenCharacterOne() {
    String first = (String) apply("password_hash", "secret", "sha512");
    String second = (String) apply("password_hash", "secret", "sha512");
    assertThat(first).matches("\\$6\\$rounds=656000\\$[./0-9A-Za-z]{16}\\$[./0-9A-Za-z]{86}");
    assertThat(first).isNotEqualTo(second);
    assertThat((String) apply("password_hash", "secret", "md5"))
        .matches("\\$1\\$[./0-9A-Za-z]{8}\\$[./0-9A-Za-z]{22}");
  }

  @Test
  void sha512CryptMatchesGlibcForTheKnownVector() {
    // The test vector from Drepper's SHA-crypt specification.
    assertThat(Crypt.sha("Hello world!", "saltstring", 5000, true)).isEqualTo(
        "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEd"
            + "FCoEOfaS35inz1");
  }

  @Test
  void unseededRandomStaysInRangeAndSeededRandomRepeats() {
    for (int i = 0; i < 50; i++) {
      assertThat((Integer) apply("random", 10)).isBetween(0, 9);
    }
    Object a = applyNamed("random", 1000, Map.of("seed", "host1"));
    Object b = applyNamed("random", 1000, Map.of("seed", "host1"));
    assertThat(a).isEqualTo(b);
    List<Object> shuffled = new ArrayList<>((List<?>) apply("shuffle", List.of(1, 2, 3, 4)));
    shuffled.sort(null);
    assertThat(shuffled).containsExactly(1, 2, 3, 4);
  }

  @Test
  void toDatetimeGivesADatetimeWithPythonsAttributesAndText() {
    Object t = apply("to_datetime", "2024-01-02 03:04:05");
    assertThat(t).isInstanceOf(DateTime.class);
    assertThat(((DateTime) t).attribute("year")).isEqualTo(2024);
    assertThat(t.toString()).isEqualTo("2024-01-02 03:04:05");
    assertThatThrownBy(() -> apply("to_datetime", "bad")).isInstanceOf(PyException.class)
        .hasMessage("time data 'bad' does not match format '%Y-%m-%d %H:%M:%S'");
  }

  @Test
  void fileglobListsOnlyMatchingRegularFiles(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.conf"), "");
    Files.writeString(dir.resolve("b.conf"), "");
    Files.writeString(dir.resolve(".hidden.conf"), "");
    Files.createDirectory(dir.resolve("c.conf"));
    assertThat(apply("fileglob", dir + "/*.conf"))
        .isEqualTo(List.of(dir + "/a.conf", dir + "/b.conf"));
    assertThat(apply("fileglob", dir + "/none-*")).isEqualTo(List.of());
  }

  @Test
  void expandvarsLeavesUnknownVariablesAlone() {
    assertThat(PathFilters.expandVars("$A/${B}/$C", Map.of("A", "1", "B", "2")))
        .isEqualTo("1/2/$C");
  }

  @Test
  void groupbyGivesTuplesOfTheKeyAndItsItems() {
    Map<Object, Object> x = new LinkedHashMap<>(Map.of("k", 2));
    Map<Object, Object> y = new LinkedHashMap<>(Map.of("k", 1));
    assertThat(apply("groupby", List.of(x, y), "k"))
        .isEqualTo(List.of(Tuple.of(1, List.of(y)), Tuple.of(2, List.of(x))));
  }

  @Test
  void pythonFormattingCoversTheUsualConversions() {
    assertThat(PercentFormat.format("%s=%05.1f|%-4d|%x", Tuple.of("a", 3.14159, 7, 255)))
        .isEqualTo("a=003.1|7   |ff");
    assertThat(PercentFormat.format("%(n)s", Map.of("n", "v"))).isEqualTo("v");
    assertThatThrownBy(() -> PercentFormat.format("%s %s", Tuple.of("a")))
        .hasMessage("not enough arguments for format string");
  }

  @Test
  void ipv6AddressesPrintInTheirShortestForm() {
    assertThat(IpFilters.v6(IpFilters.parse("2001:0db8:0:0:0:0:2:1").ip()))
        .isEqualTo("2001:db8::2:1");
    assertThat(IpFilters.v6(IpFilters.parse("::").ip())).isEqualTo("::");
    assertThat(IpFilters.parse("10.0.0.1/255.255.0.0").prefix()).isEqualTo(16);
    assertThat(IpFilters.parse("256.1.1.1")).isNull();
  }
}
