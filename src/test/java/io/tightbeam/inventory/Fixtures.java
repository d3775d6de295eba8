package io.tightbeam.inventory;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Test resources under {@code src/test/resources/inventory/} as paths, and small helpers. */
final class Fixtures {
  private Fixtures() {}

  static Path path(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/inventory/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Inventory load(String... names) {
    List<String> sources = List.of(names).stream()
        .map(n -> path(n).toString())
        .collect(Collectors.toList());
    return Inventory.load(sources, path("").getParent());
  }

  static List<String> names(List<Host> hosts) {
    return hosts.stream().map(Host::name).collect(Collectors.toList());
  }
}
