package io.tightbeam.template;

import io.tightbeam.py.Py;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The first_found lookup (and {@code with_first_found}): the first of the candidate files that
 * exists, searched in the {@code files} search path. Terms are names, lists of names or dicts
 * with {@code files}, {@code paths} and {@code skip}.
 */
final class FirstFoundLookup {
  private final List<String> candidates = new ArrayList<>();
  private boolean skip;

  private FirstFoundLookup() {}

  static void register(Catalogue c) {
    c.lookup("first_found", (terms, options, env) -> {
      FirstFoundLookup search = new FirstFoundLookup();
      search.collect(terms, options);
      return search.find(env);
    });
  }

  private void collect(Collection<?> terms, Map<String, Object> kwargs) {
    for (Object term : terms) {
      Map<?, ?> options;
      if (term instanceof Map<?, ?> m) {
        options = m;
      } else if (term instanceof CharSequence) {
        options = kwargs;
      } else if (term instanceof Collection<?> inner) {
        collect(inner, kwargs);
        continue;
      } else {
        throw PluginError.of(PluginError.LOOKUP_ERROR, "Invalid term supplied, can handle string, mapping or list of "
            + "strings but got: <class '" + Py.typeName(term) + "'> for " + Py.str(term));
      }
      List<String> files = split(options.get("files"), ",;");
      List<String> paths = split(options.get("paths"), ",:;");
      skip = Boolean.TRUE.equals(CoreTests.booleanWord(options.get("skip")));
      if (!paths.isEmpty()) {
        for (String path : paths) {
          for (String file : files) {
            candidates.add(Paths.get(path).resolve(file).toString());
          }
        }
      } else if (!files.isEmpty()) {
        // Ansible replaces what earlier terms found here rather than adding to it
        candidates.clear();
        candidates.addAll(files);
      } else {
        candidates.add(Py.str(term));
      }
    }
  }

  /** An option's names: a string or list of strings, each split on any of {@code separators}. */
  private static List<String> split(Object value, String separators) {
    List<String> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    List<Object> items = new ArrayList<>();
    if (value instanceof Collection<?> c) {
      items.addAll(c);
    } else {
      items.addAll(List.of(Py.str(value).split(",", -1)));
    }
    for (Object item : items) {
      StringBuilder part = new StringBuilder();
      for (char ch : Py.str(item).toCharArray()) {
        if (separators.indexOf(ch) >= 0) {
          out.add(part.toString());
          part.setLength(0);
        } else {
          part.append(ch);
        }
      }
      out.add(part.toString());
    }
    return out;
  }

  private List<Object> find(Env env) {
    // with_first_found on include_vars searches vars/, on template templates/ (executor.LoopItems
    // says which); lookup('first_found') always files/
    String subdir = env.variable("_tightbeam_first_found_subdir") instanceof String s ? s : "files";
    for (String candidate : candidates) {
      String name = candidate;
      if (name.contains("{{") || name.contains("{%")) {
        name = env.render(name, Map.of()); // an undefined variable here fails the lookup (2.14)
      }
      Path found = FileSearch.find(env, subdir, name);
      if (found != null) {
        return new ArrayList<>(List.of(found.toString()));
      }
    }
    if (skip) {
      return new ArrayList<>();
    }
    throw PluginError.of(PluginError.LOOKUP_ERROR, "No file was found when using first_found.");
  }
}
