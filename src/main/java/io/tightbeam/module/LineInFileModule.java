package io.tightbeam.module;

import io.tightbeam.module.OptionSpec.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's {@code lineinfile}: makes sure one line is in a file (replacing the last line matching
 * {@code regexp}, else inserting after/before a match, at EOF or BOF) or that matching lines are
 * gone. The edit is done by awk on the target; Python regexps are turned into POSIX ERE.
 */
final class LineInFileModule implements RemoteModule {
  private static final OptionSpec SPEC =
      FileAttributes.addTo(new OptionSpec("lineinfile"))
          .required("path", Type.STR, "dest", "destfile", "name")
          .aliased("regexp", Type.STR, "regex")
          .add("search_string", Type.STR)
          .aliased("line", Type.STR, "value")
          .choice("state", "present", "absent", "present")
          .add("insertafter", Type.STR)
          .add("insertbefore", Type.STR)
          .add("create", Type.BOOL, false)
          .add("backrefs", Type.BOOL, false)
          .add("backup", Type.BOOL, false)
          .add("firstmatch", Type.BOOL, false)
          .add("validate", Type.STR);

  private static final String EMPTY_MATCHES_ALL =
      "which will match every line in the file. This may have unintended consequences, such as"
          + " replacing the last line in the file rather than appending.";
  private static final String EMPTY_REGEXP = "The regular expression is an empty string, " + EMPTY_MATCHES_ALL
      + " If this is desired, use '^' to match every line in the file and avoid this warning.";
  private static final String EMPTY_SEARCH_STRING = "The search string is an empty string, " + EMPTY_MATCHES_ALL;

  private static final String AWK =
      """
      BEGIN { re = ENVIRON["TB_RE"]; ss = ENVIRON["TB_SS"]; line = ENVIRON["TB_LINE"]; st = ENVIRON["TB_STATE"]
        after = ENVIRON["TB_AFTER"]; before = ENVIRON["TB_BEFORE"]; br = ENVIRON["TB_BACKREFS"]
        first = ENVIRON["TB_FIRST"]; out = ENVIRON["TB_OUT"]; mode = ENVIRON["TB_MODE"]
        rs = ENVIRON["TB_RE_SET"] == "1"; sss = ENVIRON["TB_SS_SET"] == "1"; byline = ENVIRON["TB_BYLINE"] == "1"; nh = split(ENVIRON["TB_HITS"], hs, " ")
        for (j = 1; j <= nh; j++) hl[hs[j]] = 1 }
      { l[NR] = $0 }
      function hit(s, i) { return (rs && (re == "" || (byline ? (i in hl) : s ~ re))) || (sss && (ss == "" || index(s, ss) > 0)) }
      function last(pat,   i, k) { k = 0; for (i = 1; i <= NR; i++) if (l[i] ~ pat) { k = i; if (first == "1") break }; return k }
      END {
        n = NR; msg = ""
        if (mode == "find") { for (i = 1; i <= n; i++) if (hit(l[i], i)) k = i
          if (k) print k; exit }
        if (st == "absent") {
          m = 0; for (i = 1; i <= n; i++) if (hit(l[i], i) || (!rs && !sss && l[i] == line)) m++; else printf "%s\\n", l[i] > out
          if (m) print m " line(s) removed"; else print ""; print m; exit
        }
        k = 0; ex = 0
        for (i = 1; i <= n; i++) { if (hit(l[i], i)) k = i; if (l[i] == line) ex = i }
        pos = -1
        if (k) { if (l[k] != line) { l[k] = line; msg = "line replaced" } }
        else if (br != "1" && !ex) {
          if (after == "BOF" || before == "BOF") pos = 0
          else if (after != "" && after != "EOF") { a = last(after); pos = a ? a : n; if (a && a < n && l[a + 1] == line) pos = -1 }
          else if (before != "" && before != "EOF") { b = last(before); pos = b ? b - 1 : n; if (b > 1 && l[b - 1] == line) pos = -1 }
          else pos = n
          if (pos >= 0) msg = "line added"
        }
        if (pos == 0) printf "%s\\n", line > out
        for (i = 1; i <= n; i++) { printf "%s\\n", l[i] > out; if (i == pos) printf "%s\\n", line > out }
        print msg; print 0
      }
      """;

