package io.tightbeam.module;

import io.tightbeam.module.OptionSpec.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Ansible's {@code file}: makes a path a file, directory, symlink or hard link, touches it, removes
 * it, and sets mode, owner and group (recursively for directories), reporting a before/after diff.
 */
final class FileModule implements RemoteModule {
  private static final OptionSpec SPEC =
      new OptionSpec("file")
          .required("path", Type.STR, "dest", "name")
          .add(new OptionSpec.Option("state", Type.STR, null,
              List.of("absent", "directory", "file", "hard", "link", "touch"), List.of(), false))
          .add("mode", Type.RAW)
          .add("owner", Type.STR)
          .add("group", Type.STR)
          .add("recurse", Type.BOOL, false)
          .add("src", Type.STR)
          .add("force", Type.BOOL, false)
          .add("follow", Type.BOOL, true)
          .add("access_time", Type.STR)
          .add("modification_time", Type.STR)
          .add("access_time_format", Type.STR)
          .add("modification_time_format", Type.STR)
          .add("unsafe_writes", Type.BOOL, false)
          .add("seuser", Type.STR)
          .add("serole", Type.STR)
          .add("setype", Type.STR)
          .add("selevel", Type.STR)
          .add("attributes", Type.STR);

  private static final String BODY =
      """
      p=$path
      before=$(tb_kind "$p")
      [ -z "$state" ] && { if [ "$before" = absent ]; then state=file; else state=$before; fi; }
      [ "$state" = file ] && [ "$before" = link ] && [ "$follow" = 1 ] && before=$(tb_kind "$(readlink -f -- "$p")") && p=$(readlink -f -- "$p")
      act() { tb_changed=1; [ "$tb_check" = 1 ] && return 0; tb_e=$("$@" 2>&1) || tb_fail "$tb_e"; }
      case "$state" in
        absent)
          [ "$before" != absent ] && act rm -rf -- "$p" ;;
        file)
          [ "$before" = absent ] && tb_fail "file ($p) is absent, cannot continue"
          [ "$before" = directory ] && tb_fail "$p already exists as a directory" ;;
        directory)
          if [ "$before" = absent ]; then act mkdir -p -- "$p"
          elif [ "$before" != directory ]; then
            [ "$before" = link ] && [ -d "$p" ] && [ "$follow" = 1 ] || tb_fail "$p already exists as a $before"
          fi ;;
        touch)
          if [ "$before" = absent ]; then act touch -- "$p"
          else tb_changed=1; [ "$tb_check" = 1 ] || touch -- "$p" || tb_fail "could not touch $p"; fi ;;
        link|hard)
          if [ "$state" = link ]; then
            cur=$(readlink -- "$p" 2>/dev/null)
            if [ "$before" = link ] && [ "$cur" = "$src" ]; then :
            elif [ "$before" = absent ] || [ "$force" = 1 ] || [ "$before" = link ]; then
              [ "$before" = directory ] && tb_fail "refusing to convert from directory to symlink for $p"
              act ln -sfn -- "$src" "$p"
            else tb_fail "refusing to convert from $before to symlink for $p"; fi
          else
            [ -e "$src" ] || tb_fail "src file does not exist, use \\"force=yes\\" if you really want to create the link: $src"
            if [ "$before" != absent ] && [ "$p" -ef "$src" ]; then :
            elif [ "$before" = absent ] || [ "$force" = 1 ]; then act ln -f -- "$src" "$p"
            else tb_fail "refusing to convert from $before to hard link for $p"; fi
          fi
          tb_ks src "$src" ;;
      esac
      rec=0; [ "$state" = directory ] && rec=$recurse
      [ "$state" != absent ] && tb_attrs "$p" "$mode" "$owner" "$group" "$rec"
      after=$state; [ "$state" = touch ] && after=file
      if [ "$state" != absent ] && [ -e "$p" -o -L "$p" ]; then
        if [ "$state" = hard ]; then tb_facts "$p" hard; else tb_facts "$p"; fi
      else tb_ks path "$p"; tb_ks state "$after"; fi
      if [ "$state" = link ] || [ "$state" = hard ]; then tb_ks dest "$p"; fi
      d='"before":{"path":'$(printf '%s' "$p" | tb_json)',"state":"'$before'"},"after":{"path":'$(printf '%s' "$p" | tb_json)',"state":"'$after'"}'
      tb_kv diff "{$d}"
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
    if (("link".equals(state) || "hard".equals(state)) && a.get("src") == null) {
      throw new ModuleArgumentException("state is " + state + " but all of the following are missing: src");
    }
    if (a.get("src") != null && !"link".equals(state) && !"hard".equals(state) && state != null) {
      throw new ModuleArgumentException("src option requires state to be 'link' or 'hard'");
    }
    a.put("mode", a.get("mode") == null ? null : OptionSpec.mode(a.get("mode")));
    return a;
  }

  @Override
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("path", ScriptRun.str(args.get("path")));
    vars.put("state", ScriptRun.str(args.get("state")));
    vars.put("mode", ScriptRun.str(args.get("mode")));
    vars.put("owner", ScriptRun.str(args.get("owner")));
    vars.put("group", ScriptRun.str(args.get("group")));
    vars.put("recurse", ScriptRun.flag(args.get("recurse")));
    vars.put("src", ScriptRun.str(args.get("src")));
    vars.put("force", ScriptRun.flag(args.get("force")));
    vars.put("follow", ScriptRun.flag(args.get("follow")));
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
