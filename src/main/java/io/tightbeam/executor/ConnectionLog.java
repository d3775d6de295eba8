package io.tightbeam.executor;

import io.tightbeam.connection.Connection;
import io.tightbeam.connection.Endpoint;
import io.tightbeam.connection.ExecRequest;
import io.tightbeam.connection.ExecResult;
import io.tightbeam.connection.Sh;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A task's connection at {@code -vvv}: shows what it does in the lines Ansible's connection
 * plugins print ({@code <host> ESTABLISH LOCAL CONNECTION FOR USER: root}, {@code <host> EXEC
 * /bin/sh -c '...'}, {@code <host> PUT ...}), so that what users and tests grep for (the become
 * command: {@code sudo -H -S -n -u root}) is there. A long module script is shown cut short.
 */
final class ConnectionLog implements Connection {
  /** Commands beyond this are module scripts: Ansible's EXEC names a file, not the program text. */
  private static final int SHOWN_CHARS = 2000;

  private final Connection inner;
  private final Endpoint endpoint;
  private final String address;
  private final RunListener listener;
  private final boolean hideCommands;
  private final AtomicBoolean established = new AtomicBoolean();

  ConnectionLog(Connection inner, Endpoint endpoint, String address, RunListener listener, boolean hideCommands) {
    this.inner = inner;
    this.hideCommands = hideCommands;
    this.endpoint = endpoint;
    this.address = address;
    this.listener = listener;
  }

  private boolean local() {
    return endpoint.type().equals("local");
  }

  private void establish() {
    if (established.compareAndSet(false, true)) {
      String user = local() ? System.getProperty("user.name") : String.valueOf(endpoint.user());
      show("ESTABLISH " + (local() ? "LOCAL" : "SSH") + " CONNECTION FOR USER: " + user);
    }
  }

  private void show(String text) {
    listener.verbose(3, "<" + address + "> " + text);
  }

  @Override
  public String host() {
    return inner.host();
  }

  @Override
  public CompletableFuture<ExecResult> exec(ExecRequest request) {
    establish();
    String command = request.command();
    if (hideCommands) {
      command = "(command censored due to no_log)";
    } else if (command.length() > SHOWN_CHARS) {
      command = command.substring(0, SHOWN_CHARS) + " ... (" + (request.command().length() - SHOWN_CHARS)
          + " more characters)";
    }
    String shell = "/bin/sh -c " + Sh.quote(command);
    if (local()) {
      show("EXEC " + shell);
    } else {
      String port = endpoint.port() > 0 ? " -o Port=" + endpoint.port() : "";
      String user = endpoint.user() == null ? "" : " -o 'User=\"" + endpoint.user() + "\"'";
      show("SSH: EXEC ssh" + port + user + " -o ConnectTimeout=" + endpoint.connectTimeout().toSeconds() + " "
          + endpoint.address() + " " + Sh.quote(shell));
    }
    return inner.exec(request);
  }

  @Override
  public void put(byte[] data, String remotePath, int mode) {
    establish();
    show("PUT " + data.length + " bytes TO " + remotePath);
    inner.put(data, remotePath, mode);
  }

  @Override
  public byte[] fetch(String remotePath) {
    establish();
    show("FETCH " + remotePath);
    return inner.fetch(remotePath);
  }

  @Override
  public void close() {
    // the connection is the run's, shared by its tasks
  }
}