  private static final String BODY =
      """
      p=$path
      export TB_RE="$re" TB_SS="$ss" TB_STATE="$state" TB_AFTER="$after" TB_BEFORE="$before"
      export TB_BACKREFS="$backrefs" TB_FIRST="$firstmatch" TB_LINE="$line" TB_RE_SET="$re_set" TB_SS_SET="$ss_set"
      [ -n "$warning" ] && tb_kv warnings "[\\"$warning\\"]"
      [ -d "$p" ] && tb_fail "Path $p is a directory !"
      if [ ! -e "$p" ]; then
        if [ "$state" = absent ]; then tb_kb changed 0; tb_ks msg "file not present"; tb_emit; exit 0; fi
        if [ "$create" != 1 ]; then tb_kv rc 257; tb_fail "Destination $p does not exist !"; fi
        if [ "$tb_check" != 1 ]; then
          pd=$(dirname -- "$p")
          e=$( { { [ -e "$pd" ] || LC_ALL=C mkdir -p -- "$pd"; } && LC_ALL=C touch -- "$p"; } 2>&1) || tb_fail "Error creating $p ($(tb_why "$e"))"
        fi
        new_file=1
      fi
      [ -r "$p" ] || [ "$tb_check" = 1 ] || tb_fail "Destination $p not readable"
      src=$p; [ -e "$p" ] || src=/dev/null
      if [ "$byline" = 1 ]; then
        # awk regexps have no backreferences; grep -E (glibc, musl, busybox) has them
        TB_HITS=$(grep -n -E -e "$re" -- "$src" | cut -d: -f1 | tr '\\n' ' ')
        export TB_BYLINE=1 TB_HITS
      fi
      if [ "$backrefs" = 1 ]; then
        k=$(TB_MODE=find awk "$awk_prog" "$src")
        # the leftmost match, expanded between two markers, is the new line (Python's m.expand)
        if [ -n "$k" ]; then
          TB_LINE=$(sed -n "${k}p" "$src" | sed -E "s$d($re_shifted)$d$o$repl$c$d" | sed "s$d^[^$o]*$o$d$d; s$d$c[^$c]*\\$$d$d")
        fi
      fi
      tmp=$(mktemp) || tb_fail "cannot make a temporary file"
      trap 'rm -f -- "$tmp"' EXIT
      res=$(TB_OUT=$tmp TB_MODE=edit awk "$awk_prog" "$src") || tb_fail "awk failed on $p"
      msg=$(printf '%s\\n' "$res" | sed -n 1p); found=$(printf '%s\\n' "$res" | sed -n 2p)
      [ "$state" = absent ] && tb_kv found "$found"
      h=$(printf '%s (content)' "$p" | tb_json)
      if [ "$tb_diff" = 1 ]; then cd="\\"before\\":$(tb_json < "$src"),\\"after\\":$(tb_json < "$tmp")"
      else cd='"before":"","after":""'; fi
      cd="{$cd,\\"before_header\\":$h,\\"after_header\\":$h}"
      if [ -n "$msg" ] || [ "$new_file" = 1 ]; then
        tb_changed=1
        if [ "$tb_check" != 1 ]; then
          case "$validate_raw" in *%s*|'') ;; *) tb_changed=0; tb_fail "validate must contain %s: $validate_raw" ;; esac
          if [ -n "$validate_cmd" ]; then
            vout=$(f=$tmp sh -c "$validate_cmd" 2>&1) || { tb_changed=0; tb_ks stdout "$vout"; tb_fail "failed to validate"; }
          fi
          if [ "$backup" = 1 ] && [ -z "$new_file" ]; then
            bf="$p.$$.$(date +%Y-%m-%d@%H:%M:%S)~"; cp -p -- "$p" "$bf" || tb_fail "Could not back up $p"
          fi
          t2="$(dirname -- "$p")/.tb-line.$$"
          if e=$(LC_ALL=C cp -- "$tmp" "$t2" 2>&1); then
            if tb_stat "$p"; then chmod "$tb_mode" "$t2"; chown "$tb_uid:$tb_gid" "$t2" 2>/dev/null; fi
            tb_move "$t2" "$p" || tb_fail "Could not replace $p: $(tb_why "$tb_e")"
          elif [ "$unsafe_writes" = 1 ] && [ -w "$p" ]; then
            e=$(LC_ALL=C cat -- "$tmp" 2>&1 > "$p") || tb_fail "Could not write $p: $(tb_why "$e")"
          else
            tb_fail "The destination directory ($(dirname -- "$p")) is not writable by the current user. Error was: $(tb_why "$e")"
          fi
        fi
      fi
      c0=$tb_changed; tb_changed=0
      if [ "$tb_check" = 1 ] && [ "$new_file" = 1 ]; then
        tb_ks backup ""; tb_kv diff "$cd"; tb_ks msg "${msg:-line added}"; tb_kb changed "$c0"; tb_emit; exit 0
      fi
      tb_attrs "$p" "$mode" "$owner" "$group" 0 "$attributes"
      tb_ks backup "$bf"
      h=$(printf '%s (file attributes)' "$p" | tb_json)
      ad="\\"before_header\\":$h,\\"after_header\\":$h"
      [ -n "$tb_db" ] && ad="$ad,\\"before\\":{${tb_db#,}},\\"after\\":{${tb_da#,}}"
      tb_kv diff "[$cd,{$ad}]"
      if [ "$tb_changed" = 1 ]; then
        if [ -n "$msg" ]; then msg="$msg and ownership, perms or SE linux context changed"
        else msg="ownership, perms or SE linux context changed"; fi
      fi
      [ "$c0" = 1 ] && tb_changed=1
      [ -z "$msg" ] && [ "$new_file" = 1 ] && msg="line added"
      tb_ks msg "$msg"; tb_kb changed "$tb_changed"; tb_emit
      """;

  @Override
  public String name() {
    return "lineinfile";
  }

