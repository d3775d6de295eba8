package io.tightbeam.connection;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the system's real OpenSSH {@code /usr/sbin/sshd} for a test class, listening on one free
 * port on 127.0.0.2, 127.0.0.3, ... so that one daemon stands for several hosts. Keys (host and
 * client, ed25519) are generated per run and accepted for every user. If sshd does not come up,
 * the test class fails with sshd's output.
 *
 * <p>The login {@link #user()} is the user running the tests, except for root (as on CI): then it
 * is {@link TestUser#NAME}, a user made on first use whose shell is {@code /bin/sh} (root's
 * {@code .bashrc} may cost 100 ms per command) and who may sudo without a password. root stays
 * available: {@code endpointAs(name, host, "root")}. {@link #directory()} is writable by the login
 * user, so remote commands may leave files there for the test to read.
 *
 * <pre>{@code
 * @RegisterExtension static final SshdExtension SSHD = new SshdExtension();
 * ...
 * Endpoint web1 = SSHD.endpoint("web1", 0);   // 127.0.0.2, key and known_hosts set
 * }</pre>
 */
public final class SshdExtension implements BeforeAllCallback, AfterAllCallback {
  private static final Path SSHD = Path.of("/usr/sbin/sshd");

  private final int hosts;
  private int maxSessions = 50;
  private String logLevel = "VERBOSE";
  private boolean ecdsaHostKey;
  private Path dir;
  private Process process;
  private int port;
  private List<String> addresses;

  /** Four hosts: 127.0.0.2 to 127.0.0.5. */
  public SshdExtension() {
    this(4);
  }

  public SshdExtension(int hosts) {
    this.hosts = hosts;
  }

  /** Sets sshd's MaxSessions (channels per connection; 50 by default here, 10 in stock OpenSSH). */
  public SshdExtension withMaxSessions(int sessions) {
    this.maxSessions = sessions;
    return this;
  }

  /** Sets sshd's LogLevel (VERBOSE by default; DEBUG3 to watch channels). */
  public SshdExtension withLogLevel(String level) {
    this.logLevel = level;
    return this;
  }

  /** Gives sshd an ECDSA host key besides its Ed25519 one (known_hosts still names only the Ed25519 key). */
  public SshdExtension withEcdsaHostKey() {
    this.ecdsaHostKey = true;
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  /** Starts sshd; called by JUnit, or by hand for use outside an extension. */
  public void start() throws IOException, InterruptedException {
    TestUser.login(); // made (once per JVM) before sshd is asked to accept it
    dir = Files.createTempDirectory("tb-sshd");
    keygen(hostKey(), "tightbeam-test-host");
    if (ecdsaHostKey) {
      run("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-C", "tightbeam-test-host", "-f", ecdsaHostKey().toString());
    }
    keygen(clientKey(), "tightbeam-test-client");
    Files.copy(Path.of(clientKey() + ".pub"), dir.resolve("authorized_keys"));
    // sshd reads authorized_keys as the login user, who may be a test-made user other than us, and
    // remote commands of that user write into the directory (sticky: they cannot remove our keys)
    run("chmod", "1777", dir.toString());
    Files.setPosixFilePermissions(
        dir.resolve("authorized_keys"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    port = freePort();
    addresses = new ArrayList<>();
    for (int i = 0; i < hosts; i++) {
      addresses.add("127.0.0." + (2 + i));
    }
    writeKnownHosts();
    Files.writeString(dir.resolve("sshd_config"), config());
    if ("root".equals(System.getProperty("user.name"))) {
      Files.createDirectories(Path.of("/run/sshd")); // privilege separation directory
    }
    process =
        new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
            .redirectErrorStream(true)
            .redirectOutput(log().toFile())
            .start();
    awaitListening();
  }

  /** Stops sshd and deletes its files. */
  public void stop() {
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    deleteTree(dir);
  }

  public int port() {
    return port;
  }

  /** The listening addresses, one per simulated host. */
  public List<String> addresses() {
    return List.copyOf(addresses);
  }

  public String address(int host) {
    return addresses.get(host);
  }

  /** The login user: the user running the tests, or the test user when that is root. */
  public String user() {
    return TestUser.login();
  }

  /** The login user's home directory (where {@code ~} and relative paths lead on the hosts). */
  public Path userHome() {
    return TestUser.home(user());
  }

  /** The client's private key (OpenSSH format, ed25519, no passphrase). */
  public Path clientKey() {
    return dir.resolve("client_ed25519");
  }

  public Path hostKey() {
    return dir.resolve("host_ed25519");
  }

  /** The ECDSA host key of {@link #withEcdsaHostKey()}. */
  public Path ecdsaHostKey() {
    return dir.resolve("host_ecdsa");
  }

  /** A known_hosts file holding the host key for every address ({@code [127.0.0.2]:port} form). */
  public Path knownHosts() {
    return dir.resolve("known_hosts");
  }

  /** sshd's log (LogLevel VERBOSE: one "Accepted publickey" line per authenticated connection). */
  public Path log() {
    return dir.resolve("sshd.log");
  }

  public String logText() {
    try {
      return Files.readString(log(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** How many logins sshd has accepted so far. */
  public long acceptedLogins() {
    return logText().lines().filter(l -> l.contains("Accepted publickey")).count();
  }

  /** A scratch directory that lives as long as the server, writable by the login user. */
  public Path directory() {
    return dir;
  }

  /** The host key's SHA256 fingerprint as ssh-keygen prints it ({@code SHA256:...}). */
  public String hostKeyFingerprint() throws IOException, InterruptedException {
    String out = run("ssh-keygen", "-l", "-f", hostKey() + ".pub");
    return out.split("\\s+")[1];
  }

  /** As {@link #endpoint(String, int)}, logging in as {@code user} (same client key). */
  public Endpoint endpointAs(String inventoryName, int host, String user) {
    Endpoint e = endpoint(inventoryName, host);
    return new Endpoint(e.inventoryName(), e.type(), e.address(), e.port(), user, e.connectTimeout(), e.options());
  }

  /** An ssh endpoint for host number {@code host} with the client key and this known_hosts. */
  public Endpoint endpoint(String inventoryName, int host) {
    return endpoint(inventoryName, host, Map.of());
  }

  /** As {@link #endpoint(String, int)}, with extra options that win over the defaults. */
  public Endpoint endpoint(String inventoryName, int host, Map<String, String> extra) {
    Map<String, String> options = new java.util.HashMap<>();
    options.put("ansible_ssh_private_key_file", clientKey().toString());
    options.put("ansible_ssh_common_args", "-o UserKnownHostsFile=" + knownHosts());
    options.putAll(extra);
    return new Endpoint(inventoryName, "ssh", address(host), port, user(), Duration.ofSeconds(10), Map.copyOf(options));
  }

  private String config() {
    StringBuilder c = new StringBuilder();
    for (String address : addresses) {
      c.append("ListenAddress ").append(address).append(':').append(port).append('\n');
    }
    if (ecdsaHostKey) {
      c.append("HostKey ").append(ecdsaHostKey()).append('\n');
    }
    c.append("HostKey ").append(hostKey()).append('\n')
        .append("AuthorizedKeysFile ").append(dir.resolve("authorized_keys")).append('\n')
        .append("PidFile ").append(dir.resolve("sshd.pid")).append('\n')
        .append("StrictModes no\nUsePAM no\nPermitRootLogin yes\nPasswordAuthentication no\n")
        .append("KbdInteractiveAuthentication no\nUseDNS no\nPrintMotd no\nLogLevel ").append(logLevel).append('\n')
        .append("MaxStartups 200\nMaxSessions ").append(maxSessions).append('\n')
        .append("AllowTcpForwarding yes\n"); // one address may be the jump host (ProxyJump) to another
    if (Files.exists(Path.of("/usr/lib/openssh/sftp-server"))) {
      c.append("Subsystem sftp /usr/lib/openssh/sftp-server\n");
    }
    return c.toString();
  }

  private void writeKnownHosts() throws IOException {
    String key = Files.readString(Path.of(hostKey() + ".pub")).trim();
    StringBuilder lines = new StringBuilder();
    for (String address : addresses) {
      lines.append('[').append(address).append("]:").append(port).append(' ').append(key).append('\n');
    }
    Files.writeString(knownHosts(), lines);
  }

  private void awaitListening() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    for (String address : addresses) {
      while (true) {
        if (!process.isAlive()) {
          throw new AssertionError("sshd exited with " + process.exitValue() + ":\n" + logText());
        }
        try (Socket probe = new Socket()) {
          probe.connect(new InetSocketAddress(address, port), 500);
          break;
        } catch (IOException notYet) {
          if (System.nanoTime() > deadline) {
            throw new AssertionError("sshd is not listening on " + address + ":" + port + ":\n" + logText());
          }
          Thread.sleep(50);
        }
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"))) {
      return socket.getLocalPort();
    }
  }

  private static void keygen(Path key, String comment) throws IOException, InterruptedException {
    run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", key.toString());
  }

  static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }

  private static void deleteTree(Path root) {
    if (root == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temp directory is harmless
    }
  }
}
