package io.tightbeam.executor;

import io.tightbeam.inventory.Host;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One host's state through a play run: its facts, the variables set by {@code set_fact} and
 * {@code register}, and whether it has left the play (failed, unreachable, ended). Written only on
 * the result thread between tasks; read by workers during a task (the strategy's join orders the
 * two).
 */
final class HostState {
  Host host;
  Map<String, Object> inventoryVars;
  final Map<String, Object> facts = new LinkedHashMap<>();
  /** include_vars results: below set_fact and registered values whatever their order, as in Ansible. */
  final Map<String, Object> includedVars = new LinkedHashMap<>();
  final Map<String, Object> setFacts = new LinkedHashMap<>();
  /** setup or gather_facts ran on it (smart gathering skips it while its facts last). */
  boolean factsGathered;
  boolean failed;
  boolean unreachable;
  boolean ended;
  /** any_errors_fatal or max_fail_percentage stopped it: it takes part in no later play. */
  boolean stopped;
  /** How often meta clear_host_errors ran: a failure an always section set aside is forgiven by one. */
  int errorClears;
  io.tightbeam.playbook.Task lastFailedTask;
  Map<String, Object> lastFailedResult = Map.of();

  HostState(Host host, Map<String, Object> inventoryVars) {
    this.host = host;
    this.inventoryVars = inventoryVars;
  }

  /** The host's groups and inventory vars after add_host or group_by changed them. */
  void refresh(Host changed, Map<String, Object> vars) {
    this.host = changed;
    this.inventoryVars = vars;
  }

  String name() {
    return host.name();
  }

  boolean active() {
    return !failed && !unreachable && !ended;
  }
}
