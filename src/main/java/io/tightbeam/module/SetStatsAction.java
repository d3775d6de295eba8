package io.tightbeam.module;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Ansible's {@code set_stats}: returns {@code ansible_stats} ({@code data}, {@code per_host},
 * {@code aggregate}). The custom stats are shown only with show_custom_stats, which tightbeam's
 * callbacks do not offer, so nothing reads them yet.
 */
final class SetStatsAction implements ControllerAction {
  @Override
  public String name() {
    return "set_stats";
  }

  @Override
  public Map<String, Object> run(Map<String, Object> args, ActionContext context) {
    ActionArgs.allowOnly("set_stats", args, Set.of("aggregate", "data", "per_host"));
    Map<String, Object> stats = new LinkedHashMap<>();
    Map<String, Object> data = new LinkedHashMap<>();
    stats.put("data", data);
    stats.put("per_host", false);
    stats.put("aggregate", true);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("changed", false);
    Object given = args.getOrDefault("data", Map.of());
    if (!(given instanceof Map<?, ?> m)) {
      r.put("failed", true);
      r.put("msg", "The 'data' option needs to be a dictionary/hash");
      return r;
    }
    for (String option : new String[] {"per_host", "aggregate"}) {
      if (args.get(option) != null) {
        stats.put(option, truth(args.get(option)));
      }
    }
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (!SetFactAction.isIdentifier(key)) {
        r.put("failed", true);
        r.put("msg", SetFactAction.invalidName(key));
        return r;
      }
      data.put(key, e.getValue());
    }
    r.put("ansible_stats", stats);
    return r;
  }

  /** Ansible's boolean(strict=False): yes/on/1/true (any case) are true, anything else false. */
  private static boolean truth(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    String word = String.valueOf(value).strip().toLowerCase(java.util.Locale.ROOT);
    return Set.of("y", "yes", "on", "1", "true", "t", "1.0").contains(word);
  }
}
