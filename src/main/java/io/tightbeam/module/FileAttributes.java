package io.tightbeam.module;

import io.tightbeam.module.OptionSpec.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The arguments every file-writing module takes (Ansible's common file arguments): mode, owner,
 * group, {@code attributes} (chattr flags), the SELinux context parts and {@code unsafe_writes},
 * and the script variables that carry them to {@code tb_attrs}.
 */
final class FileAttributes {
  private static final List<String> SELINUX = List.of("seuser", "serole", "setype", "selevel");

  private FileAttributes() {}

  static OptionSpec addTo(OptionSpec spec) {
    spec.add("mode", Type.RAW).add("owner", Type.STR).add("group", Type.STR)
        .aliased("attributes", Type.STR, "attr")
        .add("unsafe_writes", Type.BOOL, false);
    SELINUX.forEach(name -> spec.add(name, Type.STR));
    return spec;
  }

  /** {@code mode}, {@code owner}, {@code group}, {@code attributes}, {@code selinux} and {@code unsafe_writes}. */
  static void putVars(Map<String, Object> args, Map<String, String> vars) {
    vars.put("mode", ScriptRun.str(args.get("mode")));
    vars.put("owner", ScriptRun.str(args.get("owner")));
    vars.put("group", ScriptRun.str(args.get("group")));
    vars.put("attributes", ScriptRun.str(args.get("attributes")));
    List<String> selinux = new ArrayList<>();
    SELINUX.stream().filter(name -> args.get(name) != null).forEach(selinux::add);
    vars.put("selinux", String.join(", ", selinux));
    vars.put("unsafe_writes", ScriptRun.flag(args.get("unsafe_writes")));
  }

  /** The copy arguments among {@code args} that template hands on. */
  static List<String> names() {
    List<String> names = new ArrayList<>(List.of("mode", "owner", "group", "attributes", "unsafe_writes"));
    names.addAll(SELINUX);
    return names;
  }
}
