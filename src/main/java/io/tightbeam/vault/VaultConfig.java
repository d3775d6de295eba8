package io.tightbeam.vault;

import java.util.List;

/**
 * The vault settings of ansible.cfg and {@code ANSIBLE_*}: {@code vault_password_file} (null when
 * unset), {@code vault_identity_list}, {@code vault_identity} (the label of secrets given without
 * one) and {@code vault_encrypt_identity} (null when unset).
 */
public record VaultConfig(
    String passwordFile, List<String> identityList, String identity, String encryptIdentity) {
  public VaultConfig {
    identityList = List.copyOf(identityList);
  }

  /** Ansible's defaults: no file, no list, label {@code default}. */
  public static VaultConfig defaults() {
    return new VaultConfig(null, List.of(), VaultSecret.DEFAULT_ID, null);
  }
}
