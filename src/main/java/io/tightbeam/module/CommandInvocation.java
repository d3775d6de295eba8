package io.tightbeam.module;

import io.tightbeam.connection.Sh;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code command}/{@code shell} call, decided from checked arguments: the argv to execute,
 * the {@code cmd} value to report (a list for command, the string for shell), the guards and the
 * stdin bytes. Also builds the results that do not depend on running the command.
 */
record CommandInvocation(
    List<String> argv,
    Object cmd,
    String chdir,
    String creates,
    String removes,
    byte[] stdin,
    boolean strip,
    boolean checkMode,
    List<String> warnings) {

  /** Guard outcomes that stop before the command runs. */
  enum Stop {
    CREATES("creates"),
    REMOVES("removes"),
    CHDIR_MISSING("chdir-missing"),
    CHDIR_NOTDIR("chdir-notdir"),
    CHDIR_DENIED("chdir-denied"),
    NOT_FOUND("notfound"),
    DENIED("denied"),
    CHECK("check");

    final String word;

    Stop(String word) {
      this.word = word;
    }

    static Stop of(String word) {
      for (Stop s : values()) {
        if (s.word.equals(word)) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown guard outcome '" + word + "'");
    }
  }

  /** The refusals Ansible returns as a failed result with rc 256 rather than as argument errors. */
  static final List<String> REFUSALS = List.of("no command given", "only command or argv can be given, not both");

  static CommandInvocation of(Map<String, Object> args, boolean shell, boolean checkMode) {
    Object raw = args.get("_raw_params");
    String rawText = raw == null ? null : String.valueOf(raw);
    @SuppressWarnings("unchecked")
    List<Object> argvArg = (List<Object>) args.get("argv");
    boolean noRaw = rawText == null || rawText.isBlank();
    if (noRaw && (argvArg == null || argvArg.isEmpty())) {
      throw new ModuleArgumentException(REFUSALS.get(0));
    }
    if (!noRaw && argvArg != null && !argvArg.isEmpty()) {
      throw new ModuleArgumentException(REFUSALS.get(1));
    }
    List<String> given = argvArg == null ? null : argvArg.stream().map(String::valueOf).toList();
    List<String> argv;
    Object cmd;
    if (shell || Boolean.TRUE.equals(args.get("_uses_shell"))) {
      String script = noRaw ? Sh.join(given) : rawText;
      Object exe = args.get("executable");
      argv = List.of(exe == null ? "/bin/sh" : String.valueOf(exe), "-c", script);
      cmd = script;
    } else {
      argv = noRaw ? given : ShellWords.split(rawText);
      cmd = argv;
    }
    List<String> warnings = List.of();
    if (!shell && !Boolean.TRUE.equals(args.get("_uses_shell")) && args.get("executable") != null) {
      warnings = List.of("As of Ansible 2.4, the parameter 'executable' is no longer supported with the 'command'"
          + " module. Not using '" + args.get("executable") + "'.");
    }
    Object stdinArg = args.get("stdin");
    byte[] stdin = null;
    if (stdinArg != null) {
      String text = String.valueOf(stdinArg);
      if (ArgSpec.toBool("stdin_add_newline", args.getOrDefault("stdin_add_newline", true))) {
        text = text + "\n";
      }
      stdin = text.getBytes(StandardCharsets.UTF_8);
    }
    return new CommandInvocation(
        argv,
        cmd,
        (String) args.get("chdir"),
        (String) args.get("creates"),
        (String) args.get("removes"),
        stdin,
        ArgSpec.toBool("strip_empty_ends", args.getOrDefault("strip_empty_ends", true)),
        checkMode,
        warnings);
  }

  /** Ansible's result for a call that names no command, or both a command and argv: rc 256, nothing run. */
  static Map<String, Object> refused(String msg) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("changed", false);
    r.put("stdout", "");
    r.put("stderr", "");
    r.put("rc", 256);
    r.put("cmd", null);
    r.put("start", null);
    r.put("end", null);
    r.put("delta", null);
    r.put("msg", msg);
    r.put("failed", true);
    return OutputLines.added(r);
  }

  /**
   * Whether the words are expanded as Ansible's run_command does for command (not shell): Python's
   * os.path.expandvars, then expanduser, on each word; {@code cmd} still shows them as given.
   */
  boolean expandsWords() {
    return cmd instanceof List<?>;
  }

  /** Whether the guard can end in {@code stop} for this call. */
  boolean canStop(Stop stop) {
    return switch (stop) {
      case CREATES -> creates != null;
      case REMOVES -> removes != null;
      case CHDIR_MISSING, CHDIR_NOTDIR, CHDIR_DENIED -> chdir != null;
      case CHECK -> checkMode;
      case NOT_FOUND, DENIED -> true;
    };
  }

  /** The result for a guard outcome, as Ansible's command module returns it. */
  Map<String, Object> stopResult(Stop stop) {
    String shoulda = checkMode ? "Would" : "Did";
    Map<String, Object> r = base();
    switch (stop) {
      case CREATES -> skipped(r, shoulda + " not run command since '" + creates + "' exists",
          "skipped, since " + creates + " exists");
      case REMOVES -> skipped(r, shoulda + " not run command since '" + removes + "' does not exist",
          "skipped, since " + removes + " does not exist");
      case CHDIR_MISSING -> chdirFailed(r, "[Errno 2] No such file or directory: ");
      case CHDIR_NOTDIR -> chdirFailed(r, "[Errno 20] Not a directory: ");
      case CHDIR_DENIED -> chdirFailed(r, "[Errno 13] Permission denied: ");
      case NOT_FOUND -> {
        return execFailed(2, "[Errno 2] No such file or directory: ");
      }
      case DENIED -> {
        return execFailed(13, "[Errno 13] Permission denied: ");
      }
      case CHECK -> {
        r.put("rc", 0);
        r.put("msg", "Command would have run if not in check mode");
        if (creates == null && removes == null) {
          r.put("skipped", true);
        } else {
          r.put("changed", true);
        }
      }
    }
    return OutputLines.added(r);
  }

  /** The keys Ansible promises in every command result, before anything ran. */
  Map<String, Object> base() {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("changed", false);
    r.put("stdout", "");
    r.put("stderr", "");
    r.put("rc", null);
    r.put("cmd", cmd);
    r.put("start", null);
    r.put("end", null);
    r.put("delta", null);
    r.put("msg", "");
    if (!warnings.isEmpty()) {
      r.put("warnings", warnings);
    }
    return r;
  }

  private static void skipped(Map<String, Object> r, String msg, String stdout) {
    r.put("msg", msg);
    r.put("stdout", stdout);
    r.put("rc", 0);
  }

  private void chdirFailed(Map<String, Object> r, String error) {
    r.put("msg", "Unable to change directory before execution: " + error + pythonBytes(chdir));
    r.put("failed", true);
  }

  private Map<String, Object> execFailed(int errno, String error) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("rc", errno);
    r.put("stdout", "");
    r.put("stderr", "");
    r.put("msg", error + pythonBytes(argv.get(0)));
    r.put("cmd", Sh.join(argv));
    r.put("failed", true);
    return OutputLines.added(r);
  }

  /** Python's repr of a bytes value, which is how Ansible's OSError messages show paths. */
  static String pythonBytes(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    boolean hasSingle = text.indexOf('\'') >= 0;
    char quote = hasSingle && text.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder s = new StringBuilder("b").append(quote);
    for (byte b : bytes) {
      int v = b & 0xff;
      if (v == quote || v == '\\') {
        s.append('\\').append((char) v);
      } else if (v == '\t') {
        s.append("\\t");
      } else if (v == '\n') {
        s.append("\\n");
      } else if (v == '\r') {
        s.append("\\r");
      } else if (v >= 32 && v < 127) {
        s.append((char) v);
      } else {
        s.append(String.format("\\x%02x", v));
      }
    }
    return s.append(quote).toString();
  }
}
