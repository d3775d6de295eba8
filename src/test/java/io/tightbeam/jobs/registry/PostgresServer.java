package io.tightbeam.jobs.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test fixture: a real PostgreSQL server of the test's own (Debian's postgresql package: initdb and
 * pg_ctl in a temp dir, as the unprivileged {@code postgres} user, trust on 127.0.0.1). Skips the
 * test when the package is missing or the test does not run as root.
 */
public final class PostgresServer implements AutoCloseable {
  private final Path dir;
  private final String bin;
  private final int port;

  private PostgresServer(Path dir, String bin, int port) {
    this.dir = dir;
    this.bin = bin;
    this.port = port;
  }

  public static PostgresServer start() throws Exception {
    File[] versions = new File("/usr/lib/postgresql").listFiles();
    assumeTrue(versions != null && versions.length > 0, "Debian's postgresql package is not installed");
    String bin = Arrays.stream(versions).max(Comparator.comparing(File::getName)).orElseThrow() + "/bin/";
    assumeTrue("root".equals(System.getProperty("user.name")), "runs the server as postgres through runuser (root only)");
    Path dir = Files.createTempDirectory("tb-pg");
    run("chown", "postgres", dir.toString());
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    asPostgres(bin + "initdb", "-D", dir + "/data", "-A", "trust", "-U", "tb", "-E", "UTF8", "--no-sync");
    asPostgres(bin + "pg_ctl", "-D", dir + "/data", "-l", dir + "/log", "-w", "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    return new PostgresServer(dir, bin, port);
  }

  /** The registry URL for {@code user} on the server's {@code postgres} database. */
  public String url(String user) {
    return "postgresql://" + user + "@127.0.0.1:" + port + "/postgres";
  }

  @Override
  public void close() throws Exception {
    if (Files.exists(Path.of(dir + "/data/postmaster.pid"))) {
      asPostgres(bin + "pg_ctl", "-D", dir + "/data", "-m", "immediate", "-w", "stop");
    }
    run("rm", "-rf", dir.toString());
  }

  private static void asPostgres(String... cmd) throws Exception {
    List<String> all = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
    all.addAll(List.of(cmd));
    run(all.toArray(String[]::new));
  }

  private static void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + out).isZero();
  }
}
