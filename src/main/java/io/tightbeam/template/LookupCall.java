package io.tightbeam.template;

import io.tightbeam.py.Py;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's {@code lookup()}/{@code query()}: runs a lookup plugin, then {@code errors=} decides
 * what a failure does and {@code wantlist} (always for query) whether the result stays a list.
 */
final class LookupCall {
  private LookupCall() {}

  static Object lookup(Evaluation run, List<Object> args, Map<String, Object> kwargs, boolean query) {
    if (args.isEmpty()) {
      throw new TemplateException("lookup() missing 1 required positional argument: 'name'");
    }
    String name = Py.str(args.get(0));
    Catalogue.Lookup plugin = run.catalogue().lookup(name);
    if (plugin == null) {
      throw new TemplateException("lookup plugin (" + name + ") not found");
    }
    Map<String, Object> options = new LinkedHashMap<>(kwargs);
    boolean wantlist = query || Py.truthy(options.remove("wantlist"));
    String errors = Py.str(options.getOrDefault("errors", "strict"));
    options.remove("errors");
    List<Object> terms = args.subList(1, args.size());
    for (Object t : terms) {
      Ops.check(t);
    }
    List<Object> results;
    try {
      results = plugin.body().run(terms, options, run);
    } catch (TemplateException | io.tightbeam.py.PyException e) {
      if (errors.equals("ignore")) {
        return wantlist ? List.of() : null;
      }
      String message = "An unhandled exception occurred while running the lookup plugin '" + name
          + "'. Error was a <class 'ansible.errors.AnsibleError'>, original message: " + e.getMessage()
          + ". " + e.getMessage();
      if (errors.equals("warn")) {
        run.warn(message);
        return wantlist ? List.of() : null;
      }
      throw new TemplateException(message, e);
    }
    if (wantlist) {
      return results;
    }
    if (results.stream().allMatch(r -> r instanceof String)) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < results.size(); i++) {
        out.append(i > 0 ? "," : "").append((String) results.get(i));
      }
      return out.toString();
    }
    return results.size() == 1 ? results.get(0) : results;
  }
}
