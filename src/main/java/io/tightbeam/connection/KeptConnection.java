package io.tightbeam.connection;

import java.util.concurrent.CompletableFuture;

/**
 * An SSH connection held by the run's {@link Keeper}: every exec goes over the run's {@link
 * KeeperLink} to the keeper's session for this endpoint, which outlives the run. Closing it leaves
 * the session to the keeper.
 */
final class KeptConnection implements Connection {
  private final Endpoint endpoint;
  private final KeeperLink link;

  KeptConnection(Endpoint endpoint, KeeperLink link) {
    this.endpoint = endpoint;
    this.link = link;
  }

  @Override
  public String host() {
    return endpoint.inventoryName();
  }

  @Override
  public CompletableFuture<ExecResult> exec(ExecRequest request) {
    return link.exec(endpoint, request);
  }

  @Override
  public void put(byte[] data, String remotePath, int mode) {
    RemoteFiles.put(this, data, remotePath, mode);
  }

  @Override
  public byte[] fetch(String remotePath) {
    return RemoteFiles.fetch(this, remotePath);
  }

  @Override
  public void close() {
    // the session stays with the keeper; the link is closed with the run's connections
  }
}
