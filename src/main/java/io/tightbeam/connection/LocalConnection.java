package io.tightbeam.connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands on the controller itself through {@code /bin/sh -c}, Ansible's {@code local}
 * connection. Output goes to temporary files and completion is signalled by the JDK's process
 * reaper, so a running command holds no thread of ours.
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
    try {
      Path out = Files.createTempFile("tb-out", "");
      Path err = Files.createTempFile("tb-err", "");
      Path in = Files.createTempFile("tb-in", "");
      Files.write(in, request.stdin());
      ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", request.command());
      builder.environment().putAll(request.environment());
      builder.directory(
          request.workDir() == null
              ? new java.io.File(System.getProperty("user.home"))
              : new java.io.File(request.workDir()));
      builder.redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
      Process process = builder.start();
      CompletableFuture<Process> exit = process.onExit();
      if (request.timeout() != null) {
        exit = exit.orTimeout(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
      }
      return exit.handle(
          (p, failure) -> {
            try {
              if (failure != null) {
                process.destroyForcibly();
                throw new ConnectionException(
                    "command timed out after " + request.timeout().toSeconds() + "s");
              }
              return new ExecResult(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            } finally {
              deleteQuietly(out, err, in);
            }
          });
    } catch (IOException e) {
      return CompletableFuture.failedFuture(
          new ConnectionException("cannot run local command: " + e.getMessage(), e));
    }
  }

  @Override
  public void put(byte[] data, String remotePath, int mode) {
    try {
      Path target = Path.of(remotePath);
      Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".tb-put", "");
      Files.write(tmp, data);
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(permissions(mode)));
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new ConnectionException("cannot write " + remotePath + ": " + e.getMessage(), e);
    }
  }

  @Override
  public byte[] fetch(String remotePath) {
    try {
      return Files.readAllBytes(Path.of(remotePath));
    } catch (IOException e) {
      throw new ConnectionException("cannot read " + remotePath + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {}

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
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // a temp file left in /tmp is harmless
      }
    }
  }
}
