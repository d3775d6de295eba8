package io.tightbeam.vault;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An executable vault password source: its stdout (stripped) is the password. A script named
 * {@code *-client} (before any extension) serves several ids: it is run with {@code --vault-id
 * label} and exits 2 when it has no secret for that label.
 */
final class PasswordScript {
  private PasswordScript() {}

  static byte[] run(Path script, String label) throws IOException {
    String name = script.getFileName().toString();
    int dot = name.lastIndexOf('.');
    boolean client = (dot > 0 ? name.substring(0, dot) : name).endsWith("-client");
    List<String> command = new ArrayList<>(List.of(script.toString()));
    if (client) {
      command.addAll(List.of("--vault-id", label));
    }
    ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT);
    // Ansible lets a plain script's stderr through to the terminal and keeps a client's for its message.
    pb.redirectError(client ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.INHERIT);
    Process p = pb.start();
    CompletableFuture<byte[]> err = client
        ? CompletableFuture.supplyAsync(() -> readAll(p)) : CompletableFuture.completedFuture(null);
    byte[] out = p.getInputStream().readAllBytes();
    int rc;
    try {
      rc = p.waitFor();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + script, e);
    }
    String stderr = client ? bytesRepr(err.join()) : "None";
    if (client && rc == 2) {
      throw new VaultException("Vault password client script " + script
          + " did not find a secret for vault-id=" + label + ": " + stderr);
    }
    if (rc != 0) {
      throw new VaultException(client
          ? "Vault password client script " + script + " returned non-zero (" + rc
              + ") when getting secret for vault-id=" + label + ": " + stderr
          : "Vault password script " + script + " returned non-zero (" + rc + "): " + stderr);
    }
    byte[] password = VaultIds.strip(out);
    if (password.length == 0) {
      throw new VaultException("Invalid vault password was provided from script (" + script + ")");
    }
    return password;
  }

  private static byte[] readAll(Process p) {
    try {
      return p.getErrorStream().readAllBytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }

  /** Python's repr of bytes, as Ansible puts a client script's stderr in its message. */
  static String bytesRepr(byte[] data) {
    boolean hasSingle = false;
    boolean hasDouble = false;
    for (byte b : data) {
      hasSingle |= b == '\'';
      hasDouble |= b == '"';
    }
    char quote = hasSingle && !hasDouble ? '"' : '\'';
    StringBuilder sb = new StringBuilder("b").append(quote);
    for (byte b : data) {
      int c = b & 0xff;
      if (c == quote || c == '\\') {
        sb.append('\\').append((char) c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c < 0x20 || c >= 0x7f) {
        sb.append(String.format("\\x%02x", c));
      } else {
        sb.append((char) c);
      }
    }
    return sb.append(quote).toString();
  }
}
