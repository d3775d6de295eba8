package io.tightbeam.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What only SSH has: host keys, session reuse, unreachable hosts, signals, many hosts. */
class SshConnectionIT {
  @RegisterExtension static final SshdExtension SSHD = new SshdExtension(4);

  private SshDialer dialer;
  private final List<SshConnection> opened = new ArrayList<>();

  @BeforeEach
  void startClient() throws Exception {
    dialer = new SshDialer(Files.createDirectories(SSHD.directory().resolve("client-ssh")));
  }

  @AfterEach
  void stopClient() {
    opened.forEach(SshConnection::close);
    dialer.close();
  }

  private SshConnection connect(Endpoint endpoint) {
    SshConnection connection = new SshConnection(endpoint, dialer);
    opened.add(connection);
    return connection;
  }

  private static ExecResult run(Connection connection, String command) throws Exception {
    return connection.exec(ExecRequest.of(command)).get(60, TimeUnit.SECONDS);
  }

  private static Throwable failureOf(Connection connection, String command) throws Exception {
    try {
      connection.exec(ExecRequest.of(command)).get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("the command ran, but should have failed to connect");
  }

  @Test
  void changedHostKeyIsRefusedNamingHostAndFingerprints() throws Exception {
    Path otherKey = SSHD.directory().resolve("other_host_key");
    SshdExtension.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", otherKey.toString());
    Path knownHosts = SSHD.directory().resolve("known_hosts_wrong");
    Files.writeString(
        knownHosts, "[" + SSHD.address(0) + "]:" + SSHD.port() + " " + Files.readString(Path.of(otherKey + ".pub")));
    SshConnection connection =
        connect(SSHD.endpoint("web1", 0, Map.of("ansible_ssh_common_args", "-o UserKnownHostsFile=" + knownHosts)));

    Throwable failure = failureOf(connection, "true");

    assertThat(failure)
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("REMOTE HOST IDENTIFICATION HAS CHANGED")
        .hasMessageContaining(SSHD.address(0))
        .hasMessageContaining(SSHD.hostKeyFingerprint());
  }

  @Test
  void unknownHostIsRefusedWhileCheckingAndAcceptedWithCheckingOff() throws Exception {
    Path empty = Files.writeString(SSHD.directory().resolve("known_hosts_empty"), "");
    String args = "-o UserKnownHostsFile=" + empty;

    Throwable failure = failureOf(connect(SSHD.endpoint("web1", 1, Map.of("ansible_ssh_common_args", args))), "true");
    assertThat(failure)
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("host key verification failed for " + SSHD.address(1))
        .hasMessageContaining(SSHD.hostKeyFingerprint())
        .hasMessageContaining(empty.toString());

    SshConnection unchecked =
        connect(SSHD.endpoint("web2", 1, Map.of("ansible_ssh_common_args", args, "host_key_checking", "False")));
    assertThat(run(unchecked, "echo ok").stdoutText()).isEqualTo("ok\n");
    SshConnection strictNo =
        connect(SSHD.endpoint("web3", 1, Map.of("ansible_ssh_common_args", args + " -o StrictHostKeyChecking=no")));
    assertThat(run(strictNo, "echo ok").stdoutText()).isEqualTo("ok\n");
    assertThat(Files.readString(empty)).isEmpty();
  }

  @Test
  void oneSessionServesManyCommands() throws Exception {
    long loginsBefore = SSHD.acceptedLogins();
    SshConnection connection = connect(SSHD.endpoint("web1", 0));
    for (int i = 0; i < 5; i++) {
      assertThat(run(connection, "echo " + i).stdoutText()).isEqualTo(i + "\n");
    }
    List<CompletableFuture<ExecResult>> parallel = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      parallel.add(connection.exec(ExecRequest.of("echo p")));
    }
    for (CompletableFuture<ExecResult> f : parallel) {
      assertThat(f.get(60, TimeUnit.SECONDS).exitCode()).isZero();
    }
    connection.put(new byte[] {42}, SSHD.directory().resolve("put-once").toString(), 0600);
    assertThat(connection.fetch(SSHD.directory().resolve("put-once").toString())).containsExactly(42);

    assertThat(dialer.sessionsOpened()).isEqualTo(1);
    assertThat(SSHD.acceptedLogins() - loginsBefore).isEqualTo(1);
  }

