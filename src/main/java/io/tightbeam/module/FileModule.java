package io.tightbeam.module;

import io.tightbeam.module.OptionSpec.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Ansible's {@code file}: makes a path a file, directory, symlink or hard link, touches it, removes
 * it, and sets mode, owner, group (recursively for directories), chattr {@code attributes} and the
 * access and modification times, reporting a before/after diff as Ansible's module does.
 */
final class FileModule implements RemoteModule {
  private static final OptionSpec SPEC =
      FileAttributes.addTo(new OptionSpec("file")
          .required("path", Type.STR, "dest", "name")
          .add(new OptionSpec.Option("state", Type.STR, null,
              List.of("absent", "directory", "file", "hard", "link", "touch"), List.of(), false)))
          .add("recurse", Type.BOOL, false)
          .add("src", Type.STR)
          .add("force", Type.BOOL, false)
          .add("follow", Type.BOOL, true)
          .add("access_time", Type.STR)
          .add("modification_time", Type.STR)
          .add("access_time_format", Type.STR)
          .add("modification_time_format", Type.STR)
          // the internal arguments of Ansible's diff callback and copy action
          .add("_diff_peek", Type.BOOL)
          .add("_original_basename", Type.STR);

  /**
   * Lists a removed directory's contents for the diff in Python's {@code os.walk} order (a
   * folder's subfolders and files, then each subfolder in turn) from {@code find}'s lines
   * ({@code d<path>} or {@code f<path>}).
   */
  private static final String WALK =
      """
      { t = substr($0, 1, 1); p = substr($0, 2); n = p; sub(/\\/[^\\/]*$/, "", n)
        kids[n] = kids[n] SUBSEP NR; kind[NR] = t; name[NR] = p }
      function js(s,   o, i, c, k) {
        o = ""
        for (i = 1; i <= length(s); i++) {
          c = substr(s, i, 1); k = index(ctl, c)
          if (c == "\\\\") o = o "\\\\\\\\"; else if (c == "\\"") o = o "\\\\\\""; else if (k) o = o sprintf("\\\\u%04x", k); else o = o c
        }
        return "\\"" o "\\""
      }
      function visit(dir,   parts, m, i) {
        m = split(substr(kids[dir], 2), parts, SUBSEP)
        for (i = 1; i <= m; i++) if (kind[parts[i]] == "d") dirs = dirs "," js(name[parts[i]])
        for (i = 1; i <= m; i++) if (kind[parts[i]] == "f") files = files "," js(name[parts[i]])
        for (i = 1; i <= m; i++) if (kind[parts[i]] == "d") visit(name[parts[i]])
      }
      BEGIN { top = ENVIRON["TB_TOP"]; for (i = 1; i < 32; i++) ctl = ctl sprintf("%c", i) }
      END { visit(top); printf "{\\"directories\\":[%s],\\"files\\":[%s]}", substr(dirs, 2), substr(files, 2) }
      """;

  /** {@code tb_times path mtime atime}: Ansible's timestamp update, recorded in the diff. */
  private static final String TIMES =
      """
      tb_now() { tb_n=$(date +%s.%N 2>/dev/null); case "$tb_n" in *[!0-9.]* | '' | *.) tb_n=$(date +%s) ;; esac; echo "$tb_n"; }
      tb_ts() { tb_t=$(stat -c "%.9$2" -- "$1" 2>/dev/null); case "$tb_t" in *[!0-9.]* | '') tb_t=$(stat -c "%$2" -- "$1") ;; esac; echo "$tb_t"; }
      tb_epoch() { tb_f=$(mktemp) || return 1; touch -t "$1" "$tb_f" && stat -c %Y -- "$tb_f"; tb_rc=$?; rm -f -- "$tb_f"; return $tb_rc; }
      tb_float() { case "$1" in *.*) echo "$1" ;; *) echo "$1.0" ;; esac; }
      tb_same() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 == b + 0) }'; }
      tb_times() {
        [ "$2" = preserve ] && [ "$3" = preserve ] && return 0
        tb_pm=$(tb_ts "$1" Y); tb_pa=$(tb_ts "$1" X)
        if [ "$2" = now ] && [ "$3" = now ]; then tb_nm=$(tb_now); tb_na=$tb_nm
        else
          for tb_w in m a; do
            tb_v=$2; [ "$tb_w" = a ] && tb_v=$3
            case "$tb_v" in
              preserve) eval "tb_n$tb_w=\\$tb_p$tb_w" ;;
              now) eval "tb_n$tb_w=$(tb_now)" ;;
              *) tb_x=$(tb_epoch "$tb_v") || tb_fail "Error while obtaining timestamp for time $tb_v: touch cannot use it"
                 eval "tb_n$tb_w=$tb_x" ;;
            esac
          done
          tb_same "$tb_nm" "$tb_pm" && tb_same "$tb_na" "$tb_pa" && return 0
        fi
        tb_changed=1
        if [ "$tb_check" != 1 ]; then
          if [ "$2" = now ] && [ "$3" = now ]; then tb_e=$(touch -- "$1" 2>&1)
          else
            tb_e=''
            case "$2" in preserve) ;; now) tb_e=$(touch -m -- "$1" 2>&1) ;; *) tb_e=$(touch -m -t "$2" -- "$1" 2>&1) ;; esac &&
            case "$3" in preserve) ;; now) tb_e=$(touch -a -- "$1" 2>&1) ;; *) tb_e=$(touch -a -t "$3" -- "$1" 2>&1) ;; esac
          fi || tb_fail "Error while updating modification or access time: $tb_e"
        fi
        tb_same "$tb_nm" "$tb_pm" || tb_dv mtime "$(tb_float "$tb_pm")" "$(tb_float "$tb_nm")"
        tb_same "$tb_na" "$tb_pa" || tb_dv atime "$(tb_float "$tb_pa")" "$(tb_float "$tb_na")"
      }
      """;

