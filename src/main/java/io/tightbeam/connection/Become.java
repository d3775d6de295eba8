package io.tightbeam.connection;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

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
 * <p>su: {@code su <flags> <user> -c '<command>'}. su reads a password only from a terminal, so with
 * a password the request asks for one ({@link Terminal}): the connection answers su's prompt, and
 * the command, once on the other side, switches the terminal to raw mode, prints a ready line
 * and reads exactly as many bytes of stdin as the request has ({@code head -c}), so that data
 * passes the terminal unchanged and the command still sees its end; its stderr is held in a
 * temporary file and printed after its stdout, behind a marked line.
 *
 * <p>The request's environment and working directory are applied inside the wrapped command (sudo
 * resets the environment), and the returned request carries neither.
 */
public record Become(boolean enabled, String method, String user, String flags, String password) {
  public static final Become NONE = new Become(false, "sudo", "root", "", null);

  /** What sudo prints on stderr when it reads the password. */
  public static final String PROMPT = "[tightbeam become password]";

  private static final String SUDO_DEFAULT_FLAGS = "-H -S -n";

  /** su's password prompt in the languages it is most often set to (su translates it). */
  static final Pattern SU_PROMPT = Pattern.compile(
      "(?iu)(?:password|passwort|mot de passe|contrase\u00f1a|senha|parola|wachtwoord|l\u00f6senord|has\u0142o"
          + "|\u043f\u0430\u0440\u043e\u043b\u044c|\u5bc6\u7801|\u5bc6\u78bc|\u30d1\u30b9\u30ef\u30fc\u30c9"
          + "|\uc554\ud638)[^\n:\uff1a]*[:\uff1a]");

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
      case "su" -> su(request, inner, target);
      default -> throw new IllegalArgumentException(
          "unsupported become method '" + how + "' (supported: sudo, su)");
    };
  }

  private ExecRequest su(ExecRequest request, String inner, String target) {
    ExecRequest plain = request.withEnvironment(java.util.Map.of()).withWorkDir(null);
    String su = "su " + flagWords(flags, "") + Sh.quote(target) + " -c ";
    if (password == null) {
      return plain.withCommand(su + Sh.quote(inner));
    }
    String ready = "tightbeam-become-ready-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    int length = request.stdin() == null ? 0 : request.stdin().length;
    String run = length == 0
        ? "/bin/sh -c " + Sh.quote(inner) + " < /dev/null"
        : "head -c " + length + " | /bin/sh -c " + Sh.quote(inner);
    // stderr is kept apart in a file and printed after a marked line at the end (see Terminal)
    String onTerminal = "stty raw -echo 2>/dev/null; printf '%s\\n' " + ready
        + "; tb_e=$(mktemp) || exit 1; trap 'rm -f \"$tb_e\"' EXIT; { " + run + "; } 2>\"$tb_e\"; tb_rc=$?; "
        + "printf '\\n%s\\n' '" + ready + " stderr'; cat \"$tb_e\"; exit $tb_rc";
    return plain.withCommand(su + Sh.quote(onTerminal)).withTerminal(new Terminal(SU_PROMPT, password, ready));
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
