package io.tightbeam.template;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/** Ansible's serialisation filters: to_json, to_nice_json, from_json, to_yaml, from_yaml... */
final class AnsibleDataFilters {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

  private AnsibleDataFilters() {}

  static void register(Catalogue c) {
    c.filter("to_json", (v, a, e) -> json(v, a, -1, false, null));
    c.filter("to_nice_json", (v, a, e) -> json(v, a, 4, true, ","));
    c.filter("from_json", (v, a, e) -> fromJson(v));
    c.filter("to_yaml", (v, a, e) -> yaml(v, a, false, 2));
    c.filter("to_nice_yaml", (v, a, e) -> yaml(v, a, true, 4));
    c.filter("from_yaml", (v, a, e) -> v instanceof String s ? plain(loader().load(s)) : v);
    c.filter("from_yaml_all", (v, a, e) -> {
      if (!(v instanceof String s)) {
        return v;
      }
      List<Object> docs = new ArrayList<>();
      loader().loadAll(s).forEach(d -> docs.add(plain(d)));
      return docs;
    });
  }

  private static String json(Object v, Args a, int indentDefault, boolean sortDefault,
      String itemSep) {
    Object indent = a.get(0, "indent", indentDefault < 0 ? null : indentDefault);
    boolean sort = Items.truth(a.get(1, "sort_keys", sortDefault));
    boolean ascii = Items.truth(a.get(-1, "ensure_ascii", true));
    String sep = itemSep;
    String keySep = null;
    if (a.get(-1, "separators", null) instanceof List<?> seps && seps.size() == 2) {
      sep = Items.str(seps.get(0));
      keySep = Items.str(seps.get(1));
    }
    return new JsonText(indent == null ? -1 : Items.integer(indent), sort, ascii, sep, keySep)
        .write(v);
  }

  private static Object fromJson(Object v) {
    if (!(v instanceof String s)) {
      throw new PyException("the JSON object must be str, bytes or bytearray, not "
          + Py.typeName(v));
    }
    try {
      return Py.normalNumber(normal(JSON.readValue(s, Object.class)));
    } catch (JsonProcessingException ex) {
      String python = io.tightbeam.py.JsonCheck.error(s);
      if (python != null) {
        throw PyException.valueError(python);
      }
      JsonLocation at = ex.getLocation();
      long line = at == null ? 1 : at.getLineNr();
      long column = at == null ? 1 : Math.max(1, at.getColumnNr() - 1);
      long chr = at == null ? 0 : Math.max(0, at.getCharOffset() - 1);
      throw PyException.valueError("Expecting value: line " + line + " column " + column + " (char "
          + chr + ")");
    }
  }

  /** Parsed JSON/YAML values as the catalogue's value types (Integer when it fits). */
  static Object normal(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(normal(k), normal(x)));
      return out;
    } else if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(normal(x)));
      return out;
    } else if (v instanceof Number n) {
      return Py.normalNumber(n);
    }
    return v;
  }

  private static Object plain(Object v) {
    return normal(v);
  }

  private static Yaml loader() {
    return io.tightbeam.py.PyYamlResolver.yaml(new SafeConstructor(new LoaderOptions()), new LoaderOptions());
  }

  private static String yaml(Object v, Args a, boolean nice, int indentDefault) {
    int indent = Items.integer(a.get(nice ? 0 : -1, "indent", indentDefault));
    Object flow = a.get(-1, "default_flow_style", nice ? false : null);
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(flow == null ? DumperOptions.FlowStyle.AUTO
        : Items.truth(flow) ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK);
    options.setIndent(Math.max(2, Math.min(9, indent)));
    options.setAllowUnicode(true);
    options.setWidth(Items.integer(a.get(-1, "width", 80)));
    options.setSplitLines(true);
    boolean sort = Items.truth(a.get(-1, "sort_keys", true));
    return new Yaml(new PyYamlRepresenter(options), options).dump(yamlValue(v, sort));
  }

  /**
   * Strings in PyYAML's styles: SnakeYAML writes multi-line strings as literal blocks, PyYAML
   * as plain or quoted scalars (its representer never asks for a block).
   */
  private static final class PyYamlRepresenter extends Representer {
    PyYamlRepresenter(DumperOptions options) {
      super(options);
      this.representers.put(String.class, data -> {
        String s = (String) data;
        // PyYAML never writes a multi-line string plain; quoted is its first choice.
        boolean multiline = s.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0x85
            || c == 0x2028 || c == 0x2029);
        return representScalar(Tag.STR, s, multiline ? DumperOptions.ScalarStyle.SINGLE_QUOTED
            : DumperOptions.ScalarStyle.PLAIN);
      });
    }
  }

  /** A copy with dict keys sorted as PyYAML's dump does by default, tuples as lists. */
  private static Object yamlValue(Object v, boolean sort) {
    Items.failIfUndefined(v);
    if (v instanceof Map<?, ?> m) {
      List<Object> keys = new ArrayList<>(m.keySet());
      if (sort) {
        keys.sort(Items::compare);
      }
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Object k : keys) {
        out.put(k, yamlValue(m.get(k), sort));
      }
      return out;
    } else if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(yamlValue(x, sort)));
      return out;
    }
    return v;
  }
}
