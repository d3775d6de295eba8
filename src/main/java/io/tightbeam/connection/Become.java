package io.tightbeam.connection;

/**
 * Privilege escalation for one task: {@code sudo} (default) or {@code su} to {@code user}. {@link
 * #wrap} turns a command into the escalated one; the password, when one is needed, goes on stdin.
 */
public record Become(boolean enabled, String method, String user, String flags, String password) {
  public static final Become NONE = new Become(false, "sudo", "root", "", null);

  /** The command, run by the become method as {@link #user()}; unchanged when not enabled. */
  public ExecRequest wrap(ExecRequest request) {
    return request; // TODO(connection helper): sudo/su wrapping with quoting
  }
}
