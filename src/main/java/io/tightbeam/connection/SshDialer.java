package io.tightbeam.connection;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.ConfigFileHostEntryResolver;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.forward.ExplicitPortForwardingTracker;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * The run's one MINA {@link SshClient} (started once, two NIO workers for all hosts) and the way
 * to an authenticated session: at most {@value #HANDSHAKES_PER_ADDRESS} handshakes in flight per
 * target address and {@value #HANDSHAKES_IN_FLIGHT} in all (a handshake costs both ends CPU: a
 * thousand at once would time out rather than finish), a deadline of the endpoint's connect
 * timeout per attempt, and up to {@value #ATTEMPTS} attempts when a server drops a handshake
 * (OpenSSH's MaxStartups does so under load) or is too slow with it while others are in flight.
 * The number in flight adapts to how fast handshakes complete (see {@link #adapt}). A host behind
 * a ProxyJump is reached through its jump host's session ({@link JumpHost}). Nothing here blocks a caller: sessions arrive through
 * futures completed by MINA's listeners.
 */
final class SshDialer implements AutoCloseable {
  static final int HANDSHAKES_PER_ADDRESS = 8;
  static final int HANDSHAKES_IN_FLIGHT = 64;
  static final int MIN_IN_FLIGHT = 4;
  static final int KEX_GRACE = 6;
  static final int ATTEMPTS = 3;

  private final SshClient client;
  private final Path sshDir;
  private final HostConfigEntryResolver sshConfig;
  private final ScheduledExecutorService timer;
  private final ThreadPoolExecutor stdinWriters;
  private final Map<String, AsyncSlots> handshakes = new ConcurrentHashMap<>();
  private final AsyncSlots allHandshakes = new AsyncSlots(HANDSHAKES_IN_FLIGHT);
  private final ClientKeys keys;
  private final HostKeyOrder hostKeyOrder;
  private final AtomicInteger sessionsOpened = new AtomicInteger();
  private long lastDecrease = System.nanoTime() - TimeUnit.HOURS.toNanos(1); // guarded by allHandshakes

  /**
   * A dialer reading {@code config}, {@code known_hosts} and default keys from {@code sshDir}, and
   * offering the keys of the ssh-agent listening on {@code agentSocket} (none when null).
   */
  SshDialer(Path sshDir, Path agentSocket) {
    this.sshDir = sshDir;
    this.keys = new ClientKeys(sshDir);
    client = SshClient.setUpDefaultClient();
    hostKeyOrder = new HostKeyOrder(client.getSignatureFactories());
    client.setSignatureFactories(hostKeyOrder.defaults());
    client.addSessionListener(HostKeyOrder.applier());
    // Without TCP_NODELAY every round trip waits ~40 ms for Nagle and delayed ACKs.
    CoreModuleProperties.TCP_NODELAY.set(client, true);
    CoreModuleProperties.SOCKET_KEEPALIVE.set(client, true);
    CoreModuleProperties.NIO_WORKERS.set(client, 2);
    // A host that stops answering closes its session (and fails its commands) within about a minute.
    CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, Duration.ofSeconds(15));
    CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, 4);
    client.setServerKeyVerifier(new HostKeyCheck());
    // We read ssh_config ourselves (SshSettings.withConfig), so that the inventory's values win
    // over it and it over the defaults; MINA would apply it again, or put the local user first.
    Path config = sshDir.resolve("config");
    sshConfig = Files.isRegularFile(config) ? new ConfigFileHostEntryResolver(config) : HostConfigEntryResolver.EMPTY;
    client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
    if (agentSocket != null && Files.exists(agentSocket)) {
      client.setAgentFactory(UnixSocketAgent.factory(agentSocket));
    }
    client.start();
    timer = new ScheduledThreadPoolExecutor(1, daemon("tightbeam-ssh-timer"));
    ((ScheduledThreadPoolExecutor) timer).setRemoveOnCancelPolicy(true);
    // Stdin larger than the channel window blocks its writer, so it must not be an NIO worker.
    stdinWriters =
        new ThreadPoolExecutor(4, 4, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemon("tightbeam-ssh-stdin"));
    stdinWriters.allowCoreThreadTimeOut(true);
  }

  /** A dialer reading {@code sshDir}, with the agent of this process's {@code SSH_AUTH_SOCK}. */
  SshDialer(Path sshDir) {
    this(sshDir, agentOf(System.getenv("SSH_AUTH_SOCK")));
  }

  private static Path agentOf(String socket) {
    return socket == null || socket.isBlank() ? null : Path.of(socket);
  }

  ScheduledExecutorService timer() {
    return timer;
  }

  Executor stdinWriters() {
    return stdinWriters;
  }

  /** How many sessions have been authenticated since the start (for tests and -vvv). */
  int sessionsOpened() {
    return sessionsOpened.get();
  }

  Path sshDir() {
    return sshDir;
  }

  /** The endpoint's settings completed from this dialer's ssh_config. */
  SshSettings settingsFor(Endpoint endpoint) {
    return SshSettings.from(endpoint, sshDir).withConfig(sshConfig);
  }

  /** An authenticated session to the endpoint, or a {@link ConnectionException}. */
  CompletableFuture<ClientSession> open(SshSettings settings) {
    return open(settings, 0);
  }

  /** As {@link #open(SshSettings)}, for a host that is the {@code hops}-th jump host on the way. */
  private CompletableFuture<ClientSession> open(SshSettings settings, int hops) {
    AsyncSlots gate =
        handshakes.computeIfAbsent(settings.address() + ":" + settings.port(), k -> new AsyncSlots(HANDSHAKES_PER_ADDRESS));
    CompletableFuture<ClientSession> result = new CompletableFuture<>();
    gate.acquire().thenRun(() -> attempt(settings, hops, 1, result));
    result.whenComplete((session, failure) -> gate.release());
    return result;
  }

  private void attempt(SshSettings settings, int hops, int attempt, CompletableFuture<ClientSession> result) {
    CompletableFuture<ClientSession> handshake = settings.proxyJump() == null
        ? inFlight(settings.connectTimeout(),
            () -> handshake(settings, new SshdSocketAddress(settings.address(), settings.port()), null))
        : throughJump(settings, hops);
    handshake
        .whenComplete(
            (session, thrown) -> {
              // (through thenCompose a failure arrives wrapped in a CompletionException)
              Throwable failure = thrown instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                  ? c.getCause() : thrown;
              if (failure == null) {
                result.complete(session);
              } else if (failure instanceof HandshakeFailure f && f.retriable && attempt < ATTEMPTS) {
                long backoff = 150L * attempt + ThreadLocalRandom.current().nextLong(100);
                timer.schedule(() -> attempt(settings, hops, attempt + 1, result), backoff, TimeUnit.MILLISECONDS);
              } else {
                result.completeExceptionally(
                    failure instanceof HandshakeFailure f ? f.error : unreachable(settings, failure));
              }
            });
  }

  /**
   * A handshake within the limit of {@value #HANDSHAKES_IN_FLIGHT} in all. The slot is held for one
   * handshake only, never while waiting for another (a target waits for its jump host's session).
   */
  private CompletableFuture<ClientSession> inFlight(
      Duration timeout, Supplier<CompletableFuture<ClientSession>> handshake) {
    return allHandshakes.acquire()
        .thenCompose(v -> {
          long start = System.nanoTime();
          return handshake.get().whenComplete((session, failure) -> adapt(System.nanoTime() - start, failure, timeout));
        })
        .whenComplete((session, failure) -> allHandshakes.release());
  }

  /**
   * Adapts the number of handshakes in flight to how the servers keep up (additive increase,
   * multiplicative decrease): a handshake that took a third of its timeout or more halves it (at
   * most once per such interval, not below {@value #MIN_IN_FLIGHT}); a quick one adds one, up to
   * {@value #HANDSHAKES_IN_FLIGHT}. On an overloaded target (many hosts on one machine, a busy
   * bastion) fewer handshakes at once finish sooner each instead of all timing out together.
   */
  private void adapt(long elapsedNanos, Throwable failure, Duration timeout) {
    long slow = timeout.toNanos() / 3;
    synchronized (allHandshakes) {
      long now = System.nanoTime();
      int limit = allHandshakes.limit();
      if (elapsedNanos >= slow) {
        if (now - lastDecrease >= slow && limit > MIN_IN_FLIGHT) {
          lastDecrease = now;
          allHandshakes.limit(Math.max(MIN_IN_FLIGHT, limit / 2));
        }
      } else if (failure == null && elapsedNanos < slow / 3 && limit < HANDSHAKES_IN_FLIGHT) {
        allHandshakes.limit(limit + 1);
      }
    }
  }

  /** The session through the settings' jump host (see {@link JumpHost}). */
  private CompletableFuture<ClientSession> throughJump(SshSettings settings, int hops) {
    CompletableFuture<ClientSession> done = new CompletableFuture<>();
    SshSettings jump;
    try {
      if (hops >= JumpHost.MAX_HOPS) {
        throw new ConnectionException("more than " + JumpHost.MAX_HOPS + " jump hosts (a ProxyJump loop in ssh_config?)");
      }
      jump = JumpHost.lastHop(settings, sshConfig);
    } catch (ConnectionException e) {
      done.completeExceptionally(new HandshakeFailure(unreachable(settings, e.getMessage()), false));
      return done;
    }
    open(jump, hops + 1).whenComplete((jumpSession, failure) -> {
      if (failure != null) {
        String reason = describe(failure).replace(message(jump, ""), "");
        done.completeExceptionally(
            new HandshakeFailure(unreachable(settings, "via jump host " + JumpHost.describe(jump) + ": " + reason), false));
        return;
      }
      ExplicitPortForwardingTracker tunnel;
      try {
        tunnel = JumpHost.tunnel(jumpSession, settings);
      } catch (IOException | RuntimeException e) {
        jumpSession.close(true);
        done.completeExceptionally(new HandshakeFailure(unreachable(settings, e), false));
        return;
      }
      inFlight(settings.connectTimeout(),
          () -> handshake(settings, tunnel.getBoundAddress(), new SshdSocketAddress(settings.address(), settings.port())))
          .whenComplete((target, e) -> {
            if (e != null) {
              jumpSession.close(true);
              done.completeExceptionally(e);
            } else {
              JumpHost.bind(jumpSession, tunnel, target);
              done.complete(target);
            }
          });
    });
    return done;
  }

  /**
   * One connection and authentication to {@code dial}: the host itself, or a tunnel to {@code
   * target} (then host keys are checked for the target).
   */
  private CompletableFuture<ClientSession> handshake(SshSettings settings, SshdSocketAddress dial, SshdSocketAddress target) {
    CompletableFuture<ClientSession> done = new CompletableFuture<>();
    ConnectFuture connecting;
    try {
      SshdSocketAddress named = target == null ? dial : target;
      Map<AttributeRepository.AttributeKey<?>, Object> attributes = new java.util.HashMap<>();
      attributes.put(HostKeyCheck.POLICY, settings.hostKeys());
      attributes.put(HostKeyOrder.ORDER, hostKeyOrder.forHost(settings.hostKeys(), named.getHostName(), named.getPort()));
      if (target != null) {
        attributes.put(HostKeyCheck.TARGET, target);
      }
      AttributeRepository context = AttributeRepository.ofAttributesMap(attributes);
      connecting = client.connect(settings.user(), dial.getHostName(), dial.getPort(), context);
    } catch (IOException | RuntimeException e) {
      done.completeExceptionally(new HandshakeFailure(unreachable(settings, e), false));
      return done;
    }
    long timeoutMillis = settings.connectTimeout().toMillis();
    // A server that accepted the TCP connection but was too slow to greet or to finish the key
    // exchange while other handshakes were in flight is overloaded (a busy machine, many hosts on
    // one): worth another attempt. A server alone in that state, or one that never accepted the
    // connection, is given up at once, as OpenSSH does.
    java.util.function.Consumer<Boolean> giveUp = accepted -> {
      ConnectionException timeout = unreachable(settings, "timed out after " + timeoutMillis + " ms");
      boolean busy = accepted && allHandshakes.inUse() > 1;
      if (done.completeExceptionally(new HandshakeFailure(timeout, busy))) {
        connecting.cancel();
        if (connecting.getSession() != null) {
          connecting.getSession().close(true);
        }
      }
    };
    // As OpenSSH's ConnectTimeout, the timeout covers reaching the server and its greeting; a
    // server that answered but is slow with the key exchange (many handshakes at once) gets
    // KEX_GRACE times longer before the host is given up.
    var deadline = new java.util.concurrent.atomic.AtomicReference<java.util.concurrent.ScheduledFuture<?>>();
    deadline.set(timer.schedule(
        () -> {
          ClientSession started = connecting.getSession();
          if (started != null && started.getServerVersion() != null && !done.isDone()) {
            deadline.set(timer.schedule(() -> giveUp.accept(true), timeoutMillis * (KEX_GRACE - 1), TimeUnit.MILLISECONDS));
          } else {
            giveUp.accept(started != null);
          }
        },
        timeoutMillis,
        TimeUnit.MILLISECONDS));
    done.whenComplete((s, e) -> deadline.get().cancel(false));
    connecting.addListener(
        connected -> {
          if (!connected.isConnected()) {
            Throwable cause = connected.getException();
            done.completeExceptionally(
                new HandshakeFailure(
                    unreachable(settings, cause == null ? "connection cancelled" : describe(cause)), retriable(cause)));
            return;
          }
          ClientSession session = connected.getSession();
          if (done.isDone()) {
            session.close(true);
            return;
          }
          authenticate(settings, session, done);
        });
    return done;
  }

  private void authenticate(SshSettings settings, ClientSession session, CompletableFuture<ClientSession> done) {
    try {
      keys.addTo(session, settings);
      session
          .auth()
          .addListener(
              auth -> {
                if (auth.isSuccess()) {
                  if (done.complete(session)) {
                    sessionsOpened.incrementAndGet();
                  } else {
                    session.close(true);
                  }
                  return;
                }
                String rejection = session.getAttribute(HostKeyCheck.REJECTION);
                session.close(true);
                Throwable cause = auth.getException();
                if (rejection != null) {
                  done.completeExceptionally(new HandshakeFailure(new ConnectionException(rejection), false));
                } else if (cause != null && String.valueOf(cause.getMessage()).contains("authentication methods")) {
                  done.completeExceptionally(
                      new HandshakeFailure(
                          unreachable(settings, "Permission denied (no key or password was accepted)"), false));
                } else {
                  done.completeExceptionally(
                      new HandshakeFailure(
                          unreachable(settings, cause == null ? "authentication failed" : describe(cause)), true));
                }
              });
    } catch (IOException | RuntimeException e) {
      session.close(true);
      boolean retriable = !(e instanceof ConnectionException);
      done.completeExceptionally(
          new HandshakeFailure(e instanceof ConnectionException c ? c : unreachable(settings, e), retriable));
    }
  }

  private static boolean retriable(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
        return false;
      }
    }
    return true;
  }

  static ConnectionException unreachable(SshSettings settings, Throwable cause) {
    return new ConnectionException(message(settings, describe(cause)), cause);
  }

  static ConnectionException unreachable(SshSettings settings, String reason) {
    return new ConnectionException(message(settings, reason));
  }

  private static String message(SshSettings settings, String reason) {
    return "Failed to connect to the host via ssh: "
        + settings.user()
        + "@"
        + settings.address()
        + (settings.port() > 0 ? ":" + settings.port() : "")
        + ": "
        + reason;
  }

  static String describe(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage();
    return text == null || text.isBlank() ? root.getClass().getSimpleName() : text;
  }

  static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Stops the client without waiting for it: its sessions are already closed (at the end of a run,
   * waiting for MINA's shutdown cost about 10 ms a host, 0.5 s at 50 hosts, after the last result).
   */
  @Override
  public void close() {
    timer.shutdownNow();
    stdinWriters.shutdownNow();
    daemon("tightbeam-ssh-stop").newThread(client::stop).start();
  }

  /** A failed handshake and whether trying again might help. */
  private static final class HandshakeFailure extends RuntimeException {
    final ConnectionException error;
    final boolean retriable;

    HandshakeFailure(ConnectionException error, boolean retriable) {
      super(error.getMessage(), null, false, false);
      this.error = error;
      this.retriable = retriable;
    }
  }
}
