package io.tightbeam.executor;

import io.tightbeam.yaml.InputException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code include_vars}: variables from a YAML/JSON file, found on the task's search path (its role's {@code vars/} first). */
final class IncludeVars {
  private IncludeVars() {}

  static Map<String, Object> load(PlayContext ctx, Keywords kw, Map<String, Object> args) {
    Object file = args.containsKey("file") ? args.get("file") : args.get("_raw_params");
    if (file == null) {
      return Results.failure("include_vars needs a file name (file= or free form)");
    }
    SearchPath search = kw.searchPath();
    Path path = search.find("vars", file.toString()).orElse(null);
    if (path == null) {
      Map<String, Object> r = Results.of("ansible_facts", Map.of(), "ansible_included_var_files", List.of(),
          "changed", false, "failed", true);
      r.put("message", "Could not find or access '" + file + "'\nSearched in:\n\t"
          + String.join("\n\t", search.candidates("vars", file.toString()).stream().map(Path::toString).toList())
          + " on the Ansible Controller.\nIf you are using a module and expect the file to exist on the remote,"
          + " see the remote_src option");
      return r;
    }
    try {
      Object loaded = ctx.services().parser().loadData(path);
      Map<String, Object> facts = new LinkedHashMap<>();
      if (loaded instanceof Map<?, ?> m) {
        m.forEach((k, v) -> facts.put(String.valueOf(k), v));
      } else if (loaded != null) {
        return Results.failure(path + " must be stored as a dictionary/hash");
      }
      Object name = args.get("name");
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("ansible_facts", name == null ? facts : Map.of(name.toString(), facts));
      result.put("ansible_included_var_files", List.of(path.toString()));
      result.put("changed", false);
      return result;
    } catch (InputException e) {
      return Results.failure(e.getMessage());
    } catch (RuntimeException e) {
      return Results.failure("Could not read " + path + ": " + e.getMessage());
    }
  }
}
