package io.tightbeam.config;

import java.nio.file.Path;

/**
 * Ansible's fact cache settings: the plugin ({@code memory}, {@code jsonfile}), where a file cache
 * keeps its files (null when not set), the prefix of their names and how long an entry lives, in
 * seconds (0: for ever).
 */
public record FactCaching(String plugin, Path connection, String prefix, int timeout) {
  /** No cache beyond the run. */
  public static FactCaching memory() {
    return new FactCaching("memory", null, "", 86400);
  }
}
