package io.tightbeam.connection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands on the controller itself through {@code /bin/sh -c}, Ansible's {@code local}
 * connection. Stdin, stdout and stderr are temporary files and completion is signalled by the
 * JDK's process reaper, so a running command holds no thread of ours and output of any size or
 * content arrives byte for byte.
 *
 * <p>Commands start in the controller's working directory, as Ansible's local connection does
 * ({@code ansible localhost -c local -a pwd} run from /tmp prints /tmp; a relative {@code path:} of
 * a module lands there); a working directory is entered with the same {@code cd ... || exit 1;}
 * prefix SSH uses, so a missing one fails the same way. A
 * command past its timeout is killed with its descendants and reports -1. A command killed by a
 * signal reports 128+signal (the JDK cannot tell it from a plain exit code).
 */
public final class LocalConnection implements Connection {
  private final String host;

  public LocalConnection(String host) {
    this.host = host;
  }

  @Override
  public String host() {
    return host;
  }

  @Override
  public CompletableFuture<ExecResult> exec(ExecRequest request) {
    if (request.terminal() != null) {
      return CompletableFuture.failedFuture(new ConnectionException(
          "a password for su is typed on a terminal, which only the ssh connection provides: use sudo locally"));
    }
    Path out = null;
    Path err = null;
    Path in = null;
    try {
      String command = RemoteCommand.cd(request.workDir()) + request.command();
      out = Files.createTempFile("tb-out", "");
      err = Files.createTempFile("tb-err", "");
      in = Files.createTempFile("tb-in", "");
      Files.write(in, request.stdin() == null ? new byte[0] : request.stdin());
      ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command);
      builder.environment().putAll(request.environment() == null ? java.util.Map.of() : request.environment());
      builder.redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
      Process process = builder.start();
      CompletableFuture<Process> exit = process.onExit();
      if (request.timeout() != null) {
        exit = exit.orTimeout(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
      }
      Path[] files = {out, err, in};
      return exit.handle(
          (p, failure) -> {
            try {
              if (failure != null) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.onExit().join();
                byte[] note =
                    ("\ntightbeam: command timed out after " + request.timeout().toMillis() + " ms\n")
                        .getBytes(StandardCharsets.UTF_8);
                return new ExecResult(-1, Files.readAllBytes(files[0]), concat(Files.readAllBytes(files[1]), note));
              }
              return new ExecResult(p.exitValue(), Files.readAllBytes(files[0]), Files.readAllBytes(files[1]));
            } catch (IOException e) {
              throw new ConnectionException("cannot read the output of a local command: " + e.getMessage(), e);
            } finally {
              deleteQuietly(files);
            }
          });
    } catch (IOException | IllegalArgumentException e) {
      deleteQuietly(out, err, in);
      return CompletableFuture.failedFuture(
          e instanceof IOException ? new ConnectionException("cannot run local command: " + e.getMessage(), e) : e);
    }
  }

  @Override
  public void put(byte[] data, String remotePath, int mode) {
    Path tmp = null;
    try {
      Path target = SshSettings.localPath(remotePath).toAbsolutePath();
      tmp = Files.createTempFile(target.getParent(), ".tb-put", "");
      Files.write(tmp, data);
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(permissions(mode)));
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new ConnectionException("cannot write " + remotePath + ": " + e.getMessage(), e);
    }
  }

  @Override
  public byte[] fetch(String remotePath) {
    try {
      return Files.readAllBytes(SshSettings.localPath(remotePath));
    } catch (IOException e) {
      throw new ConnectionException("cannot read " + remotePath + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {}

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static String permissions(int mode) {
    StringBuilder s = new StringBuilder();
    String rwx = "rwx";
    for (int bit = 8; bit >= 0; bit--) {
      s.append((mode & (1 << bit)) != 0 ? rwx.charAt(2 - bit % 3) : '-');
    }
    return s.toString();
  }

  private static void deleteQuietly(Path... paths) {
    for (Path p : paths) {
      try {
        if (p != null) {
          Files.deleteIfExists(p);
        }
      } catch (IOException ignored) {
        // a temp file left in /tmp is harmless
      }
    }
  }
}
