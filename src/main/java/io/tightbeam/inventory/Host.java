package io.tightbeam.inventory;

import java.util.List;
import java.util.Map;

/**
 * A host of the inventory: its name, the variables set on it in the inventory source, and the
 * names of the groups it belongs to directly or through parents (always including {@code all}),
 * ordered from the least to the most specific, as Ansible merges group variables.
 */
public record Host(String name, Map<String, Object> vars, List<String> groups) {}
