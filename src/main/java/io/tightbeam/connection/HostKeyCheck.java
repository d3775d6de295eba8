package io.tightbeam.connection;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.AbstractClientSession;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * The one server-key verifier of the shared client. Each connection attempt carries its own policy
 * (check or not, which known_hosts file) in its connection context; a rejection leaves a readable
 * reason on the session so the handshake failure can name the host and the key's fingerprint. A
 * session made through a jump host's tunnel carries its real {@link #TARGET}: the key is checked
 * (and recorded) for that host, not for the tunnel's local port.
 */
final class HostKeyCheck implements ServerKeyVerifier {
  static final AttributeKey<SshSettings.HostKeyPolicy> POLICY = new AttributeKey<>();
  static final AttributeKey<SshdSocketAddress> TARGET = new AttributeKey<>();
  static final AttributeKey<String> REJECTION = new AttributeKey<>();

  private final Map<Path, KnownHostsServerKeyVerifier> strict = new ConcurrentHashMap<>();
  private final Map<Path, KnownHostsServerKeyVerifier> acceptNew = new ConcurrentHashMap<>();

  @Override
  public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
    SshSettings.HostKeyPolicy policy = policyOf(session);
    if (policy == null || !policy.check()) {
      return true;
    }
    Map<Path, KnownHostsServerKeyVerifier> files = policy.acceptNew() ? acceptNew : strict;
    KnownHostsServerKeyVerifier verifier =
        files.computeIfAbsent(policy.knownHosts(), p -> new Recording(p, policy.acceptNew()));
    SshdSocketAddress target = attribute(session, TARGET);
    return verifier.verifyServerKey(session, target == null ? remote : target.toInetSocketAddress(), key);
  }

  private static SshSettings.HostKeyPolicy policyOf(ClientSession session) {
    return attribute(session, POLICY);
  }

  /** The session's own attribute, or its connection context's. */
  private static <T> T attribute(ClientSession session, AttributeKey<T> key) {
    T value = session.getAttribute(key);
    if (value == null && session instanceof AbstractClientSession s && s.getConnectionContext() != null) {
      value = s.getConnectionContext().getAttribute(key);
    }
    return value;
  }

  private static String where(ClientSession session) {
    SshdSocketAddress target = attribute(session, TARGET);
    if (target != null) {
      return target.getHostName() + ":" + target.getPort();
    }
    return session.getConnectAddress() instanceof java.net.InetSocketAddress a
        ? a.getHostString() + ":" + a.getPort()
        : String.valueOf(session.getConnectAddress());
  }

  /** Known-hosts checking that records why a key was refused. */
  private static final class Recording extends KnownHostsServerKeyVerifier {
    private final Path file;

    Recording(Path file, boolean acceptNew) {
      super(acceptNew ? AcceptAllServerKeyVerifier.INSTANCE : RejectAllServerKeyVerifier.INSTANCE, file);
      this.file = file;
    }

    /** Through a tunnel, only the target names the host (the tunnel's port is nobody's). */
    @Override
    protected Collection<SshdSocketAddress> resolveHostNetworkIdentities(ClientSession session, SocketAddress remote) {
      SshdSocketAddress target = attribute(session, TARGET);
      return target != null ? List.of(target) : super.resolveHostNetworkIdentities(session, remote);
    }

    @Override
    protected boolean acceptUnknownHostKey(ClientSession session, SocketAddress remote, PublicKey key) {
      boolean accepted = super.acceptUnknownHostKey(session, remote, key);
      if (!accepted) {
        session.setAttribute(
            REJECTION,
            "host key verification failed for "
                + where(session)
                + ": the "
                + KeyUtils.getKeyType(key)
                + " key "
                + KeyUtils.getFingerPrint(key)
                + " is not in "
                + file
                + " (add it with ssh-keyscan, or set host_key_checking=False)");
      }
      return accepted;
    }

    @Override
    public boolean acceptModifiedServerKey(
        ClientSession session, SocketAddress remote, KnownHostEntry entry, PublicKey expected, PublicKey actual) {
      session.setAttribute(
          REJECTION,
          "REMOTE HOST IDENTIFICATION HAS CHANGED for "
              + where(session)
              + ": "
              + file
              + " expects "
              + KeyUtils.getKeyType(expected)
              + " "
              + KeyUtils.getFingerPrint(expected)
              + " but the host offered "
              + KeyUtils.getKeyType(actual)
              + " "
              + KeyUtils.getFingerPrint(actual));
      return false;
    }
  }
}
