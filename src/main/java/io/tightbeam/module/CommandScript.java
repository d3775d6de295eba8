package io.tightbeam.module;

import io.tightbeam.connection.Sh;
import io.tightbeam.module.CommandInvocation.Stop;

/**
 * The POSIX sh text for {@code command}/{@code shell}. Both forms share one guard (chdir,
 * creates, removes, check mode, a missing program) that calls {@code tb_stop <outcome>}; the sync
 * form reports the outcome on a marked stderr line and {@code exec}s the program, the async form
 * runs the program itself and prints the whole result as JSON.
 */
final class CommandScript {
  private CommandScript() {}

  /** Text for one sync exec: the guard, a marker line on stderr, then the program itself. */
  static String sync(CommandInvocation inv, String marker) {
    return "tb_stop() { printf '%s %s\\n' "
        + marker
        + " \"$1\" >&2; exit 0; }\n"
        + guard(inv)
        + expandFunction(inv)
        + "printf '%s run\\n' "
        + marker
        + " >&2\n"
        + "exec "
        + words(inv)
        + "\n";
  }

  /** Text for an async job: prints exactly one JSON object, the module's result. */
  static String async(CommandInvocation inv) {
    StringBuilder s = new StringBuilder(ShellJson.FUNCTIONS).append(TRIMMED_JSON);
    s.append("tb_stop() {\n  case $1 in\n");
    for (Stop stop : Stop.values()) {
      if (!inv.canStop(stop)) {
        continue;
      }
      s.append("    ")
          .append(stop.word)
          .append(") printf '%s\\n' ")
          .append(Sh.quote(RemoteRun.json(inv.stopResult(stop))))
          .append(" ;;\n");
    }
    s.append("  esac\n  exit 0\n}\n");
    s.append(guard(inv)).append(expandFunction(inv));
    // The job wrapper passes its private tmp dir as $1 and the job file as $2; run alone, the
    // script makes its own dir.
    s.append("tb_d=$1; tb_own=\ncase $tb_d in /*) ;; *) tb_d= ;; esac\n");
    s.append("if [ -z \"$tb_d\" ]; then tb_d=$(mktemp -d \"${TMPDIR:-/tmp}/tb-cmd.XXXXXX\") || exit 1; tb_own=1; fi\n");
    // $2, the job file: the program's output goes beside it as it comes (tightbeam-jobs logs)
    s.append("tb_o=$tb_d/o tb_e=$tb_d/e\ncase $2 in /*) tb_o=$2.stdout tb_e=$2.stderr ;; esac\n");
    s.append("tb_t0=$(date '+%Y-%m-%d %H:%M:%S %s %N')\n");
    if (inv.stdin() == null) {
      s.append(words(inv)).append(" </dev/null");
    } else {
      s.append("printf '%s' ")
          .append(Sh.quote(new String(inv.stdin(), java.nio.charset.StandardCharsets.UTF_8)))
          .append(" | ")
          .append(words(inv));
    }
    s.append(" >\"$tb_o\" 2>\"$tb_e\"\ntb_rc=$?\n");
    s.append("tb_t1=$(date '+%Y-%m-%d %H:%M:%S %s %N')\n");
    String encode = inv.strip() ? "tb_json_rstrip" : "tb_json";
    String warnings = inv.warnings().isEmpty() ? "" : "\"warnings\": " + RemoteRun.json(inv.warnings()) + ", ";
    s.append("printf '{\"changed\": true, %s\"cmd\": %s, \"rc\": %s, \"stdout\": ' ")
        .append(Sh.quote(warnings)).append(' ')
        .append(Sh.quote(RemoteRun.json(inv.cmd())))
        .append(" \"$tb_rc\"\n");
    // (an empty output is printed as "" without starting od and awk)
    s.append("if [ -s \"$tb_o\" ]; then ").append(encode)
        .append(" <\"$tb_o\"; else printf '\"\"'; fi\nprintf ', \"stderr\": '\n");
    s.append("if [ -s \"$tb_e\" ]; then ").append(encode)
        .append(" <\"$tb_e\"; else printf '\"\"'; fi\n");
    s.append("printf '%s\\n%s\\n' \"$tb_t0\" \"$tb_t1\" | awk '").append(TIMES_AWK).append("'\n");
    s.append(
        """
        if [ "$tb_rc" -ne 0 ]; then
          printf ', "msg": "non-zero return code", "failed": true}\\n'
        else
          printf ', "msg": ""}\\n'
        fi
        [ -z "$tb_own" ] || rm -rf "$tb_d"
        """);
    return s.toString();
  }

