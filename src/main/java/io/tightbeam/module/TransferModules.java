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
    for (RemoteModule m : new RemoteModule[] {tempfile()}) {
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
}
