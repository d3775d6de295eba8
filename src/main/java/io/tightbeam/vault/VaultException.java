package io.tightbeam.vault;

/**
 * A vault error with Ansible's message ("Attempting to decrypt but no vault secrets found",
 * "Decryption failed (no vault secrets were found that could decrypt)", a format error).
 */
public final class VaultException extends RuntimeException {
  private final boolean formatError;

  public VaultException(String message) {
    this(message, false);
  }

  VaultException(String message, boolean formatError) {
    super(message);
    this.formatError = formatError;
  }

  /** True for a malformed envelope (Ansible warns "There was a vault format error in ..." first). */
  public boolean formatError() {
    return formatError;
  }

  /** The same error naming the file it came from, as Ansible appends {@code on <file>}. */
  public VaultException on(String file) {
    return new VaultException(getMessage() + " on " + file, formatError);
  }
}
