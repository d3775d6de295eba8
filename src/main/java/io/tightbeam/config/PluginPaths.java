package io.tightbeam.config;

import java.nio.file.Path;
import java.util.List;

/** The configured folders of controller-side Python plugins, by kind, in Ansible's search order. */
public record PluginPaths(List<Path> filter, List<Path> test, List<Path> lookup) {
  public PluginPaths {
    filter = List.copyOf(filter);
    test = List.copyOf(test);
    lookup = List.copyOf(lookup);
  }
}
