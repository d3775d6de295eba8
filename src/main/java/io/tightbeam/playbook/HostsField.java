package io.tightbeam.playbook;

import java.util.List;

/**
 * Ansible's checks of a play's {@code hosts} (and of the ad hoc pattern, which becomes one): an
 * empty or blank value is an error, never "all hosts".
 */
public final class HostsField {
  /** For a missing, empty string or empty list value; Ansible gives it no place in the file. */
  public static final String EMPTY = "Hosts list cannot be empty. Please check your playbook";

  /** For a value that is or holds blank strings, as written or once templated. */
  public static final String BLANK = "the field 'hosts' is required, and cannot have empty values";

  private HostsField() {}

  /** True for a string of only white space, or a list holding one. */
  public static boolean blank(Object hosts) {
    if (hosts instanceof String s) {
      return s.isBlank();
    }
    return hosts instanceof List<?> list
        && list.stream().anyMatch(h -> h instanceof String s && s.isBlank());
  }
}