  /**
   * The program and its arguments as sh words. For command, a word with {@code $} is expanded on
   * the target as Python's expandvars (a variable the environment lacks stays as written), then a
   * leading {@code ~} as expanduser; the others are quoted as they are.
   */
  static String words(CommandInvocation inv) {
    if (!inv.expandsWords()) {
      return Sh.join(inv.argv());
    }
    StringBuilder s = new StringBuilder();
    for (String w : inv.argv()) {
      s.append(s.length() == 0 ? "" : " ");
      if (w.contains("$")) {
        s.append("\"$(tb_ev ").append(Sh.quote(w)).append(")\"");
      } else if (w.equals("~")) {
        s.append("\"$HOME\"");
      } else if (w.startsWith("~/")) {
        s.append("\"$HOME\"").append(Sh.quote(w.substring(1)));
      } else {
        s.append(Sh.quote(w));
      }
    }
    return s.toString();
  }

  /** The function {@link #words} calls, when a word needs it (else nothing: no extra process). */
  static String expandFunction(CommandInvocation inv) {
    return inv.expandsWords() && inv.argv().stream().anyMatch(w -> w.contains("$")) ? EXPAND : "";
  }

  private static final String EXPAND =
      """
      tb_ev() {
        printf '%s' "$1" | LC_ALL=C awk 'BEGIN { RS = "\001" }
          { s = $0; o = ""
            while (match(s, /\\$([A-Za-z0-9_]+|\\{[^}]*\\})/)) {
              n = substr(s, RSTART + 1, RLENGTH - 1)
              if (substr(n, 1, 1) == "{") n = substr(n, 2, length(n) - 2)
              o = o substr(s, 1, RSTART - 1) ((n in ENVIRON) ? ENVIRON[n] : substr(s, RSTART, RLENGTH))
              s = substr(s, RSTART + RLENGTH) }
            o = o s
            if (o == "~" || substr(o, 1, 2) == "~/") o = ENVIRON["HOME"] substr(o, 2)
            printf "%s", o }'
      }
      """;

  /** Sh text that stops with {@code tb_stop <outcome>} when the command must not run. */
  static String guard(CommandInvocation inv) {
    StringBuilder s = new StringBuilder();
    if (inv.chdir() != null) {
      // cd -P: Ansible chdirs in Python, so the command sees the physical directory in $PWD
      String dir = path(inv.chdir());
      s.append("cd -P ").append(dir).append(" 2>/dev/null || { if [ ! -e ").append(dir)
          .append(" ]; then tb_stop chdir-missing; elif [ ! -d ").append(dir)
          .append(" ]; then tb_stop chdir-notdir; else tb_stop chdir-denied; fi; }\n");
    }
    if (inv.creates() != null) {
      s.append(globTest(inv.creates())).append("[ -n \"$tb_hit\" ] && tb_stop creates\n");
    }
    if (inv.removes() != null) {
      s.append(globTest(inv.removes())).append("[ -z \"$tb_hit\" ] && tb_stop removes\n");
    }
    if (inv.checkMode()) {
      s.append("tb_stop check\n");
    }
    String program = inv.argv().get(0);
    if (program.contains("/")) {
      String p = path(program);
      s.append("if [ ! -e ").append(p).append(" ]; then tb_stop notfound; elif [ -d ").append(p)
          .append(" ] || [ ! -x ").append(p).append(" ]; then tb_stop denied; fi\n");
    } else {
      s.append("command -v ").append(Sh.quote(program))
          .append(" >/dev/null 2>&1 || tb_stop notfound\n");
    }
    return s.toString();
  }

