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
    // Ansible joins only a non-empty result of a lookup whose text is marked unsafe.
    boolean allowUnsafe = Py.truthy(options.remove("allow_unsafe"));
    // Ansible templates the terms again (listify_lookup_plugin_terms): '{{ x }} -c ...' works.
    List<Object> terms = new java.util.ArrayList<>(args.size() - 1);
    for (Object t : args.subList(1, args.size())) {
      Ops.check(t);
      try {
        terms.add(run.templateValue(t));
      } catch (TemplateException e) {
        if (e.isUndefined()) {
          throw TemplateException.undefined(e.getMessage() + ". " + e.getMessage());
        }
        throw e;
      }
    }
    List<Object> results;
    try {
      results = plugin.body().run(terms, options, run);
    } catch (TemplateException | io.tightbeam.py.PyException e) {
      return failed(run, name, e, errors, wantlist);
    }
    if (allowUnsafe || results.isEmpty()) {
      return results; // Ansible returns the list as the plugin gave it
    }
    run.flagUnsafe(); // Ansible's lookup sets its context's unsafe flag
    if (wantlist && results instanceof PythonPlugins.Whole whole) {
      run.markUnsafe(whole.value());
      return whole.value(); // a Python lookup's dict or string, as it gave it
    }
    // Ansible wraps every result as unsafe text (type_debug shows AnsibleUnsafeText); fresh
    // strings, so that an equal constant elsewhere in the template is not marked too.
    results = new java.util.ArrayList<>(results);
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i) instanceof String s) {
        String fresh = run.typeName(s).startsWith("Native") ? s : new String(s);
        run.markUnsafe(fresh);
        results.set(i, fresh);
      } else {
        run.markUnsafe(results.get(i));
      }
    }
    if (wantlist) {
      return results;
    }
    if (results.size() == 1) {
      return results.get(0); // ",".join of one text is that text (kept native when it was)
    }
    if (results.stream().allMatch(r -> r instanceof String)) {
      String joined = String.join(",", results.stream().map(r -> (String) r).toList());
      run.markUnsafe(joined);
      return joined;
    }
    return results;
  }

  /**
   * Ansible's handling of a failed lookup: an undefined variable and bad options pass through,
   * a lookup error is shown as is (or ignored/warned by {@code errors=}), anything else is an
   * "unhandled exception" naming the Python class.
   */
  private static Object failed(Evaluation run, String name, RuntimeException e, String errors,
      boolean wantlist) {
    String type = e.getCause() instanceof PluginError p ? p.pythonType() : null;
    String message = e.getMessage();
    if (e instanceof TemplateException t && t.isUndefined()) {
      // Ansible re-raises a nested template's undefined error, whose text is already "m. m".
      throw TemplateException.undefined(message + ". " + message);
    }
    if (PluginError.UNDEFINED.equals(type)) {
      throw TemplateException.undefined(message);
    }
    if (PluginError.OPTIONS_ERROR.equals(type)) {
      throw (RuntimeException) e;
    }
    if (PluginError.LOOKUP_ERROR.equals(type)) {
      if (errors.equals("strict")) {
        throw e;
      }
      if (errors.equals("warn")) {
        run.warn("Lookup failed but the error is being ignored: " + message);
      }
      return wantlist ? List.of() : null;
    }
    if (type == null) {
      type = e instanceof io.tightbeam.py.PyException p && p.isValueError() ? "ValueError"
          : e instanceof io.tightbeam.py.PyException ? "TypeError" : "ansible.errors.AnsibleError";
    }
    String text = "An unhandled exception occurred while running the lookup plugin '" + name
        + "'. Error was a <class '" + type + "'>, original message: " + message;
    if (errors.equals("warn")) {
      run.warn(text);
      return wantlist ? List.of() : null;
    } else if (errors.equals("ignore")) {
      return wantlist ? List.of() : null;
    }
    throw new TemplateException(text + ". " + message, e);
  }
}
