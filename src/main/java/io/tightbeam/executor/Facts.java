package io.tightbeam.executor;

import io.tightbeam.template.Literal;
import java.util.List;
import java.util.Map;

/** Where a result's {@code ansible_facts} go: host facts (setup, modules) or set facts (set_fact, include_vars). */
final class Facts {
  private Facts() {}

  static void apply(String action, Map<String, Object> result, HostState h) {
    if (result.get("results") instanceof List<?> items) {
      for (Object item : items) {
        if (item instanceof Map<?, ?> m) {
          apply(action, Scope.castMap(m), h);
        }
      }
    }
    // debug's result names what it shows: `debug: var=ansible_facts` sets nothing (Ansible 74060)
    if (!(result.get("ansible_facts") instanceof Map<?, ?> facts) || Results.failed(result)
        || action.equals("debug")) {
      return;
    }
    if (action.equals("setup") || action.equals("gather_facts")) {
      h.factsGathered = true;
    }
    boolean setFact = action.equals("set_fact") || action.equals("include_vars");
    facts.forEach((k, v) -> {
      String key = String.valueOf(k);
      if (action.equals("include_vars")) {
        // a file's values are templated where they are read, as Ansible's are (geerlingguy.apache's
        // Listen line is a template inside a list)
        h.setFacts.put(key, v);
      } else if (setFact) {
        h.setFacts.put(key, new Literal(v));
      } else {
        h.facts.put(key, v);
      }
    });
  }
}
