package io.tightbeam.connection;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Privilege escalation for one task: {@code sudo} (default) or {@code su} to {@code user}. {@link
 * #wrap} turns a command into the escalated one; the password, when one is needed, goes on stdin.
 *
 * <p>sudo: {@code sudo <flags> -u <user> /bin/sh -c '<command>'}, where flags default to Ansible's
 * {@code -H -S -n}. With a password, {@code -n} is dropped, {@code -S} ensured, and {@code -p
 * <PROMPT>} makes sudo print {@link #PROMPT} (to stderr) instead of its own prompt; the password
 * and a newline are put in front of the request's stdin. sudo reads stdin byte by byte up to that
 * newline, so the command still receives the original stdin intact. {@link #unwrap} removes the
 * prompt from stderr.
 *
 * <p>su: {@code su <flags> <user> -c '<command>'}. su reads a password only from a terminal, and we
 * run without one, so su works only where no password is asked (become from root); a given
 * password is ignored and su fails with its own "Authentication failure".
 *
 * <p>The request's environment and working directory are applied inside the wrapped command (sudo
 * resets the environment), and the returned request carries neither.
 */
public record Become(boolean enabled, String method, String user, String flags, String password) {
  public static final Become NONE = new Become(false, "sudo", "root", "", null);

  /** What sudo prints on stderr when it reads the password. */
  public static final String PROMPT = "[tightbeam become password]";

  private static final String SUDO_DEFAULT_FLAGS = "-H -S -n";

  /** The command, run by the become method as {@link #user()}; unchanged when not enabled. */
  public ExecRequest wrap(ExecRequest request) {
    if (!enabled) {
      return request;
    }
    String inner = RemoteCommand.prefix(request) + request.command();
    String target = user == null || user.isBlank() ? "root" : user;
    String how = method == null || method.isBlank() ? "sudo" : method;
    return switch (how) {
      case "sudo" -> sudo(request, inner, target);
      case "su" -> request
          .withEnvironment(java.util.Map.of())
          .withWorkDir(null)
          .withCommand("su " + flagWords(flags, "") + Sh.quote(target) + " -c " + Sh.quote(inner));
      default -> throw new IllegalArgumentException(
          "unsupported become method '" + how + "' (supported: sudo, su)");
    };
  }

  private ExecRequest sudo(ExecRequest request, String inner, String target) {
    List<String> words = new ArrayList<>(Arrays.asList(words(flags, SUDO_DEFAULT_FLAGS)));
    byte[] stdin = request.stdin() == null ? new byte[0] : request.stdin();
    StringBuilder command = new StringBuilder("sudo ");
    if (password != null) {
      words.remove("-n");
      words.remove("--non-interactive");
      if (!words.contains("-S") && !words.contains("--stdin")) {
        words.add("-S");
      }
      words.add("-p");
      words.add(PROMPT);
      byte[] secret = (password + "\n").getBytes(StandardCharsets.UTF_8);
      byte[] both = new byte[secret.length + stdin.length];
      System.arraycopy(secret, 0, both, 0, secret.length);
      System.arraycopy(stdin, 0, both, secret.length, stdin.length);
      stdin = both;
    }
    for (String word : words) {
      command.append(Sh.quote(word)).append(' ');
    }
    command.append("-u ").append(Sh.quote(target)).append(" /bin/sh -c ").append(Sh.quote(inner));
    return new ExecRequest(command.toString(), stdin, java.util.Map.of(), null, request.timeout());
  }

  /** The result with sudo's password prompt taken out of stderr. */
  public ExecResult unwrap(ExecResult result) {
    if (!enabled || password == null) {
      return result;
    }
    String stderr = new String(result.stderr(), StandardCharsets.UTF_8);
    if (!stderr.contains(PROMPT)) {
      return result;
    }
    return new ExecResult(
        result.exitCode(), result.stdout(), stderr.replace(PROMPT, "").getBytes(StandardCharsets.UTF_8));
  }

  private static String[] words(String flags, String defaults) {
    String text = flags == null || flags.isBlank() ? defaults : flags.strip();
    return SshSettings.words(text).toArray(new String[0]);
  }

  private static String flagWords(String flags, String defaults) {
    StringBuilder s = new StringBuilder();
    for (String word : words(flags, defaults)) {
      s.append(Sh.quote(word)).append(' ');
    }
    return s.toString();
  }
}