  private static final String BODY =
      """
      if [ "$diff_peek" = 1 ]; then
        # Ansible's _diff_peek: the file's facts and whether its first 8192 bytes hold a NUL
        if [ -e "$path" ] || [ -L "$path" ]; then tb_facts "$path"; else tb_ks path "$path"; fi
        bin=0
        if [ -f "$path" ] && [ -r "$path" ] && \\
          [ "$(head -c 8192 -- "$path" | tr -d '\\000' | wc -c)" -ne "$(head -c 8192 -- "$path" | wc -c)" ]; then bin=1; fi
        tb_kb appears_binary "$bin"; tb_kb changed 0; tb_emit; exit 0
      fi
      p=$path
      if [ "$tb_check" = 1 ]; then
        # Ansible warns in check mode of an owner or group that does not exist (yet)
        tb_w=''
        tb_warn() { tb_w="$tb_w,$(printf '%s' "$1. Create $2 up to this point in real play" | tb_json)"; }
        case $owner in
          '') ;;
          *[!0-9]*) id -u -- "$owner" >/dev/null 2>&1 || tb_warn "failed to look up user $owner" user ;;
          *) awk -F: -v n="$owner" '$3 == n { f = 1 } END { exit !f }' /etc/passwd 2>/dev/null \\
               || getent passwd "$owner" >/dev/null 2>&1 || tb_warn "failed to look up user with uid $owner" user ;;
        esac
        case $group in
          '') ;;
          *[!0-9]*) [ -n "$(tb_gid_of "$group")" ] || tb_warn "failed to look up group $group" group ;;
          *) awk -F: -v n="$group" '$3 == n { f = 1 } END { exit !f }' /etc/group 2>/dev/null \\
               || getent group "$group" >/dev/null 2>&1 || tb_warn "failed to look up group with gid $group" group ;;
        esac
        [ -n "$tb_w" ] && tb_kv warnings "[${tb_w#,}]"
      fi
      before=$(tb_kind "$p")
      if [ -z "$state" ]; then
        case "$before" in
          absent) if [ "$recurse" = 1 ]; then state=directory; else state=file; fi ;;
          hard) state=file ;;
          *) state=$before ;;
        esac
      fi
      if [ "$before" = link ] && [ "$follow" = 1 ] && { [ "$state" = file ] || [ "$state" = directory ]; }; then
        p=$(readlink -f -- "$p"); before=$(tb_kind "$p")
      fi
      pj=$(printf '%s' "$p" | tb_json)
      tb_dv path "$pj" "$pj"
      [ "$before" != "$state" ] && tb_dv state "\\"$before\\"" "\\"$state\\""
      act() {
        tb_changed=1; [ "$tb_check" = 1 ] && return 0
        tb_m=$1; shift; tb_e=$(LC_ALL=C "$@" 2>&1) || tb_fail "$tb_m: $(tb_why "$tb_e")"
      }
      case "$state" in
        absent)
          if [ "$before" = directory ]; then
            top=$p; [ "$top" != / ] && top=${p%/}
            walked=$(find "$top" -mindepth 1 2>/dev/null | while IFS= read -r e; do
              if [ -d "$e" ]; then printf 'd%s\\n' "$e"; else printf 'f%s\\n' "$e"; fi; done | TB_TOP=$top LC_ALL=C awk "$walk")
            tb_db="$tb_db,\\"path_content\\":$walked"
          fi
          [ "$before" != absent ] && act "removing $p failed" rm -rf -- "$p" ;;
        file)
          [ "$before" = absent ] && { tb_ks path "$p"; tb_ks state absent; tb_fail "file ($p) is absent, cannot continue"; }
          [ "$before" = directory ] && tb_fail "$p already exists as a directory" ;;
        directory)
          if [ "$before" = absent ]; then act "There was an issue creating $p as requested" mkdir -p -- "$p"
          elif [ "$before" != directory ]; then tb_fail "$p already exists as a $before"; fi ;;
        touch)
          if [ "$before" = absent ]; then
            act "Error, could not touch target" touch -- "$p"
            [ "$tb_check" = 1 ] && nodiff=1
            # as Ansible: a file this task made is removed again when its owner, group or mode cannot be set
            [ "$tb_check" = 1 ] || tb_fail() { rm -f -- "$p"; tb_kb changed 0; tb_kv failed true; tb_ks msg "$1"; tb_emit; exit 0; }
          fi ;;
        link|hard)
          if [ -z "$src" ]; then
            # Ansible: a link without src keeps what an existing symlink points to; anything else fails
            [ "$state" = hard ] && tb_fail "src is required for creating new hardlinks"
            [ "$before" = link ] || tb_fail "src is required for creating new symlinks"
            src=$(readlink -- "$p")
          fi
          if [ "$state" = link ]; then
            cur=$(readlink -- "$p" 2>/dev/null)
            if [ "$before" = link ] && [ "$cur" = "$src" ]; then :
            elif [ "$before" = absent ] || [ "$force" = 1 ] || [ "$before" = link ]; then
              [ "$before" = directory ] && tb_fail "refusing to convert from directory to symlink for $p"
              if [ "$before" = link ]; then tb_dv src "$(printf '%s' "$cur" | tb_json)" "$(printf '%s' "$src" | tb_json)"; fi
              act "Error while linking" ln -sfn -- "$src" "$p"
            else tb_fail "refusing to convert from $before to symlink for $p"; fi
          else
            [ -e "$src" ] || { tb_ks dest "$p"; tb_ks src "$src"; tb_fail "src does not exist"; }
            if [ "$before" != absent ] && [ "$p" -ef "$src" ]; then :
            elif [ "$before" = absent ] || [ "$force" = 1 ]; then act "Error while linking" ln -f -- "$src" "$p"
            else tb_fail "refusing to convert from $before to hard link for $p"; fi
          fi
          tb_ks src "$src" ;;
      esac
      rec=0; [ "$state" = directory ] && rec=$recurse
      [ "$state" != absent ] && tb_attrs "$p" "$mode" "$owner" "$group" "$rec" "$attributes"
      [ "$state" != absent ] && [ -z "$nodiff" ] && tb_times "$p" "$mtime" "$atime"
      after=$state; [ "$state" = touch ] && after=file
      if [ "$state" != absent ] && [ -e "$p" -o -L "$p" ]; then
        if [ "$state" = hard ]; then tb_facts "$p" hard; else tb_facts "$p"; fi
      else tb_ks path "$p"; tb_ks state "$after"; fi
      if [ "$state" = link ] || [ "$state" = hard ] || [ "$state" = touch ]; then tb_ks dest "$p"; fi
      if [ -z "$nodiff" ] && { [ "$state" != absent ] || [ "$before" != absent ]; }; then tb_kv diff "$(tb_diffs)"; fi
      tb_kb changed "$tb_changed"; tb_emit
      """;

