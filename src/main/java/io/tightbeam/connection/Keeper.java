package io.tightbeam.connection;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Tightbeam's ControlPersist: a process of the user's that holds authenticated SSH sessions for
 * the runs that follow, as OpenSSH's ControlMaster does for Ansible. Runs reach it over a UNIX
 * socket in a 0700 directory (and it serves only peers of its own user); each run's exec requests
 * go to one {@link SshConnection} per endpoint, opened on first use and kept. It exits {@code
 * persist} seconds after its last run left (0: never), closing every session. One keeper per
 * socket: a lock file beside it decides between two started at once.
 *
 * <p>Started by {@link KeeperLink} as {@value #MAIN} {@code <socket> <persist-seconds>} (the CLI
 * layer ends the process once {@link #serve} returns), with the run's environment (HOME,
 * SSH_AUTH_SOCK); it prints {@code ready} once its socket accepts.
 */
public final class Keeper {
  private final SshDialer dialer;
  private final Map<Endpoint, SshConnection> connections = new ConcurrentHashMap<>();
  private final ScheduledExecutorService idle =
      Executors.newSingleThreadScheduledExecutor(SshDialer.daemon("tightbeam-keeper-idle"));
  private volatile long persistSeconds;
  private int clients; // guarded by this
  private boolean closing; // guarded by this
  private ScheduledFuture<?> exit; // guarded by this
  private final CompletableFuture<Void> done = new CompletableFuture<>();

  /** The main class that runs {@link #serve}. */
  static final String MAIN = "io.tightbeam.cli.KeeperCli";

  private Keeper(SshDialer dialer, long persistSeconds) {
    this.dialer = dialer;
    this.persistSeconds = persistSeconds;
  }

  /**
   * Holds sessions for the runs that connect to {@code socket} until {@code persist} seconds have
   * passed without one (0: for ever), printing {@code ready} on {@code ready} once runs may connect.
   * Returns when the keeper is done (or another keeper holds the socket); the caller ends the process.
   */
  public static void serve(Path socket, long persist, PrintStream ready) throws IOException {
    FileChannel lockFile = FileChannel.open(socket.resolveSibling(socket.getFileName() + ".lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = lockFile.tryLock();
    if (lock == null) {
      ready.println("ready"); // another keeper holds this socket
      ready.close();
      return;
    }
    Files.deleteIfExists(socket); // left by a keeper that was killed
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
    String home = System.getenv("HOME");
    String agent = System.getenv("SSH_AUTH_SOCK");
    SshDialer dialer = new SshDialer(
        Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home, ".ssh"),
        agent == null || agent.isBlank() ? null : Path.of(agent));
    String owner = Files.getOwner(socket).getName();
    Keeper keeper = new Keeper(dialer, persist);
    keeper.leave(); // nobody yet: the first run connects right after "ready"
    ready.println("ready");
    ready.close();
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          SocketChannel client = server.accept();
          Thread t = new Thread(() -> keeper.serveRun(client, owner), "tightbeam-keeper-client");
          t.setDaemon(true);
          t.start();
        }
      } catch (IOException e) {
        keeper.done.complete(null); // closed on the way out, or broken: either way no more runs
      }
    }, "tightbeam-keeper-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    keeper.done.join();
    Files.deleteIfExists(socket);
    server.close();
    dialer.close();
    // the lock is held to the end: a lock file channel collected early would let a second keeper in
    java.lang.ref.Reference.reachabilityFence(lock);
    lockFile.close();
  }

  /** Counts a run in; false when the keeper is on its way out (the run then goes without it). */
  private synchronized boolean arrive() {
    if (closing) {
      return false;
    }
    clients++;
    if (exit != null) {
      exit.cancel(false);
      exit = null;
    }
    return true;
  }

  private synchronized void leave() {
    if (clients > 0) {
      clients--;
    }
    if (clients == 0 && persistSeconds > 0) {
      exit = idle.schedule(this::expire, persistSeconds, TimeUnit.SECONDS);
    }
  }

  private void expire() {
    synchronized (this) {
      if (clients > 0) {
        return;
      }
      closing = true; // a run that connects from now on is turned away before it sends anything
    }
    connections.values().forEach(SshConnection::close);
    done.complete(null);
  }

  /** Serves one run until it closes its end: its requests in flight are then cancelled (killed). */
  private void serveRun(SocketChannel channel, String owner) {
    if (!arrive()) {
      close(channel);
      return;
    }
    Map<Long, CompletableFuture<ExecResult>> inFlight = new ConcurrentHashMap<>();
    ExecutorService replies = Executors.newSingleThreadExecutor(SshDialer.daemon("tightbeam-keeper-reply"));
    try (channel) {
      if (!owner.equals(channel.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED).user().getName())) {
        return; // only runs of the keeper's own user
      }
      DataInputStream in = new DataInputStream(new BufferedInputStream(KeeperWire.input(channel), 1 << 16));
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(KeeperWire.output(channel), 1 << 16));
      if (in.readInt() != KeeperWire.MAGIC || in.readInt() != KeeperWire.VERSION) {
        return;
      }
      persistSeconds = in.readLong();
      out.writeInt(KeeperWire.VERSION);
      out.flush();
      while (true) {
        byte kind = in.readByte();
        if (kind == KeeperWire.CANCEL) {
          CompletableFuture<ExecResult> f = inFlight.remove(in.readLong());
          if (f != null) {
            f.cancel(false);
          }
          continue;
        }
        if (kind != KeeperWire.REQUEST) {
          return;
        }
        KeeperWire.Request request = KeeperWire.readRequest(in);
        CompletableFuture<ExecResult> result;
        try {
          result = connections.computeIfAbsent(request.endpoint(), e -> new SshConnection(e, dialer))
              .exec(request.exec());
        } catch (RuntimeException e) {
          result = CompletableFuture.failedFuture(e);
        }
        inFlight.put(request.id(), result);
        result.whenComplete((r, failure) -> {
          if (inFlight.remove(request.id()) != null) {
            replies.execute(() -> reply(out, request.id(), r, failure));
          }
        });
      }
    } catch (EOFException e) {
      // the run ended
    } catch (IOException | RuntimeException e) {
      System.err.println("tightbeam keeper: a run's connection failed: " + e);
    } finally {
      inFlight.values().forEach(f -> f.cancel(false));
      replies.shutdown();
      leave();
    }
  }

  private static void close(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing to do
    }
  }

  private static void reply(DataOutputStream out, long id, ExecResult r, Throwable failure) {
    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    try {
      out.writeLong(id);
      if (cause == null) {
        out.writeByte(KeeperWire.RESULT);
        out.writeInt(r.exitCode());
        KeeperWire.writeBytes(out, r.stdout());
        KeeperWire.writeBytes(out, r.stderr());
      } else {
        out.writeByte(cause instanceof IllegalArgumentException ? KeeperWire.BAD_ARGUMENT : KeeperWire.UNREACHABLE);
        KeeperWire.writeString(out, cause instanceof ConnectionException || cause instanceof IllegalArgumentException
            ? cause.getMessage() : SshDialer.describe(cause));
      }
      out.flush();
    } catch (IOException e) {
      // the run is gone; its reader ends and cancels what is left
    }
  }
}
