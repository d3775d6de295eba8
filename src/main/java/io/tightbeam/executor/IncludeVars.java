package io.tightbeam.executor;

import io.tightbeam.py.Py;
import io.tightbeam.yaml.InputException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code include_vars}: variables from a YAML/JSON file, found on the task's search path (its role's {@code vars/} first). */
final class IncludeVars {
  private IncludeVars() {}

  static Map<String, Object> load(PlayContext ctx, Keywords kw, Map<String, Object> args, Map<String, Object> vars) {
    Map<String, Object> r = args.containsKey("dir") ? loadDir(ctx, kw, args) : loadFile(ctx, kw, args);
    if ("merge".equals(args.get("hash_behaviour")) && r.get("ansible_facts") instanceof Map<?, ?> facts
        && !Results.failed(r)) {
      Map<String, Object> merged = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : facts.entrySet()) {
        Object old = vars.get(String.valueOf(e.getKey()));
        Object current = old instanceof io.tightbeam.template.Literal l ? l.value()
            : old == null ? null : ctx.templar().template(old, vars);
        if (current != null && !(current instanceof Map<?, ?> && e.getValue() instanceof Map<?, ?>)) {
          throw new IllegalArgumentException("failed to combine variables, expected dicts but got a '" + Py.typeName(current)
              + "' and a '" + Py.typeName(e.getValue()) + "': \n" + Py.str(current) + "\n" + Py.str(e.getValue()));
        }
        merged.put(String.valueOf(e.getKey()), deepMerge(current, e.getValue()));
      }
      r.put("ansible_facts", merged);
    }
    return r;
  }

  /** hash_behaviour=merge: dictionaries merge key by key, at any depth; anything else is replaced. */
  private static Object deepMerge(Object old, Object value) {
    if (!(old instanceof Map<?, ?> a) || !(value instanceof Map<?, ?> b)) {
      return value;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    a.forEach((k, v) -> out.put(String.valueOf(k), v));
    b.forEach((k, v) -> out.put(String.valueOf(k), deepMerge(out.get(String.valueOf(k)), v)));
    return out;
  }

  private static Map<String, Object> loadFile(PlayContext ctx, Keywords kw, Map<String, Object> args) {
    Object file = args.get("file");
    if (!args.containsKey("file") && args.get("_raw_params") instanceof String raw) {
      // the action's rstrip('\n'): a folded ">" name ends in a newline the task keeps
      file = raw.replaceAll("\n+$", "");
    }
    if (file == null) {
      return Results.failure("include_vars needs a file name (file= or free form)");
    }
    if (file.toString().isEmpty()) { // an empty name (a lookup that found nothing) is not searched for
      return failure("Could not find file on the Ansible Controller.\nIf you are using a module and expect the file"
          + " to exist on the remote, see the remote_src option");
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

  /**
   * {@code dir=}: every file under the directory, the directories in sorted path order and the
   * files of each sorted by name, later files overriding earlier ones; {@code depth} (0: all),
   * {@code files_matching} and {@code ignore_files} (regular expressions on the file name) and
   * {@code extensions} choose the files, as ansible-core 2.14 does.
   */
  private static Map<String, Object> loadDir(PlayContext ctx, Keywords kw, Map<String, Object> args) {
    String dir = String.valueOf(args.get("dir"));
    Path root = kw.searchPath().candidates("vars", dir).stream().filter(java.nio.file.Files::isDirectory)
        .findFirst().orElse(null);
    if (root == null) {
      return failure(dir + " directory does not exist");
    }
    int depth = args.get("depth") == null ? 0 : Integer.parseInt(String.valueOf(args.get("depth")).trim());
    List<String> extensions = strings(args.getOrDefault("extensions", List.of("yaml", "yml", "json")));
    boolean ignoreUnknown = Results.truthy(args.get("ignore_unknown_extensions"));
    java.util.regex.Pattern matching = args.get("files_matching") == null ? null
        : java.util.regex.Pattern.compile(String.valueOf(args.get("files_matching")));
    List<java.util.regex.Pattern> ignored = strings(args.getOrDefault("ignore_files", List.of())).stream()
        .map(i -> java.util.regex.Pattern.compile(i + "$")).toList();
    List<Path> dirs;
    try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(root)) {
      dirs = walk.filter(java.nio.file.Files::isDirectory)
          .filter(d -> depth == 0 || root.relativize(d).getNameCount() < depth || d.equals(root))
          .sorted(java.util.Comparator.comparing(Path::toString)).toList();
    } catch (java.io.IOException e) {
      return failure("Could not read " + root + ": " + e.getMessage());
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    List<String> files = new java.util.ArrayList<>();
    for (Path d : dirs) {
      List<Path> inDir;
      try (java.util.stream.Stream<Path> list = java.nio.file.Files.list(d)) {
        inDir = list.filter(java.nio.file.Files::isRegularFile).sorted().toList();
      } catch (java.io.IOException e) {
        return failure("Could not read " + d + ": " + e.getMessage());
      }
      for (Path f : inDir) {
        String name = f.getFileName().toString();
        if ((matching != null && !matching.matcher(name).find()) || ignored.stream().anyMatch(i -> i.matcher(name).find())) {
          continue;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        if (!extensions.contains(ext)) {
          if (ignoreUnknown) {
            continue;
          }
          Map<String, Object> r = failure(f + " does not have a valid extension: " + String.join(", ", extensions));
          r.put("ansible_facts", facts); // what was read before stays in the result, as in Ansible
          r.put("ansible_included_var_files", files);
          return r;
        }
        Object loaded;
        try {
          loaded = ctx.services().parser().loadData(f);
        } catch (InputException e) {
          return failure(e.getMessage());
        }
        if (loaded instanceof Map<?, ?> m) {
          m.forEach((k, v) -> facts.put(String.valueOf(k), v));
        } else if (loaded != null) {
          return failure(f + " must be stored as a dictionary/hash");
        }
        files.add(f.toString());
      }
    }
    Object name = args.get("name");
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("ansible_facts", name == null ? facts : Map.of(name.toString(), facts));
    result.put("ansible_included_var_files", files);
    result.put("changed", false);
    return result;
  }

  private static List<String> strings(Object value) {
    return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(value));
  }

  /** include_vars fails with a {@code message}, as Ansible's action plugin does. */
  private static Map<String, Object> failure(String message) {
    Map<String, Object> r = Results.of("ansible_facts", Map.of(), "ansible_included_var_files", List.of(),
        "changed", false, "failed", true);
    r.put("message", message);
    return r;
  }
}
