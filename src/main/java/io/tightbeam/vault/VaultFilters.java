package io.tightbeam.vault;

import io.tightbeam.py.Py;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The bodies of the {@code vault} and {@code unvault} filters and the {@code unvault} lookup, for
 * the template layer to register. Errors are {@link VaultException}s with Ansible's messages.
 */
public final class VaultFilters {
  /** The vault id the filters use when none is given. */
  public static final String FILTER_DEFAULT = "filter_default";

  private VaultFilters() {}

  /**
   * {@code data | vault(secret, salt=None, vaultid='filter_default', wrap_object=False)}: the
   * envelope text (format 1.2, labelled), or with {@code wrapObject} an {@link EncryptedString}
   * (Ansible's AnsibleVaultEncryptedUnicode: {@code is vault_encrypted} holds for it).
   */
  public static Object vault(Object data, Object secret, Object salt, String vaultid, boolean wrapObject) {
    if (!(secret instanceof CharSequence)) {
      throw new VaultException("Secret passed is required to be a string, instead we got: " + pythonClass(secret));
    }
    if (!(data instanceof CharSequence)) {
      throw new VaultException("Can only vault strings, instead we got: " + pythonClass(data));
    }
    String id = vaultid == null ? FILTER_DEFAULT : vaultid;
    VaultSecret s = VaultSecret.of(id, secret.toString());
    byte[] saltBytes = salt == null ? null : salt.toString().getBytes(StandardCharsets.UTF_8);
    String envelope = VaultText.encrypt(data.toString().getBytes(StandardCharsets.UTF_8), s, id, saltBytes);
    return wrapObject ? new EncryptedString(envelope, List.of(s)) : envelope;
  }

  /**
   * {@code vault | unvault(secret, vaultid='filter_default')}: the plaintext of an envelope or of
   * an {@link EncryptedString}; any other string is returned as it is. A secret that does not open
   * it is an {@link Undecryptable}; a value or secret of the wrong type a {@link VaultException}.
   */
  public static String unvault(Object vault, Object secret, String vaultid) {
    if (!(secret instanceof CharSequence)) {
      throw new VaultException("Secret passed is required to be a string, instead we got: " + pythonClass(secret));
    }
    String text = vault instanceof EncryptedString e ? e.vaulttext() : vault instanceof CharSequence c ? c.toString() : null;
    if (text == null) {
      throw new VaultException("Vault should be in the form of a string, instead we got: " + pythonClass(vault));
    }
    if (!VaultText.isEncrypted(text)) {
      return text;
    }
    VaultSecret s = VaultSecret.of(vaultid == null ? FILTER_DEFAULT : vaultid, secret.toString());
    try {
      return VaultText.decrypt(text, List.of(s));
    } catch (VaultException e) {
      throw new Undecryptable(e.getMessage());
    }
  }

  /** The {@code unvault} filter's secret does not open the value (Ansible: "Unable to decrypt: ..."). */
  public static final class Undecryptable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Undecryptable(String message) {
      super(message);
    }
  }

  /**
   * {@code lookup('unvault', name)} once the template layer has found {@code file} (Ansible
   * searches the {@code files/} dirs as for {@code file}): its text, decrypted with the run's
   * secrets when it is vaulted, not stripped.
   */
  public static String unvaultFile(Path file, List<VaultSecret> secrets) throws IOException {
    return new String(VaultText.readable(file.toString(), Files.readAllBytes(file), secrets), StandardCharsets.UTF_8);
  }

  /** {@code <class 'int'>} as Python names a value's type in these messages. */
  static String pythonClass(Object value) {
    return "<class '" + Py.typeName(value) + "'>";
  }
}
