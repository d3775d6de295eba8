package io.tightbeam.playbook;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Ansible's conversions of keyword values to their field types, with its messages for bad ones. */
public final class FieldValues {
  private static final List<String> TRUE = List.of("y", "yes", "on", "1", "true", "t");
  private static final List<String> FALSE = List.of("n", "no", "off", "0", "false", "f");

  private FieldValues() {}

  /** Ansible's strict boolean(): booleans, 0/1, and its yes/no words; empty when not one. */
  public static Optional<Boolean> bool(Object value) {
    if (value instanceof Boolean b) {
      return Optional.of(b);
    }
    if (value instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
      return Optional.of(n.doubleValue() == 1);
    }
    if (value instanceof String s) {
      String word = s.strip().toLowerCase(Locale.ROOT);
      if (TRUE.contains(word)) {
        return Optional.of(true);
      }
      if (FALSE.contains(word)) {
        return Optional.of(false);
      }
    }
    return Optional.empty();
  }

  /**
   * Ansible's message for a value that is not a boolean. (Ansible lists its valid booleans from a
   * Python set, in an order that changes from run to run; this is one of those orders.)
   */
  public static String notBool(String field, Object value) {
    return "the field '" + field + "' has an invalid value (" + value + "), and could not be"
        + " converted to an bool.The error was: The value '" + value + "' is not a valid boolean."
        + "  Valid booleans include: 0, 1, 'y', 'yes', 'on', '1', 'true', 't', 'n', 'no', 'off',"
        + " '0', 'false', 'f'";
  }

  /** Ansible's message for a value that is not an integer. */
  public static String notInt(String field, Object value) {
    return "the field '" + field + "' has an invalid value (" + value + "), and could not be"
        + " converted to an int.The error was: invalid literal for int() with base 10: '" + value
        + "'";
  }

  /** Ansible's message for a wrong YAML type given to a string field. */
  public static String notString(String field, Object value) {
    String type = value instanceof java.util.Map ? "ansible.parsing.yaml.objects.AnsibleMapping"
        : value instanceof List ? "ansible.parsing.yaml.objects.AnsibleSequence"
        : PyType.of(value);
    return "The field '" + field + "' is supposed to be a string type, however the incoming data"
        + " structure is a <class '" + type + "'>";
  }
}
