package io.tightbeam.jobs.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What started an async job: the playbook file (null for an ad hoc command), play, task, loop
 * item (as JSON text, or null outside a loop), module and its arguments as JSON text (a JSON
 * string saying they are hidden under no_log).
 */
public record JobOrigin(
    String playbook, String play, String task, String item, String module, String args) {

  /** What the registry keeps of a value hidden by no_log. */
  public static final String CENSORED = "\"the value has been hidden due to no_log: true\"";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * {@code value} as JSON text: maps, lists, strings, numbers, booleans and null as themselves,
   * anything else (a vaulted value, a tuple) as its string form.
   */
  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(plain(value));
    } catch (JsonProcessingException e) {
      return "\"" + value + "\"";
    }
  }

  private static Object plain(Object v) {
    if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
      return out;
    }
    if (v instanceof Collection<?> c) {
      return c.stream().map(JobOrigin::plain).toList();
    }
    if (v instanceof Object[] a) {
      return plain(java.util.Arrays.asList(a));
    }
    return String.valueOf(v);
  }
}
