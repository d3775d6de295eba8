package io.tightbeam.module;

import io.tightbeam.module.OptionSpec.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Ansible's {@code stat}: facts about one path on the target, never a change. */
final class StatModule implements RemoteModule {
  private static final OptionSpec SPEC =
      new OptionSpec("stat")
          .required("path", Type.STR, "dest", "name")
          .add("follow", Type.BOOL, false)
          .add("get_checksum", Type.BOOL, true)
          .add("get_md5", Type.BOOL, false)
          .add("get_mime", Type.BOOL, true)
          .add(new OptionSpec.Option("get_attributes", Type.BOOL, true, java.util.List.of(),
              java.util.List.of("attr", "attributes"), false))
          .add(new OptionSpec.Option("checksum_algorithm", Type.STR, "sha1",
              java.util.List.of("md5", "sha1", "sha256"), java.util.List.of("checksum", "checksum_algo"), false));

  /** lsattr's flags and the names Ansible gives them. */
  private static final String ATTRIBUTE_NAMES = "A:noatime a:append c:compressed C:nocow d:nodump D:dirsync"
      + " e:extents E:encrypted h:blocksize i:immutable I:indexed j:journalled N:inline s:zero S:synchronous"
      + " t:notail T:blockroot u:undelete X:compressedraw Z:compresseddirty";

  private static final String BODY =
      """
      p=$path
      if [ ! -e "$p" ] && [ ! -L "$p" ]; then
        e=$(LC_ALL=C stat -- "$p" 2>&1)
        case "$e" in
          *"No such file or directory"*) tb_kb changed 0; tb_kv stat '{"exists":false}'; tb_emit; exit 0 ;;
        esac
        tb_fail "$(tb_why "$e")"
      fi
      tb_stat "$p" "$follow" || tb_fail "cannot stat $p"
      # Python's os.stat times are floats: GNU stat's %.9Y gives the nanoseconds (busybox has whole seconds only)
      tf=''; [ "$follow" = 1 ] && tf=-L
      ft=$(stat $tf -c '%.9Y %.9X %.9Z' -- "$p" 2>/dev/null) || ft=''
      if [ -n "$ft" ] && [ -z "$(printf '%s' "$ft" | tr -d '0-9. ')" ]; then
        set -- $(printf '%s\n' "$ft" | awk '{ for (i = 1; i <= 3; i++) { v = $i; sub(/0+$/, "", v); sub(/[.]$/, ".0", v); printf "%s ", v } }')
        tb_mtime=$1; tb_atime=$2; tb_ctime=$3
      fi
      s="\\"exists\\":true"
      sk() { s="$s,\\"$1\\":$(printf '%s' "$2" | tb_json)"; }
      sv() { s="$s,\\"$1\\":$2"; }
      sb() { if eval "$2"; then sv "$1" true; else sv "$1" false; fi; }
      sk path "$p"; sk mode "$tb_mode"; sv uid "$tb_uid"; sv gid "$tb_gid"; sk pw_name "$tb_owner"
      sk gr_name "$tb_group"; sv size "$tb_size"; sv mtime "$tb_mtime"; sv atime "$tb_atime"
      sv ctime "$tb_ctime"; sv inode "$tb_inode"; sv nlink "$tb_nlink"; sv dev "$tb_dev"
      if [ "$follow" = 1 ]; then t=false; else t='[ -L "$p" ]'; fi
      sb islnk "$t"
      if [ "$follow" = 1 ] || [ ! -L "$p" ]; then
        sb isdir '[ -d "$p" ]'; sb isreg '[ -f "$p" ]'; sb ischr '[ -c "$p" ]'; sb isblk '[ -b "$p" ]'
        sb isfifo '[ -p "$p" ]'; sb issock '[ -S "$p" ]'
      else
        for k in isdir isreg ischr isblk isfifo issock; do sv $k false; done
        sk lnk_source "$(readlink -f -- "$p" 2>/dev/null)"; sk lnk_target "$(readlink -- "$p" 2>/dev/null)"
      fi
      sb readable '[ -r "$p" ]'; sb writeable '[ -w "$p" ]'; sb executable '[ -x "$p" ]'
      m=$tb_mode
      bit() { [ $(( 0$m & $1 )) -ne 0 ]; }
      sb rusr 'bit 256'; sb wusr 'bit 128'; sb xusr 'bit 64'; sb rgrp 'bit 32'; sb wgrp 'bit 16'
      sb xgrp 'bit 8'; sb roth 'bit 4'; sb woth 'bit 2'; sb xoth 'bit 1'; sb isuid 'bit 2048'
      sb isgid 'bit 1024'
      if [ "$get_checksum" = 1 ] && [ -f "$p" ] && [ -r "$p" ] && { [ "$follow" = 1 ] || [ ! -L "$p" ]; }; then
        c=$(tb_sum "$algo" "$p") && sk checksum "$c"
      fi
      if [ "$get_md5" = 1 ] && [ -f "$p" ] && [ -r "$p" ]; then c=$(tb_sum md5 "$p") && sk md5 "$c"; fi
      if [ "$get_mime" = 1 ] && command -v file >/dev/null 2>&1; then
        sk mimetype "$(file -b --mime-type -- "$p" 2>/dev/null)"; sk charset "$(file -b --mime-encoding -- "$p" 2>/dev/null)"
      fi
      if [ "$get_attributes" = 1 ] && command -v lsattr >/dev/null 2>&1 && la=$(lsattr -vd -- "$p" 2>/dev/null); then
        set -- $la
        fl=$(printf '%s' "$2" | tr -d -)
        sk attr_flags "$fl"; sk version "$1"
        sv attributes "[$(printf '%s' "$fl" | awk -v names="$attribute_names" '
          BEGIN { n = split(names, pairs, " "); for (i = 1; i <= n; i++) name[substr(pairs[i], 1, 1)] = substr(pairs[i], 3) }
          { for (i = 1; i <= length($0); i++) { c = substr($0, i, 1); if (c in name) { printf "%s\\"%s\\"", sep, name[c]; sep = "," } } }')]"
      fi
      tb_kb changed 0; tb_kv stat "{$s}"; tb_emit
      """;

  @Override
  public String name() {
    return "stat";
  }

  @Override
  public Map<String, Object> checkArgs(Map<String, Object> args) {
    return SPEC.check(args);
  }

  @Override
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("path", ScriptRun.str(args.get("path")));
    vars.put("follow", ScriptRun.flag(args.get("follow")));
    vars.put("get_checksum", ScriptRun.flag(args.get("get_checksum")));
    vars.put("get_md5", ScriptRun.flag(args.get("get_md5")));
    vars.put("get_mime", ScriptRun.flag(args.get("get_mime")));
    vars.put("algo", ScriptRun.str(args.get("checksum_algorithm")));
    vars.put("get_attributes", ScriptRun.flag(args.get("get_attributes")));
    vars.put("attribute_names", ATTRIBUTE_NAMES);
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
}
