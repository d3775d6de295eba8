package io.tightbeam.executor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the play's static roles ({@code roles:} and {@code import_role}) export to every task of the
 * play, as Ansible does by default (roles' vars are not private): their defaults, below everything,
 * and their vars, just above the play's vars and vars_files. Written by the play thread between
 * tasks; a write replaces the maps, so a worker reads a consistent pair.
 */
final class PlayRoles {
  private final java.util.Set<String> ran = java.util.Collections.synchronizedSet(new java.util.HashSet<>());
  /** One role's vars and defaults, its dependencies' merged below its own. */
  record Exports(Map<String, Object> vars, Map<String, Object> defaults) {
    static final Exports NONE = new Exports(Map.of(), Map.of());

    Exports plus(Exports later) {
      return new Exports(merged(vars, later.vars), merged(defaults, later.defaults));
    }
  }

  /**
   * The role names of Ansible's magic variables: {@code ansible_play_role_names} (the play's
   * {@code roles:} and {@code import_role} tasks) and {@code ansible_dependent_role_names} (their
   * dependencies, at any depth).
   */
  record Names(java.util.List<String> play, java.util.List<String> dependent) {
    static final Names NONE = new Names(java.util.List.of(), java.util.List.of());

    /** {@code ansible_role_names}: both, each name once. */
    java.util.List<String> all() {
      java.util.Set<String> both = new java.util.LinkedHashSet<>(play);
      both.addAll(dependent);
      return java.util.List.copyOf(both);
    }
  }

  private volatile Exports all = Exports.NONE;
  private volatile Names names = Names.NONE;

  Names names() {
    return names;
  }

  void name(Names value) {
    names = value;
  }

  Exports all() {
    return all;
  }

  void add(Exports role) {
    all = all.plus(role);
  }

  /**
   * Records a role run under its identity; false when one of that identity ran already. Ansible
   * tells roles apart by name and by what they are given (params, vars, when, tags, *_from): the
   * same dependency with other vars is another role and runs again.
   */
  boolean firstRun(String identity) {
    return ran.add(identity);
  }

  boolean hasRun(String identity) {
    return ran.contains(identity);
  }

  static Map<String, Object> merged(Map<String, Object> first, Map<String, Object> then) {
    Map<String, Object> m = new LinkedHashMap<>(first);
    m.putAll(then);
    return m;
  }
}