  @Test
  void aDroppedSessionIsReopenedForTheNextCommand() throws Exception {
    SshConnection connection = connect(SSHD.endpoint("web1", 0));
    assertThat(run(connection, "echo before").stdoutText()).isEqualTo("before\n");
    ClientSession first = connection.currentSession();
    first.close(true);
    assertThat(run(connection, "echo after").stdoutText()).isEqualTo("after\n");
    assertThat(connection.currentSession()).isNotSameAs(first);
    assertThat(dialer.sessionsOpened()).isEqualTo(2);
  }

  @Test
  void aSessionLostMidCommandFailsThatCommandAsConnectionException() throws Exception {
    SshConnection connection = connect(SSHD.endpoint("web1", 0));
    run(connection, "true");
    CompletableFuture<ExecResult> running = connection.exec(ExecRequest.of("sleep 20"));
    Thread.sleep(500);
    connection.currentSession().close(true);
    assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ConnectionException.class)
        .hasMessageContaining("lost");
  }

  @Test
  void nobodyListeningIsAQuickConnectionException() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    Endpoint endpoint =
        new Endpoint("down", "ssh", "127.0.0.1", closedPort, SSHD.user(), Duration.ofSeconds(5), Map.of());
    long start = System.nanoTime();
    Throwable failure = failureOf(connect(endpoint), "true");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    assertThat(failure)
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("Failed to connect to the host via ssh")
        .hasMessageContaining("127.0.0.1:" + closedPort);
  }

  @Test
  void aWrongKeyIsPermissionDenied() throws Exception {
    Path stranger = SSHD.directory().resolve("stranger_key");
    SshdExtension.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", stranger.toString());
    Throwable failure =
        failureOf(
            connect(SSHD.endpoint("web1", 2, Map.of("ansible_ssh_private_key_file", stranger.toString()))), "true");
    assertThat(failure).isInstanceOf(ConnectionException.class).hasMessageContaining("Permission denied");
  }

  @Test
  void aCommandKilledBySignalReportsMinusOne() throws Exception {
    ExecResult result = run(connect(SSHD.endpoint("web1", 0)), "echo before; kill -9 $$");
    assertThat(result.exitCode()).isEqualTo(-1);
    assertThat(result.stdoutText()).isEqualTo("before\n");
  }

  @Test
  void aTimedOutCommandIsKilledOnTheHost() throws Exception {
    Path marker = SSHD.directory().resolve("survived-timeout");
    SshConnection connection = connect(SSHD.endpoint("web1", 0));
    ExecResult result =
        connection
            .exec(ExecRequest.of("sleep 2; touch " + marker).withTimeout(Duration.ofMillis(500)))
            .get(30, TimeUnit.SECONDS);
    assertThat(result.exitCode()).isEqualTo(-1);
    Thread.sleep(3000);
    assertThat(marker).doesNotExist();
  }

  @Test
  void fortyHostsOnFourAddressesConnectAtOnce() throws Exception {
    List<CompletableFuture<ExecResult>> running = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Endpoint e = SSHD.endpoint("host" + i, i % 4);
      // a generous limit: the shared two-core test machine is the bottleneck, not the client
      Endpoint patient = new Endpoint(e.inventoryName(), "ssh", e.address(), e.port(), e.user(), Duration.ofSeconds(60), e.options());
      running.add(connect(patient).exec(ExecRequest.of("echo " + i)));
    }
    for (int i = 0; i < 40; i++) {
      assertThat(running.get(i).get(180, TimeUnit.SECONDS).stdoutText()).isEqualTo(i + "\n");
    }
    assertThat(dialer.sessionsOpened()).isEqualTo(40);
  }

  @Test
  void sshConfigSuppliesHostNamePortUserAndIdentityFile() throws Exception {
    Path sshDir = Files.createDirectories(SSHD.directory().resolve("config-ssh"));
    Files.writeString(
        sshDir.resolve("config"),
        "Host webalias\n  HostName " + SSHD.address(2) + "\n  Port " + SSHD.port() + "\n  User " + SSHD.user()
            + "\n  IdentityFile " + SSHD.clientKey() + "\n");
    try (SshDialer configured = new SshDialer(sshDir)) {
      Endpoint endpoint =
          new Endpoint("webalias", "ssh", "webalias", 0, null, Duration.ofSeconds(10), Map.of("host_key_checking", "false"));
      SshConnection connection = new SshConnection(endpoint, configured);
      assertThat(run(connection, "echo $SSH_CONNECTION").stdoutText()).contains(SSHD.address(2) + " " + SSHD.port());
      connection.close();
    }
  }

  @Test
  void aProxyJumpReachesTheTargetThroughTheJumpHostsTunnel() throws Exception {
    long loginsBefore = SSHD.acceptedLogins();
    String jump = SSHD.user() + "@" + SSHD.address(0) + ":" + SSHD.port();
    SshConnection connection = connect(SSHD.endpoint("behind", 1, Map.of("ansible_ssh_common_args",
        "-o UserKnownHostsFile=" + SSHD.knownHosts() + " -o ProxyJump=" + jump)));

    String[] seen = run(connection, "echo $SSH_CONNECTION").stdoutText().strip().split(" ");

    assertThat(seen[2] + ":" + seen[3]).isEqualTo(SSHD.address(1) + ":" + SSHD.port());
    // the target's peer is the jump host's sshd (it opened the forwarded connection), not this JVM
    String peer = SshdExtension.run("ss", "-Htnp", "src", seen[0] + ":" + seen[1]);
    assertThat(peer).as("the process behind %s:%s", seen[0], seen[1]).contains("\"sshd\"").doesNotContain("java");
    assertThat(SSHD.acceptedLogins() - loginsBefore).as("the jump host, then the target").isEqualTo(2);
    assertThat(run(connection, "echo again").stdoutText()).isEqualTo("again\n");
    assertThat(dialer.sessionsOpened()).isEqualTo(2);
  }

  @Test
  void anUnreachableJumpHostIsNamedInTheConnectionError() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    SshConnection connection = connect(SSHD.endpoint("behind", 1, Map.of("ansible_ssh_common_args",
        "-o UserKnownHostsFile=" + SSHD.knownHosts() + " -J nobody@127.0.0.1:" + closedPort)));

    assertThat(failureOf(connection, "true"))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("Failed to connect to the host via ssh: " + SSHD.user() + "@" + SSHD.address(1))
        .hasMessageContaining("via jump host nobody@127.0.0.1:" + closedPort);
  }

  @Test
  void connectionsWiresSshAndItsAliases() throws Exception {
    Path home = Files.createDirectories(SSHD.directory().resolve("controller-home"));
    try (Connections connections = new Connections(Map.of("HOME", home.toString()))) {
      for (String type : List.of("ssh", "paramiko", "smart")) {
        Endpoint base = SSHD.endpoint("alias-" + type, 3);
        Endpoint endpoint =
            new Endpoint(base.inventoryName(), type, base.address(), base.port(), base.user(), base.connectTimeout(), base.options());
        Connection connection = connections.get(endpoint);
        assertThat(connection).isInstanceOf(SshConnection.class).isSameAs(connections.get(endpoint));
        assertThat(connection.exec(ExecRequest.of("echo " + type)).get(60, TimeUnit.SECONDS).stdoutText())
            .isEqualTo(type + "\n");
      }
    }
  }
}
