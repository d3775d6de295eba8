package io.tightbeam.executor;

import io.tightbeam.inventory.HashBehaviour;
import io.tightbeam.template.Literal;
import java.util.List;
import java.util.Map;

/** Where a result's {@code ansible_facts} go: host facts (setup, modules) or set facts (set_fact, include_vars). */
final class Facts {
  private Facts() {}

  /** Returns whether the host's facts changed (for the fact cache). */
  static boolean apply(String action, Map<String, Object> result, HostState h, HashBehaviour hash) {
    boolean changed = false;
    if (result.get("results") instanceof List<?> items) {
      for (Object item : items) {
        if (item instanceof Map<?, ?> m) {
          changed |= apply(action, Scope.castMap(m), h, hash);
        }
      }
    }
    // debug's result names what it shows: `debug: var=ansible_facts` sets nothing (Ansible 74060)
    if (!(result.get("ansible_facts") instanceof Map<?, ?> facts) || Results.failed(result)
        || action.equals("debug")) {
      return changed;
    }
    if (action.equals("setup") || action.equals("gather_facts")) {
      h.factsGathered = true;
    }
    boolean setFact = action.equals("set_fact") || action.equals("include_vars");
    if (setFact && Boolean.TRUE.equals(result.get("_ansible_facts_cacheable"))) {
      // set_fact cacheable=true: a fact for the cache too, and still a set fact
      facts.forEach((k, v) -> h.facts.put(String.valueOf(k), v));
      changed = true;
    }
    changed |= !setFact;
    facts.forEach((k, v) -> {
      String key = String.valueOf(k);
      if (action.equals("include_vars")) {
        // a file's values are templated where they are read, as Ansible's are (geerlingguy.apache's
        // Listen line is a template inside a list)
        hash.set(h.includedVars, key, v);
      } else if (setFact) {
        h.setFacts.put(key, new Literal(v));
      } else {
        h.facts.put(key, Results.registered(v, true)); // Ansible wraps a module's facts as unsafe
      }
    });
    return changed;
  }
}
