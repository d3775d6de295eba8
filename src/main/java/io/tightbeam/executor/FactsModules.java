package io.tightbeam.executor;

import io.tightbeam.template.Literal;
import io.tightbeam.template.Templar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The modules {@code gather_facts} runs, as Ansible's {@code FACTS_MODULES} ({@code
 * ansible_facts_modules}, else {@code ANSIBLE_FACTS_MODULES}, else {@code smart}: setup), and how
 * their facts combine: one after another, maps merged deeply, lists appended without the earlier
 * copies of the later items (Ansible's {@code append_rp}).
 */
final class FactsModules {
  private static final List<String> SETUP = List.of("smart", "setup", "ansible.builtin.setup", "ansible.legacy.setup");
  /** setup's own options, which other facts modules are not given. */
  static final List<String> SETUP_ONLY = List.of("gather_subset", "gather_timeout", "filter");

  private FactsModules() {}

  static List<String> of(Templar templar, Map<String, Object> vars, Map<String, String> env) {
    Object raw = vars.get("ansible_facts_modules");
    Object value = raw == null ? null : templar.template(raw instanceof Literal l ? l.value() : raw, vars);
    if (value == null) {
      String text = env.get("ANSIBLE_FACTS_MODULES");
      value = text == null || text.isBlank() ? List.of("smart") : List.of(text.split("\\s*,\\s*"));
    }
    List<String> names = new ArrayList<>();
    for (Object name : value instanceof List<?> l ? l : List.of(value)) {
      names.add(String.valueOf(name).strip());
    }
    return names;
  }

  /** Whether the list asks for setup alone (the usual gathering). */
  static boolean onlySetup(List<String> names) {
    return names.size() == 1 && SETUP.contains(names.get(0));
  }

  static boolean isSetup(String name) {
    return SETUP.contains(name);
  }

  /** {@code later}'s values over {@code earlier}'s: maps merge, lists append (earlier copies dropped). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> combine(Map<String, Object> earlier, Map<String, Object> later) {
    Map<String, Object> out = new LinkedHashMap<>(earlier);
    later.forEach((key, value) -> {
      Object old = out.get(key);
      if (old instanceof Map<?, ?> a && value instanceof Map<?, ?> b) {
        out.put(key, combine((Map<String, Object>) a, (Map<String, Object>) b));
      } else if (old instanceof List<?> a && value instanceof List<?> b) {
        List<Object> merged = new ArrayList<>();
        a.stream().filter(x -> !b.contains(x)).forEach(merged::add);
        merged.addAll(b);
        out.put(key, merged);
      } else {
        out.put(key, value);
      }
    });
    return out;
  }
}