  /** Sets {@code tb_hit} when the glob pattern (Python's glob.glob) matches anything. */
  private static String globTest(String pattern) {
    return "tb_hit=\nfor tb_f in "
        + glob(pattern)
        + "; do if [ -e \"$tb_f\" ] || [ -h \"$tb_f\" ]; then tb_hit=1; fi; done\n";
  }

  /** A path as one sh word, with a leading {@code ~} for the home directory (type 'path'). */
  static String path(String p) {
    if (p.equals("~")) {
      return "\"$HOME\"";
    }
    if (p.startsWith("~/")) {
      return "\"$HOME\"" + Sh.quote(p.substring(1));
    }
    return Sh.quote(p.startsWith("-") ? "./" + p : p);
  }

  /** A glob pattern as sh text: the literal parts quoted, only * ? [ ] left to the shell. */
  static String glob(String pattern) {
    String rest = pattern;
    StringBuilder s = new StringBuilder();
    if (rest.equals("~") || rest.startsWith("~/")) {
      s.append("\"$HOME\"");
      rest = rest.substring(1);
    } else if (rest.startsWith("-")) {
      rest = "./" + rest;
    }
    StringBuilder literal = new StringBuilder();
    for (char c : rest.toCharArray()) {
      if (c == '*' || c == '?' || c == '[' || c == ']') {
        if (literal.length() > 0) {
          s.append(Sh.quote(literal.toString()));
          literal.setLength(0);
        }
        s.append(c);
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0 || s.length() == 0) {
      s.append(Sh.quote(literal.toString()));
    }
    return s.toString();
  }

  /** tb_json, but dropping trailing CR and LF bytes (Python's rstrip("\r\n")). */
  static final String TRIMMED_JSON =
      """
      tb_json_rstrip() {
        od -An -v -tu1 | LC_ALL=C awk '
          BEGIN { printf "\\"" ; e[8]="\\\\b"; e[9]="\\\\t"; e[12]="\\\\f" }
          { for (i = 1; i <= NF; i++) { b = $i + 0
              if (b == 10) { p = p "\\\\n"; continue }
              if (b == 13) { p = p "\\\\r"; continue }
              if (p != "") { printf "%s", p; p = "" }
              if (b == 34) printf "\\\\\\""
              else if (b == 92) printf "\\\\\\\\"
              else if (b in e) printf "%s", e[b]
              else if (b < 32 || b == 127) printf "\\\\u%04x", b
              else printf "%c", b } }
          END { printf "\\"" }'
      }
      """;

  /** Reads two lines "date time epoch nanoseconds"; prints the start, end and delta JSON keys. */
  private static final String TIMES_AWK =
      "function f(n) { return n ~ /^[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]$/"
          + " ? substr(n, 1, 6) : \"000000\" }"
          + " { d[NR] = $1 \" \" $2; s[NR] = $3; u[NR] = f($4) }"
          + " END { us = (s[2] - s[1]) * 1000000 + (u[2] - u[1]); if (us < 0) us = 0;"
          + " days = int(us / 86400000000); us = us - days * 86400000000;"
          + " dl = sprintf(\"%d:%02d:%02d.%06d\", int(us / 3600000000),"
          + " int(us / 60000000) % 60, int(us / 1000000) % 60, us % 1000000);"
          + " if (days > 0) dl = days (days == 1 ? \" day, \" : \" days, \") dl;"
          + " printf \", \\\"start\\\": \\\"%s.%s\\\", \\\"end\\\": \\\"%s.%s\\\","
          + " \\\"delta\\\": \\\"%s\\\"\", d[1], u[1], d[2], u[2], dl }";
}
