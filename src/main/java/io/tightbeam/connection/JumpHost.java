package io.tightbeam.connection;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.forward.ExplicitPortForwardingTracker;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * OpenSSH's ProxyJump ({@code -J} / {@code -o ProxyJump=[user@]host[:port][,...]}, or ssh_config):
 * the target is reached through the last jump host, which is reached through the ones before it.
 * The dialer opens the jump host's session like any other (its ssh_config, the target's keys and
 * host-key policy, retries); that session forwards a port on 127.0.0.1 to the target, the target's
 * session is made through it, and the port stops listening once that session is up. The two
 * sessions close together.
 */
final class JumpHost {
  /** More hops than this is taken for a loop (e.g. {@code Host *} with a ProxyJump in ssh_config). */
  static final int MAX_HOPS = 8;

  private JumpHost() {}

  /**
   * The settings of the last hop of {@code target}'s ProxyJump, carrying the hops before it as its
   * own ProxyJump and completed from ssh_config; keys and host-key policy are the target's.
   */
  static SshSettings lastHop(SshSettings target, HostConfigEntryResolver config) {
    List<String> hops = Arrays.stream(target.proxyJump().split(",")).map(String::strip).toList();
    if (hops.stream().anyMatch(String::isEmpty)) {
      throw new ConnectionException("bad ProxyJump '" + target.proxyJump() + "': an empty hop");
    }
    String hop = hops.get(hops.size() - 1);
    URI uri;
    try {
      uri = URI.create(hop.contains("://") ? hop : "ssh://" + hop);
    } catch (IllegalArgumentException e) {
      throw new ConnectionException("bad ProxyJump hop '" + hop + "': " + e.getMessage(), e);
    }
    if (!"ssh".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new ConnectionException("bad ProxyJump hop '" + hop + "': expected [user@]host[:port]");
    }
    String before = hops.size() > 1 ? String.join(",", hops.subList(0, hops.size() - 1)) : null;
    SshSettings jump = new SshSettings(
        target.inventoryName(),
        uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost(),
        Math.max(uri.getPort(), 0),
        uri.getUserInfo(),
        target.connectTimeout(),
        target.identityFiles(),
        List.of(),
        null, // ssh would ask for the jump host's password on a terminal; we have none
        target.hostKeys(),
        before);
    return jump.withConfig(config);
  }

  /** A port on 127.0.0.1 that the jump session forwards to the target. */
  static ExplicitPortForwardingTracker tunnel(ClientSession jump, SshSettings target) throws IOException {
    return jump.createLocalPortForwardingTracker(
        new SshdSocketAddress("127.0.0.1", 0), new SshdSocketAddress(target.address(), target.port()));
  }

  /**
   * Ties the sessions together and stops the port listening: the target's connection was accepted
   * long before its session authenticated, and nobody else should get one.
   */
  static void bind(ClientSession jump, ExplicitPortForwardingTracker tunnel, ClientSession target) {
    try {
      tunnel.close();
    } catch (IOException e) {
      // the port closes with the jump session at the latest
    }
    target.addCloseFutureListener(closed -> jump.close(false));
    jump.addCloseFutureListener(closed -> target.close(true));
  }

  /** The jump host as a message names it. */
  static String describe(SshSettings jump) {
    return jump.user() + "@" + jump.address() + ":" + jump.port();
  }
}
