package io.tightbeam.module;

import io.tightbeam.module.OptionSpec.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The file, transfer and network modules written as {@code .sh} resources (tempfile, slurp,
 * replace, find, ...), by short name, for {@link Modules#builtin()} to merge.
 */
final class TransferModules {
  private TransferModules() {}

  /** Short name to module; a new map on every call. */
  static Map<String, RemoteModule> all() {
    Map<String, RemoteModule> all = new LinkedHashMap<>();
    for (RemoteModule m : new RemoteModule[] {tempfile(), slurp(), replace(), FindModule.create(), new FetchModule(), getent(), new UriModule(), new GetUrlModule(), new AssembleModule(), blockinfile()}) {
      all.put(m.name(), m);
    }
    return all;
  }

  static RemoteModule tempfile() {
    OptionSpec spec = new OptionSpec("tempfile")
        .choice("state", "file", "file", "directory")
        .add("path", Type.STR)
        .add("prefix", Type.STR, "ansible.")
        .add("suffix", Type.STR, "");
    return new ShellModule("tempfile", spec, a -> a, false);
  }

  static RemoteModule slurp() {
    return new ShellModule("slurp", new OptionSpec("slurp").required("src", Type.STR, "path"), a -> a, true);
  }

  static RemoteModule replace() {
    OptionSpec spec = FileAttributes.addTo(new OptionSpec("replace"))
        .required("path", Type.STR, "dest", "destfile", "name")
        .required("regexp", Type.STR)
        .add("replace", Type.STR, "")
        .add("after", Type.STR)
        .add("before", Type.STR)
        .add("backup", Type.BOOL, false)
        .add("validate", Type.STR)
        .refuse("encoding", Type.STR, "utf-8", "files are read and written as bytes");
    return new ShellModule("replace", spec, TransferModules::withMode, TransferModules::fileVars, true);
  }

  static RemoteModule blockinfile() {
    OptionSpec spec = FileAttributes.addTo(new OptionSpec("blockinfile"))
        .required("path", Type.STR, "dest", "destfile", "name")
        .choice("state", "present", "absent", "present")
        .add("marker", Type.STR, "# {mark} ANSIBLE MANAGED BLOCK")
        .aliased("block", Type.STR, "content")
        .add("insertafter", Type.STR)
        .add("insertbefore", Type.STR)
        .add("create", Type.BOOL, false)
        .add("backup", Type.BOOL, false)
        .add("validate", Type.STR)
        .add("marker_begin", Type.STR, "BEGIN")
        .add("marker_end", Type.STR, "END");
    return new ShellModule("blockinfile", spec, a -> {
      if (a.get("insertafter") != null && a.get("insertbefore") != null) {
        throw new ModuleArgumentException("parameters are mutually exclusive: insertbefore|insertafter");
      }
      a.putIfAbsent("block", "");
      a.replace("block", null, "");
      return withMode(a);
    }, TransferModules::blockVars, true);
  }

  /**
   * blockinfile's markers with {mark} filled in, and where a new block goes: {@code after} or
   * {@code before} the last line matching {@code where_re}, {@code bof} or {@code eof}.
   */
  private static Map<String, String> blockVars(Map<String, Object> a) {
    Map<String, String> vars = fileVars(a);
    String marker = ScriptRun.str(a.get("marker"));
    vars.put("marker0", marker.replace("{mark}", ScriptRun.str(a.get("marker_begin"))));
    vars.put("marker1", marker.replace("{mark}", ScriptRun.str(a.get("marker_end"))));
    Object after = a.get("insertafter");
    Object before = a.get("insertbefore");
    String where = "eof";
    String re = "";
    if (after != null && !after.equals("EOF")) {
      where = "after";
      re = LineInFileModule.ere(after.toString());
    } else if (before != null && !before.equals("BOF")) {
      where = "before";
      re = LineInFileModule.ere(before.toString());
    } else if (before != null) {
      where = "bof";
    }
    vars.put("where", where);
    vars.put("where_re", re);
    return vars;
  }

  /** A checked mode in chmod's form. */
  static Map<String, Object> withMode(Map<String, Object> a) {
    a.put("mode", a.get("mode") == null ? null : OptionSpec.mode(a.get("mode")));
    return a;
  }

  /** The plain variables, the common file arguments, and {@code validate} with %s as "$f". */
  static Map<String, String> fileVars(Map<String, Object> a) {
    Map<String, String> vars = ShellModule.plainVars(a);
    FileAttributes.putVars(a, vars);
    vars.put("validate_cmd", ScriptRun.str(a.get("validate")).replace("%s", "\"$f\""));
    vars.put("validate_raw", ScriptRun.str(a.get("validate")));
    return vars;
  }

  static RemoteModule getent() {
    OptionSpec spec = new OptionSpec("getent")
        .required("database", Type.STR)
        .add("key", Type.STR)
        .add("service", Type.STR)
        .add("split", Type.STR)
        .add("fail_key", Type.BOOL, true);
    return new ShellModule("getent", spec, a -> a, true);
  }
}