  @Override
  public Map<String, Object> checkArgs(Map<String, Object> args) {
    Map<String, Object> a = SPEC.check(args);
    if (a.get("regexp") != null && a.get("search_string") != null) {
      throw new ModuleArgumentException("parameters are mutually exclusive: regexp|search_string");
    }
    if (a.get("insertafter") != null && a.get("insertbefore") != null) {
      throw new ModuleArgumentException("parameters are mutually exclusive: insertbefore|insertafter");
    }
    if (Boolean.TRUE.equals(a.get("backrefs")) && a.get("regexp") == null) {
      throw new ModuleArgumentException("regexp is required with backrefs=true");
    }
    if ("present".equals(a.get("state")) && a.get("line") == null) {
      throw new ModuleArgumentException("state is present but all of the following are missing: line");
    }
    if ("absent".equals(a.get("state")) && a.get("line") == null && a.get("regexp") == null
        && a.get("search_string") == null) {
      throw new ModuleArgumentException("one of line, search_string, or regexp is required with state=absent");
    }
    a.put("mode", a.get("mode") == null ? null : OptionSpec.mode(a.get("mode")));
    return a;
  }

  @Override
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("path", ScriptRun.str(args.get("path")));
    vars.put("re", args.get("regexp") == null ? "" : ere(args.get("regexp").toString()));
    vars.put("ss", ScriptRun.str(args.get("search_string")));
    vars.put("re_set", ScriptRun.flag(args.get("regexp") != null));
    vars.put("ss_set", ScriptRun.flag(args.get("search_string") != null));
    vars.put("warning", "".equals(args.get("regexp")) ? EMPTY_REGEXP
        : "".equals(args.get("search_string")) ? EMPTY_SEARCH_STRING : "");
    vars.put("line", ScriptRun.str(args.get("line")));
    vars.put("state", ScriptRun.str(args.get("state")));
    vars.put("after", args.get("insertafter") == null ? "" : anchor(args.get("insertafter").toString()));
    vars.put("before", args.get("insertbefore") == null ? "" : anchor(args.get("insertbefore").toString()));
    vars.put("create", ScriptRun.flag(args.get("create")));
    vars.put("backrefs", ScriptRun.flag(args.get("backrefs")));
    vars.put("backup", ScriptRun.flag(args.get("backup")));
    vars.put("firstmatch", ScriptRun.flag(args.get("firstmatch")));
    FileAttributes.putVars(args, vars);
    vars.put("validate_cmd", ScriptRun.str(args.get("validate")).replace("%s", "\"$f\""));
    vars.put("validate_raw", ScriptRun.str(args.get("validate")));
    vars.put("awk_prog", AWK);
    vars.put("d", "\u0001");
    vars.put("o", "\u0002");
    vars.put("c", "\u0003");
    String re = args.get("regexp") == null ? "" : ere(args.get("regexp").toString());
    vars.put("re_shifted", shiftBackreferences(re));
    vars.put("byline", BACKREFERENCE.matcher(re).find() ? "1" : "");
    vars.put("repl", sedReplacement(ScriptRun.str(args.get("line"))));
    vars.put("new_file", "");
    vars.put("bf", "");
    return ScriptRun.script(vars, target, BODY);
  }

  @Override
  public CompletableFuture<Map<String, Object>> run(Map<String, Object> args, TargetContext target) {
    return ScriptRun.run(script(args, target), target);
  }

  @Override
  public boolean supportsCheckMode() {
    return true;
  }

  private static String anchor(String where) {
    return where.equals("EOF") || where.equals("BOF") ? where : ere(where);
  }

  /** Python regexp shorthand classes as POSIX ERE, which awk and sed -E understand. */
  static String ere(String python) {
    return python.replace("\\d", "[0-9]").replace("\\D", "[^0-9]").replace("\\s", "[[:space:]]")
        .replace("\\S", "[^[:space:]]").replace("\\w", "[[:alnum:]_]").replace("\\W", "[^[:alnum:]_]")
        .replace("*?", "*").replace("+?", "+");
  }

  /** A backreference such as {@code \1} that is not itself an escaped backslash. */
  private static final Pattern BACKREFERENCE = Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\\\[1-9]");

  /** {@code regexp}'s backreferences one higher, for use inside an added outer group. */
  static String shiftBackreferences(String regexp) {
    Matcher m = Pattern.compile("\\\\([1-9])|\\\\.").matcher(regexp);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String rep = m.group(1) == null ? m.group() : "\\" + (Integer.parseInt(m.group(1)) + 1);
      m.appendReplacement(out, Matcher.quoteReplacement(rep));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * Python's expand template as a sed replacement for {@code (regexp)}: groups shift by one
   * because of the added outer group, and {@code &} is literal.
   */
  static String sedReplacement(String template) {
    Matcher m = Pattern.compile("\\\\g<(\\d)>|\\\\(\\d)|&|\\\\\\\\").matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String group = m.group(1) != null ? m.group(1) : m.group(2);
      String rep = group != null ? "\\" + (Integer.parseInt(group) + 1) : m.group().equals("&") ? "\\&" : "\\\\";
      m.appendReplacement(out, Matcher.quoteReplacement(rep));
    }
    m.appendTail(out);
    return out.toString();
  }

}
