package io.tightbeam.connection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections of one run: one per (host, user), opened on first use, reused by every task,
 * poll and transfer, closed at the end of the run.
 */
public final class Connections implements AutoCloseable {
  private final Map<String, Connection> open = new ConcurrentHashMap<>();

  /** The connection for {@code endpoint}, opening it when this is the first use. */
  public Connection get(Endpoint endpoint) {
    String key = endpoint.inventoryName() + "|" + endpoint.user() + "|" + endpoint.type();
    return open.computeIfAbsent(key, k -> openNew(endpoint));
  }

  private static Connection openNew(Endpoint endpoint) {
    if ("local".equals(endpoint.type())) {
      return new LocalConnection(endpoint.inventoryName());
    }
    // TODO(connection helper): ssh
    throw new ConnectionException("unsupported connection type '" + endpoint.type() + "'");
  }

  @Override
  public void close() {
    open.values().forEach(Connection::close);
    open.clear();
  }
}
