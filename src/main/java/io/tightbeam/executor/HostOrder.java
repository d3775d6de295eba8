package io.tightbeam.executor;

import io.tightbeam.inventory.Host;
import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** The play keyword {@code order}: the order in which a play's matched hosts are taken. */
final class HostOrder {
  private HostOrder() {}

  /** The hosts in the named order; Ansible refuses any other name as an options error (exit 5). */
  static List<Host> apply(Object order, List<Host> hosts) {
    List<Host> out = new ArrayList<>(hosts);
    String name = order == null ? "inventory" : String.valueOf(order);
    switch (name) {
      case "inventory" -> { }
      case "reverse_inventory" -> Collections.reverse(out);
      case "sorted" -> out.sort(Comparator.comparing(Host::name));
      case "reverse_sorted" -> out.sort(Comparator.comparing(Host::name).reversed());
      case "shuffle" -> Collections.shuffle(out);
      default -> throw new InputException(List.of(new Diagnostic(
          "Invalid 'order' specified for inventory hosts: " + name, "", null)), 5);
    }
    return out;
  }
}
