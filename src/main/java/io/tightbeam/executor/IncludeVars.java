package io.tightbeam.executor;

import io.tightbeam.playbook.Task;
import io.tightbeam.yaml.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code include_vars}: variables from a YAML/JSON file, found beside the task or in {@code vars/}. */
final class IncludeVars {
  private IncludeVars() {}

  static Map<String, Object> load(PlayContext ctx, Task task, Map<String, Object> args, Map<String, Object> vars) {
    Object file = args.containsKey("file") ? args.get("file") : args.get("_raw_params");
    if (file == null) {
      return Results.failure("include_vars needs a file name (file= or free form)");
    }
    Path path = locate(ctx, task, file.toString());
    if (path == null) {
      return Results.failure("Could not find or access '" + file + "'");
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

  private static Path locate(PlayContext ctx, Task task, String name) {
    Path p = Path.of(name);
    if (p.isAbsolute()) {
      return Files.isReadable(p) ? p : null;
    }
    for (Path base : List.of(task.baseDir().resolve("vars"), task.baseDir(),
        ctx.services().playbookDir().resolve("vars"), ctx.services().playbookDir())) {
      Path candidate = base.resolve(name);
      if (Files.isReadable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
