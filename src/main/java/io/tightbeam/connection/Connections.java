package io.tightbeam.connection;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections of one run: one per (host, user), opened on first use, reused by every task,
 * poll and transfer, closed at the end of the run. SSH connections share one MINA client (two I/O
 * threads, one timer thread, a few stdin writers), created with the first SSH endpoint and stopped
 * by {@link #close}. SSH reads {@code $HOME/.ssh} (config, known_hosts, default keys) and offers
 * the keys of the agent at {@code $SSH_AUTH_SOCK}, from the environment it is given.
 */
public final class Connections implements AutoCloseable {
  private final Map<String, Connection> open = new ConcurrentHashMap<>();
  private final Path sshDir;
  private final Path agentSocket;
  private SshDialer dialer; // guarded by this

  /** Connections for a controller with the environment {@code env} (HOME, SSH_AUTH_SOCK). */
  public Connections(Map<String, String> env) {
    String home = env.get("HOME");
    this.sshDir = Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home, ".ssh");
    String agent = env.get("SSH_AUTH_SOCK");
    this.agentSocket = agent == null || agent.isBlank() ? null : Path.of(agent);
  }

  /** Connections for this process's environment. */
  public Connections() {
    this(System.getenv());
  }

  /** The connection for {@code endpoint}, opening it when this is the first use. */
  public Connection get(Endpoint endpoint) {
    String key = endpoint.inventoryName() + "|" + endpoint.user() + "|" + endpoint.type();
    return open.computeIfAbsent(key, k -> openNew(endpoint));
  }

  private Connection openNew(Endpoint endpoint) {
    String type = endpoint.type() == null ? "ssh" : endpoint.type();
    return switch (type) {
      case "local", "ansible.builtin.local" -> new LocalConnection(endpoint.inventoryName());
      case "ssh", "paramiko", "paramiko_ssh", "smart", "ansible.builtin.ssh", "ansible.builtin.paramiko_ssh" ->
          new SshConnection(endpoint, dialer());
      default -> throw new ConnectionException("unsupported connection type '" + endpoint.type() + "'");
    };
  }

  private synchronized SshDialer dialer() {
    if (dialer == null) {
      dialer = new SshDialer(sshDir, agentSocket);
    }
    return dialer;
  }

  @Override
  public void close() {
    open.values().forEach(Connection::close);
    open.clear();
    synchronized (this) {
      if (dialer != null) {
        dialer.close();
        dialer = null;
      }
    }
  }
}
