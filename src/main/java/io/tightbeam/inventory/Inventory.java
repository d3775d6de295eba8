package io.tightbeam.inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Hosts and groups from every inventory source, with host patterns and variable lookup. Immutable
 * once loaded. Implicit {@code localhost} (connection local) is available when named but not
 * listed.
 */
public final class Inventory {
  /** Loads the sources: files, directories, or comma lists ({@code localhost,}). */
  public static Inventory load(List<String> sources, Path cwd) {
    throw new UnsupportedOperationException("TODO(inventory helper)");
  }

  /** Warnings from loading the sources ({@code Unable to parse ... as an inventory source}). */
  public List<String> warnings() {
    return List.of();
  }

  /** Whether any source was parsed (Ansible warns when only implicit localhost is available). */
  public boolean parsed() {
    throw new UnsupportedOperationException("TODO(inventory helper)");
  }

  /**
   * The hosts matched by {@code pattern} ({@code all}, {@code *}, names, groups, {@code a:b},
   * {@code a,b}, {@code a:&b}, {@code a:!b}, wildcards, ranges {@code web[0:2]}, regex {@code
   * ~web\d+}), in inventory order, without duplicates.
   */
  public List<Host> select(String pattern) {
    throw new UnsupportedOperationException("TODO(inventory helper)");
  }

  /** All group names mapped to their hosts' names ({@code groups} magic variable). */
  public Map<String, List<String>> groups() {
    throw new UnsupportedOperationException("TODO(inventory helper)");
  }

  /**
   * The variables of {@code host} from inventory sources and {@code group_vars/}/{@code
   * host_vars/} beside the inventory and beside {@code playbookDir} (may be null), merged in
   * Ansible's precedence order (group {@code all} lowest, child groups over parents, host vars
   * over group vars, playbook-side files over inventory-side ones).
   */
  public Map<String, Object> hostVars(Host host, Path playbookDir) {
    throw new UnsupportedOperationException("TODO(inventory helper)");
  }
}
