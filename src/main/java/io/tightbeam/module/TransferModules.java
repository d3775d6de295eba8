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
    for (RemoteModule m : new RemoteModule[] {tempfile(), slurp(), replace(), FindModule.create(), new FetchModule(), getent(), new UriModule(), new GetUrlModule(), new AssembleModule()}) {
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
