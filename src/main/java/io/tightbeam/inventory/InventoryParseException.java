package io.tightbeam.inventory;

/**
 * A source could not be parsed by one format. The message is Ansible's, with {@code file:line:}
 * where there is one; the loader turns it into a warning and tries the next format.
 */
final class InventoryParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InventoryParseException(String message) {
    super(message);
  }
}
