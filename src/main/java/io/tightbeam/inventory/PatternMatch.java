package io.tightbeam.inventory;

import java.util.List;

/**
 * The result of a host pattern: the hosts, in inventory order without duplicates, and the parts
 * that matched no host or group, for Ansible's warning {@code Could not match supplied host
 * pattern, ignoring: <part>}.
 */
public record PatternMatch(List<Host> hosts, List<String> unmatched) {}
