package io.tightbeam.connection;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;

/** Put and fetch as commands on a connection's exec: {@code cat} into a temp file and rename, {@code cat} out. */
final class RemoteFiles {
  static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(5);

  private RemoteFiles() {}

  static void put(Connection connection, byte[] data, String remotePath, int mode) {
    int slash = remotePath.lastIndexOf('/');
    String tmpName = ".tb-put." + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    String tmp = RemoteCommand.path(slash < 0 ? tmpName : remotePath.substring(0, slash + 1) + tmpName);
    String command = "umask 077; { cat > " + tmp + " && chmod " + Integer.toOctalString(mode & 07777) + " " + tmp
        + " && mv -f " + tmp + " " + RemoteCommand.path(remotePath) + "; } || { rm -f " + tmp + "; exit 1; }";
    ExecResult result = await(connection, ExecRequest.of(command).withStdin(data).withTimeout(TRANSFER_TIMEOUT));
    if (result.exitCode() != 0) {
      throw new ConnectionException(
          "cannot write " + remotePath + " on " + connection.host() + ": " + result.stderrText().strip());
    }
  }

  static byte[] fetch(Connection connection, String remotePath) {
    ExecResult result = await(connection,
        ExecRequest.of("cat -- " + RemoteCommand.path(remotePath)).withTimeout(TRANSFER_TIMEOUT));
    if (result.exitCode() != 0) {
      throw new ConnectionException(
          "cannot read " + remotePath + " on " + connection.host() + ": " + result.stderrText().strip());
    }
    return result.stdout();
  }

  private static ExecResult await(Connection connection, ExecRequest request) {
    try {
      return connection.exec(request).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionException("interrupted while talking to " + connection.host(), e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ConnectionException c) {
        throw c;
      }
      throw new ConnectionException(connection.host() + ": " + SshDialer.describe(e.getCause()), e.getCause());
    }
  }
}
