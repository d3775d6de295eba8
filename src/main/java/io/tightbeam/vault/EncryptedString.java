package io.tightbeam.vault;

import java.util.List;
import java.util.Map;

/**
 * An inline {@code !vault} value: a string whose text is decrypted only when it is used, as
 * Ansible's AnsibleVaultEncryptedUnicode is. Using it without a secret that opens it throws
 * {@link VaultException} with Ansible's message; it is never its ciphertext.
 */
public final class EncryptedString implements CharSequence {
  private final String vaulttext;
  private final List<VaultSecret> secrets;
  private volatile String plain;

  public EncryptedString(String vaulttext, List<VaultSecret> secrets) {
    this.vaulttext = vaulttext;
    this.secrets = List.copyOf(secrets);
  }

  /** The envelope as written in the YAML. */
  public String vaulttext() {
    return vaulttext;
  }

  /** The decrypted text; throws {@link VaultException} when no secret opens it. */
  public String plain() {
    String p = plain;
    if (p == null) {
      p = VaultText.decrypt(vaulttext, secrets, null).text();
      plain = p;
    }
    return p;
  }

  /**
   * {@code value} with every EncryptedString inside it (through lists and maps) replaced by its
   * text: for values leaving the engine for a module, a file or the output.
   */
  public static Object reveal(Object value) {
    if (value instanceof EncryptedString e) {
      return e.plain();
    } else if (value instanceof Map<?, ?> map) {
      if (map.values().stream().noneMatch(EncryptedString::holds) && map.keySet().stream().noneMatch(EncryptedString::holds)) {
        return value;
      }
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> out.put(reveal(k), reveal(v)));
      return out;
    } else if (value instanceof List<?> list) {
      if (list.stream().noneMatch(EncryptedString::holds)) {
        return value;
      }
      return list.stream().map(EncryptedString::reveal).collect(java.util.stream.Collectors.toList());
    }
    return value;
  }

  private static boolean holds(Object value) {
    if (value instanceof EncryptedString) {
      return true;
    } else if (value instanceof Map<?, ?> map) {
      return map.values().stream().anyMatch(EncryptedString::holds);
    } else if (value instanceof List<?> list) {
      return list.stream().anyMatch(EncryptedString::holds);
    }
    return false;
  }

  @Override
  public int length() {
    return plain().length();
  }

  @Override
  public char charAt(int index) {
    return plain().charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return plain().subSequence(start, end);
  }

  /** The decrypted text (Python's {@code str()} of the value). */
  @Override
  public String toString() {
    return plain();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncryptedString e ? e.plain().equals(plain()) : o instanceof String s && s.equals(plain());
  }

  @Override
  public int hashCode() {
    return plain().hashCode();
  }
}
