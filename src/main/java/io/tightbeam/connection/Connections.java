package io.tightbeam.connection;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections of one run: one per (host, user), opened on first use, reused by every task,
 * poll and transfer, closed at the end of the run. SSH connections share one MINA client (two I/O
 * threads, one timer thread, a few stdin writers), created with the first SSH endpoint and stopped
 * by {@link #close}. SSH reads {@code $HOME/.ssh} (config, known_hosts, default keys) and offers
 * the keys of the agent at {@code $SSH_AUTH_SOCK}, from the environment it is given. When the
 * endpoint's {@code ssh_args} ask for ControlPersist (Ansible's default does), its session is held
 * by a {@link Keeper} that outlives the run, reached through one {@link KeeperLink} per run.
 */
public final class Connections implements AutoCloseable {
  private final Map<String, Connection> open = new ConcurrentHashMap<>();
  private final Path sshDir;
  private final Path agentSocket;
  private final Map<String, String> env;
  private final Map<Path, Optional<KeeperLink>> keepers = new HashMap<>(); // guarded by this
  private SshDialer dialer; // guarded by this

  /** Connections for a controller with the environment {@code env} (HOME, SSH_AUTH_SOCK). */
  public Connections(Map<String, String> env) {
    String home = env.get("HOME");
    this.sshDir = Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home, ".ssh");
    String agent = env.get("SSH_AUTH_SOCK");
    this.agentSocket = agent == null || agent.isBlank() ? null : Path.of(agent);
    this.env = Map.copyOf(env);
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
      case "ssh", "paramiko", "paramiko_ssh", "smart", "ansible.builtin.ssh", "ansible.builtin.paramiko_ssh" -> {
        ControlPersist persist = ControlPersist.of(endpoint, env);
        KeeperLink link = persist == null ? null : keeper(persist);
        yield link != null ? new KeptConnection(endpoint, link) : new SshConnection(endpoint, dialer());
      }
      default -> throw new ConnectionException("unsupported connection type '" + endpoint.type() + "'");
    };
  }

  /** The link to the keeper for {@code persist}, or null when there is none to be had (tried once per run). */
  private synchronized KeeperLink keeper(ControlPersist persist) {
    return keepers.computeIfAbsent(persist.dir(),
        dir -> Optional.ofNullable(KeeperLink.open(persist, env, sshDir, agentSocket))).orElse(null);
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
      keepers.values().forEach(link -> link.ifPresent(KeeperLink::close));
      keepers.clear();
      if (dialer != null) {
        dialer.close();
        dialer = null;
      }
    }
  }
}
