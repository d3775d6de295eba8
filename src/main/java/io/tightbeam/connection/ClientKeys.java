package io.tightbeam.connection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;

/**
 * The identities a login offers, in ssh's order: the inventory's key files (which must load), then
 * ssh_config's {@code IdentityFile}s and the default keys of the ssh directory (skipped when they do
 * not load, e.g. behind a passphrase, as ssh does without a terminal), then the password. An
 * ssh-agent's keys are offered by MINA as well. Each file is read once per run.
 */
final class ClientKeys {
  private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

  private final Path sshDir;
  private final Map<Path, Loaded> cache = new ConcurrentHashMap<>();

  /** What reading one key file gave: its keys, or why there are none. */
  private record Loaded(List<KeyPair> keys, String problem) {}

  ClientKeys(Path sshDir) {
    this.sshDir = sshDir;
  }

  /** Adds the settings' identities to the session; a required key that does not load throws. */
  void addTo(ClientSession session, SshSettings settings) {
    for (Path key : settings.identityFiles()) {
      Loaded loaded = load(key);
      if (loaded.problem() != null) {
        throw new ConnectionException("cannot load private key " + key + ": " + loaded.problem());
      }
      loaded.keys().forEach(session::addPublicKeyIdentity);
    }
    List<Path> optional = new ArrayList<>(settings.configKeys());
    DEFAULT_KEYS.forEach(name -> optional.add(sshDir.resolve(name)));
    for (Path key : optional.stream().distinct().toList()) {
      if (Files.isRegularFile(key) && !settings.identityFiles().contains(key)) {
        load(key).keys().forEach(session::addPublicKeyIdentity);
      }
    }
    if (settings.password() != null) {
      session.addPasswordIdentity(settings.password());
    }
  }

  private Loaded load(Path file) {
    return cache.computeIfAbsent(file, f -> {
      List<KeyPair> keys = new ArrayList<>();
      try {
        new FileKeyPairProvider(f).loadKeys(null).forEach(keys::add);
      } catch (RuntimeException e) {
        return new Loaded(List.of(), SshDialer.describe(e));
      }
      return keys.isEmpty() ? new Loaded(List.of(), "no key found") : new Loaded(List.copyOf(keys), null);
    });
  }
}
