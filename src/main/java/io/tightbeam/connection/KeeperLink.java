package io.tightbeam.connection;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A run's one link to its {@link Keeper}: connects to the keeper's socket, starting the keeper
 * first when none answers, and carries every exec of the run's kept connections as frames ({@link
 * KeeperWire}), with one reader thread completing their futures. The socket's name is a hash of
 * what a keeper must share with its runs (this build, the SSH directory, the agent), so a keeper
 * never serves a run of another build or with other keys.
 */
final class KeeperLink implements AutoCloseable {
  private static final long START_LIMIT_MS = 15_000;

  private final SocketChannel channel;
  private final DataOutputStream out;
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private volatile boolean closed;

  /** A request sent and not yet answered: the host it is for (to name in a failure) and its result. */
  private record Pending(String host, CompletableFuture<ExecResult> result) {}

  private KeeperLink(SocketChannel channel, DataOutputStream out) {
    this.channel = channel;
    this.out = out;
  }

  /**
   * The link to the keeper for {@code persist}, started if needed with {@code env}; null when no
   * keeper can be had (the directory is not private, the keeper does not start): the run then
   * connects by itself. {@code sshDir} and {@code agent} are the ones the run would use.
   */
  static KeeperLink open(ControlPersist persist, Map<String, String> env, Path sshDir, Path agent) {
    try {
      if (!privateDir(persist.dir())) {
        return null;
      }
      Path socket = persist.dir().resolve("tb-" + key(sshDir, agent));
      KeeperLink link = connect(socket, persist.idleSeconds());
      if (link == null && start(socket, persist.idleSeconds(), env)) {
        link = connect(socket, persist.idleSeconds());
      }
      return link;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  CompletableFuture<ExecResult> exec(Endpoint endpoint, ExecRequest request) {
    long id = ids.incrementAndGet();
    CompletableFuture<ExecResult> result = new CompletableFuture<>();
    pending.put(id, new Pending(endpoint.inventoryName(), result));
    try {
      synchronized (out) {
        KeeperWire.writeRequest(out, id, endpoint, request);
        out.flush();
      }
    } catch (IOException e) {
      pending.remove(id);
      result.completeExceptionally(lost(endpoint.inventoryName(), e));
      return result;
    }
    if (closed) {
      fail(id); // the reader ended while we wrote
    }
    result.whenComplete((r, failure) -> {
      if (failure instanceof CancellationException && pending.remove(id) != null) {
        try {
          synchronized (out) {
            out.writeByte(KeeperWire.CANCEL);
            out.writeLong(id);
            out.flush();
          }
        } catch (IOException e) {
          // the keeper is gone, and the command with its session
        }
      }
    });
    return result;
  }

  private static ConnectionException lost(String host, Throwable cause) {
    return new ConnectionException("the connection keeper holding the session to " + host + " went away", cause);
  }

  private void fail(long id) {
    Pending p = pending.remove(id);
    if (p != null) {
      p.result().completeExceptionally(lost(p.host(), null));
    }
  }

  private void readReplies(DataInputStream in) {
    try {
      while (true) {
        long id = in.readLong();
        byte kind = in.readByte();
        Pending p;
        if (kind == KeeperWire.RESULT) {
          int exit = in.readInt();
          byte[] stdout = KeeperWire.readBytes(in);
          byte[] stderr = KeeperWire.readBytes(in);
          p = pending.remove(id);
          if (p != null) {
            p.result().complete(new ExecResult(exit, stdout, stderr));
          }
        } else {
          String message = KeeperWire.readString(in);
          p = pending.remove(id);
          if (p != null) {
            p.result().completeExceptionally(kind == KeeperWire.BAD_ARGUMENT
                ? new IllegalArgumentException(message) : new ConnectionException(message));
          }
        }
      }
    } catch (IOException e) {
      closed = true;
      List.copyOf(pending.keySet()).forEach(this::fail);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      channel.close();
    } catch (IOException e) {
      // nothing left to do
    }
  }

  private static KeeperLink connect(Path socket, long persistSeconds) {
    if (!Files.exists(socket)) {
      return null;
    }
    SocketChannel channel = null;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(socket));
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(KeeperWire.output(channel), 1 << 16));
      DataInputStream in = new DataInputStream(new BufferedInputStream(KeeperWire.input(channel), 1 << 16));
      out.writeInt(KeeperWire.MAGIC);
      out.writeInt(KeeperWire.VERSION);
      out.writeLong(persistSeconds);
      out.flush();
      if (in.readInt() != KeeperWire.VERSION) {
        channel.close();
        return null;
      }
      KeeperLink link = new KeeperLink(channel, out);
      Thread reader = new Thread(() -> link.readReplies(in), "tightbeam-keeper-link");
      reader.setDaemon(true);
      reader.start();
      return link;
    } catch (IOException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // nothing to do
        }
      }
      return null;
    }
  }

  /** Starts a keeper for {@code socket} in its own session and waits for its "ready" (or its end). */
  private static boolean start(Path socket, long persistSeconds, Map<String, String> env) throws IOException {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      command.add("/usr/bin/setsid"); // out of the terminal's process group: Ctrl-C on a run leaves it be
    }
    ProcessHandle.Info self = ProcessHandle.current().info();
    command.add(self.command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    for (String arg : self.arguments().orElse(new String[0])) {
      if (arg.startsWith("-XX:SharedArchiveFile=") || arg.startsWith("-Xshare:")) {
        command.add(arg); // the launcher's class-data archive starts it faster
      }
    }
    command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData"));
    String extra = env.get("TIGHTBEAM_KEEPER_JAVA_OPTS"); // e.g. a profiler's, as TIGHTBEAM_JAVA_OPTS for the CLI
    if (extra != null && !extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Keeper.MAIN,
        socket.toString(), String.valueOf(persistSeconds)));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.redirectError(ProcessBuilder.Redirect.appendTo(socket.resolveSibling(socket.getFileName() + ".log").toFile()));
    Process keeper = pb.start();
    CompletableFuture<Void> limit = CompletableFuture.runAsync(() -> { },
        CompletableFuture.delayedExecutor(START_LIMIT_MS, TimeUnit.MILLISECONDS));
    limit.thenRun(keeper::destroyForcibly);
    // Lines before "ready" are a JVM agent's (async-profiler's "Profiling started", JFR's start-up
    // line): TIGHTBEAM_KEEPER_JAVA_OPTS may name one.
    try (var ready = new BufferedReader(new InputStreamReader(keeper.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = ready.readLine(); line != null; line = ready.readLine()) {
        if (line.equals("ready")) {
          return true;
        }
      }
      return false;
    } finally {
      limit.cancel(false);
    }
  }

  /** Whether {@code dir} is (or now is) a directory of this user's that nobody else may write. */
  private static boolean privateDir(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir.getParent());
      try {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // made by a run started at the same time
      }
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
    if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
      return false;
    }
    Path probe = Files.createTempFile(dir, ".tb-owner", "");
    try {
      return Files.getOwner(probe).equals(Files.getOwner(dir));
    } finally {
      Files.deleteIfExists(probe);
    }
  }

  /** The hash naming the socket: this build (class path and its first entry's time), the SSH directory, the agent. */
  private static String key(Path sshDir, Path agent) throws IOException {
    String classPath = System.getProperty("java.class.path");
    String first = classPath.split(File.pathSeparator, 2)[0];
    long built = Files.exists(Path.of(first)) ? Files.getLastModifiedTime(Path.of(first)).toMillis() : 0;
    String identity = KeeperWire.VERSION + "\n" + classPath + "\n" + built + "\n" + sshDir + "\n" + agent;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
