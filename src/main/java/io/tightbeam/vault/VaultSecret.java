package io.tightbeam.vault;

import java.nio.charset.StandardCharsets;

/** One vault password and the vault id it was given under ({@code default} when none was named). */
public record VaultSecret(String vaultId, byte[] password) {
  public static final String DEFAULT_ID = "default";

  public static VaultSecret of(String vaultId, String password) {
    return new VaultSecret(vaultId, password.getBytes(StandardCharsets.UTF_8));
  }
}
