package io.tightbeam.connection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The user SSH tests log in as. Not root when the tests run as root: root's login shell may load a
 * heavy {@code .bashrc} on every command, so {@value #NAME} is made instead (idempotently, as other
 * test runs may share the machine): shell {@code /bin/sh}, an unlocked password field ({@code *},
 * no password) so that sshd without PAM accepts key logins, and a sudoers drop-in letting it sudo
 * without a password. The drop-in is left in place: the user has no password and no keys of its
 * own, so only a test sshd (whose authorized keys are per run) lets anyone in as that user.
 */
final class TestUser {
  static final String NAME = "tbtest";
  static final Path SUDOERS = Path.of("/etc/sudoers.d/tightbeam-test-user");

  private static String login; // guarded by TestUser.class

  private TestUser() {}

  /** The login user for SSH tests; makes the test user on first call when running as root. */
  static synchronized String login() {
    if (login == null) {
      String me = System.getProperty("user.name");
      if (!"root".equals(me)) {
        login = me;
      } else {
        try {
          ensureExists();
          login = NAME;
        } catch (IOException e) {
          throw new java.io.UncheckedIOException("cannot make the SSH test user " + NAME, e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while making the SSH test user", e);
        }
      }
    }
    return login;
  }

  /** The home directory of {@code user} from the password database. */
  static Path home(String user) {
    if (user.equals(System.getProperty("user.name"))) {
      return Path.of(System.getProperty("user.home"));
    }
    try {
      return Path.of(passwd(user)[5]);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void ensureExists() throws IOException, InterruptedException {
    if (passwd(NAME) == null) {
      // another test run may be making it at the same moment: only its absence afterwards is an error
      sh("useradd", "-m", "-s", "/bin/sh", NAME);
      if (passwd(NAME) == null) {
        throw new IOException("useradd did not make " + NAME);
      }
    }
    String[] entry = passwd(NAME);
    if (!entry[6].equals("/bin/sh")) {
      retried("usermod", "-s", "/bin/sh", NAME);
    }
    String shadow = getent("shadow", NAME);
    if (shadow == null || shadow.split(":", -1)[1].startsWith("!")) {
      retried("usermod", "-p", "*", NAME); // sshd refuses locked accounts ("!") to key logins without PAM
    }
    if (!Files.isDirectory(Path.of(entry[5]))) {
      Files.createDirectories(Path.of(entry[5]));
      sh("chown", NAME + ":", entry[5]);
    }
    allowSudo();
  }

  private static void allowSudo() throws IOException, InterruptedException {
    Path dropIns = SUDOERS.getParent();
    String rule = NAME + " ALL=(ALL:ALL) NOPASSWD: ALL\n";
    if (!Files.isDirectory(dropIns) || (Files.exists(SUDOERS) && Files.readString(SUDOERS).equals(rule))) {
      return;
    }
    // sudo ignores names with a dot, so the file is complete before it counts
    Path partial = dropIns.resolve(".tightbeam-test-user." + ProcessHandle.current().pid());
    Files.writeString(partial, rule);
    Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("r--r-----"));
    if (sh("visudo", "-c", "-q", "-f", partial.toString()) != 0) {
      Files.deleteIfExists(partial);
      throw new IOException("visudo refused the rule " + rule.strip());
    }
    Files.move(partial, SUDOERS, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** usermod fails while another process holds the password file's lock: try a few times. */
  private static void retried(String... command) throws IOException, InterruptedException {
    for (int attempt = 1; sh(command) != 0; attempt++) {
      if (attempt == 5) {
        throw new IOException(String.join(" ", command) + " failed");
      }
      Thread.sleep(200L * attempt);
    }
  }

  private static String[] passwd(String user) throws IOException, InterruptedException {
    String line = getent("passwd", user);
    return line == null ? null : line.split(":", -1);
  }

  private static String getent(String database, String key) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("getent", database, key).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    return p.waitFor() == 0 && !out.isEmpty() ? out : null;
  }

  private static int sh(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor();
  }
}