  @Override
  public String name() {
    return "file";
  }

  @Override
  public Map<String, Object> checkArgs(Map<String, Object> args) {
    Map<String, Object> a = SPEC.check(args);
    Object state = a.get("state");
    if (a.get("src") != null && !"link".equals(state) && !"hard".equals(state) && state != null) {
      throw new ModuleArgumentException("src option requires state to be 'link' or 'hard'");
    }
    a.put("mode", a.get("mode") == null ? null : OptionSpec.mode(a.get("mode")));
    a.put("modification_time", FileTimes.stamp(a.get("modification_time"), a.get("modification_time_format"), state));
    a.put("access_time", FileTimes.stamp(a.get("access_time"), a.get("access_time_format"), state));
    return a;
  }

  @Override
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("path", ScriptRun.str(args.get("path")));
    vars.put("state", ScriptRun.str(args.get("state")));
    FileAttributes.putVars(args, vars);
    vars.put("recurse", ScriptRun.flag(args.get("recurse")));
    vars.put("src", ScriptRun.str(args.get("src")));
    vars.put("force", ScriptRun.flag(args.get("force")));
    vars.put("follow", ScriptRun.flag(args.get("follow")));
    vars.put("mtime", ScriptRun.str(args.get("modification_time")));
    vars.put("atime", ScriptRun.str(args.get("access_time")));
    vars.put("walk", WALK);
    vars.put("diff_peek", ScriptRun.flag(args.get("_diff_peek")));
    return ScriptRun.script(vars, target, TIMES + BODY);
  }

  @Override
  public CompletableFuture<Map<String, Object>> run(Map<String, Object> args, TargetContext target) {
    return ScriptRun.run(script(args, target), target);
  }

  @Override
  public boolean supportsCheckMode() {
    return true;
  }
}
