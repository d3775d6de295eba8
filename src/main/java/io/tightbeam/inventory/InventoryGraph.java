package io.tightbeam.inventory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mutable graph of groups and hosts that the parsers fill in, in the order they met them. It
 * starts with {@code all} and its child {@code ungrouped}, as Ansible's inventory does; {@link
 * #reconcile()} then hangs parentless groups under {@code all} and puts group-less hosts in {@code
 * ungrouped}. Used only while loading; {@link Inventory} keeps a frozen copy.
 */
final class InventoryGraph {
  /** A group as parsed: its own hosts and children in file order, and its own vars. */
  static final class Group {
    final String name;
    final Map<String, Object> vars = new LinkedHashMap<>();
    final List<Group> children = new ArrayList<>();
    final List<Group> parents = new ArrayList<>();
    final List<String> hosts = new ArrayList<>();

    Group(String name) {
      this.name = name;
    }
  }

  /** A host as parsed: its inventory vars and the groups that list it directly. */
  static final class HostEntry {
    final String name;
    final Map<String, Object> vars = new LinkedHashMap<>();
    final List<Group> groups = new ArrayList<>();

    HostEntry(String name) {
      this.name = name;
    }
  }

  final Map<String, Group> groups = new LinkedHashMap<>();
  final Map<String, HostEntry> hosts = new LinkedHashMap<>();
  /** How a var set again in a later source combines with the earlier value. */
  final HashBehaviour hash;

  InventoryGraph(HashBehaviour hash) {
    this.hash = hash;
    group("all");
    addChild("all", "ungrouped");
  }

  Group group(String name) {
    return groups.computeIfAbsent(name, Group::new);
  }

  boolean hasGroup(String name) {
    return groups.containsKey(name);
  }

  /** Adds (or finds) {@code name}, and lists it in {@code groupName} when that is not null. */
  HostEntry addHost(String name, String groupName) {
    HostEntry host = hosts.computeIfAbsent(name, HostEntry::new);
    if (groupName != null) {
      Group g = group(groupName);
      if (!g.hosts.contains(name)) {
        g.hosts.add(name);
        host.groups.add(g);
      }
    }
    return host;
  }

  /** Makes {@code child} a child of {@code parent}; refuses loops as Ansible does. */
  void addChild(String parent, String child) {
    Group p = group(parent);
    Group c = group(child);
    if (p.children.contains(c)) {
      return;
    }
    if (p == c || descendants(c).contains(p)) {
      throw new IllegalArgumentException(
          "Adding group '" + child + "' as child to '" + parent
              + "' creates a recursive dependency loop.");
    }
    p.children.add(c);
    c.parents.add(p);
  }

  void reconcile() {
    Group all = groups.get("all");
    Group ungrouped = groups.get("ungrouped");
    for (Group g : List.copyOf(groups.values())) {
      if (g != all && g.parents.isEmpty()) {
        addChild("all", g.name);
      }
    }
    for (HostEntry host : hosts.values()) {
      boolean elsewhere = host.groups.stream().anyMatch(g -> g != all && g != ungrouped);
      if (host.groups.contains(ungrouped) && elsewhere) {
        ungrouped.hosts.remove(host.name);
        host.groups.remove(ungrouped);
      } else if (!elsewhere && !host.groups.contains(ungrouped)) {
        ungrouped.hosts.add(host.name);
        host.groups.add(ungrouped);
      }
    }
  }

  /** {@code group} and its descendants, level by level, each group once. */
  static List<Group> descendants(Group group) {
    Set<Group> seen = new LinkedHashSet<>();
    Deque<Group> queue = new ArrayDeque<>();
    queue.add(group);
    while (!queue.isEmpty()) {
      Group g = queue.poll();
      if (seen.add(g)) {
        queue.addAll(g.children);
      }
    }
    return new ArrayList<>(seen);
  }

  /** The hosts of {@code group} and of its descendants, in Ansible's order, without duplicates. */
  static List<String> hostsOf(Group group) {
    Set<String> names = new LinkedHashSet<>();
    for (Group g : descendants(group)) {
      names.addAll(g.hosts);
    }
    return new ArrayList<>(names);
  }

  /** The longest path from {@code all}, which orders group vars from general to specific. */
  static int depth(Group group) {
    return depth(group, new HashSet<>());
  }

  private static int depth(Group group, Set<Group> visiting) {
    if (!visiting.add(group)) {
      return 0;
    }
    int d = 0;
    for (Group parent : group.parents) {
      d = Math.max(d, depth(parent, visiting) + 1);
    }
    visiting.remove(group);
    return d;
  }

  /** Every group of {@code host}, with ancestors, ordered as Ansible merges their vars. */
  static List<Group> groupsOf(HostEntry host) {
    Set<Group> all = new LinkedHashSet<>();
    Deque<Group> queue = new ArrayDeque<>(host.groups);
    while (!queue.isEmpty()) {
      Group g = queue.poll();
      if (all.add(g)) {
        queue.addAll(g.parents);
      }
    }
    List<Group> sorted = new ArrayList<>(all);
    sorted.sort(mergeOrder());
    return sorted;
  }

  static Comparator<Group> mergeOrder() {
    Comparator<Group> byDepth = Comparator.comparingInt(InventoryGraph::depth);
    return byDepth.thenComparingInt(InventoryGraph::priority).thenComparing(g -> g.name);
  }

  private static int priority(Group group) {
    Object p = group.vars.get("ansible_group_priority");
    if (p instanceof Number) {
      return ((Number) p).intValue();
    }
    if (p instanceof String) {
      try {
        return Integer.parseInt(((String) p).trim());
      } catch (NumberFormatException e) {
        return 1;
      }
    }
    return 1;
  }
}
