package io.tightbeam.executor;

import io.tightbeam.inventory.Host;
import io.tightbeam.inventory.Inventory;
import java.util.List;
import java.util.Map;

/**
 * The play's pattern matched against the inventory as it is now, as Ansible's strategy matches it
 * again before each task: hosts that add_host, group_by or refresh_inventory bring into the
 * pattern are in {@code ansible_play_hosts_all} and {@code ansible_play_hosts} (never in the batch).
 */
final class PlayHosts {
  private final Inventory inventory;
  private final String pattern;
  private final String limit;
  /** The inventory's groups when {@link #names} was matched: a change replaces them whole. */
  private Map<String, List<String>> matchedAt;
  private List<String> names;

  PlayHosts(Inventory inventory, String pattern, String limit) {
    this.inventory = inventory;
    this.pattern = pattern;
    this.limit = limit;
  }

  /** {@code ansible_play_hosts_all}: every host of the pattern, in its order. */
  synchronized List<String> all() {
    Map<String, List<String>> groups = inventory.groups();
    if (groups != matchedAt) {
      names = inventory.match(pattern, limit).hosts().stream().map(Host::name).toList();
      matchedAt = groups;
    }
    return names;
  }

  /** {@code ansible_play_hosts}: those not failed, unreachable or ended so far. */
  List<String> remaining(PlayContext ctx) {
    return all().stream().filter(n -> {
      HostState s = ctx.hosts().containsKey(n) ? ctx.hosts().get(n) : ctx.known().get(n);
      return s == null || s.active();
    }).toList();
  }
}
