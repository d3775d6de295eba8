package io.tightbeam.template;

import io.tightbeam.py.PyException;
import io.tightbeam.vault.VaultException;
import io.tightbeam.vault.VaultFilters;
import java.util.function.Supplier;

/**
 * The {@code vault} and {@code unvault} filters (CoreTests has {@code vault_encrypted}). A value or
 * secret of the wrong type is Python's TypeError in Ansible ("Unexpected templating type error").
 */
final class VaultFilterCalls {
  private VaultFilterCalls() {}

  static void register(Catalogue c) {
    c.filter("vault", (v, a, env) -> typed(() -> VaultFilters.vault(v, a.get(0, "secret", null),
        a.get(1, "salt", null), a.string(2, "vaultid", null), io.tightbeam.py.Py.truthy(a.get(3, "wrap_object", false)))));
    c.filter("unvault", (v, a, env) -> {
      try {
        return typed(() -> VaultFilters.unvault(v, a.get(0, "secret", null), a.string(1, "vaultid", null)));
      } catch (VaultFilters.Undecryptable e) {
        // Ansible's filter error carries its cause's text a second time.
        throw new TemplateException("Unable to decrypt: " + e.getMessage() + ". " + e.getMessage());
      }
    });
  }

  private static Object typed(Supplier<Object> call) {
    try {
      return call.get();
    } catch (VaultException e) {
      throw new PyException(e.getMessage());
    }
  }
}
