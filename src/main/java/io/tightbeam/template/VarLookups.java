package io.tightbeam.template;

import io.tightbeam.py.Py;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The lookups over variables: vars (with {@code default}) and varnames. */
final class VarLookups {
  private VarLookups() {}

  static void register(Catalogue c) {
    c.lookup("vars", VarLookups::vars);
    c.lookup("varnames", VarLookups::varnames);
  }

  private static List<Object> vars(List<Object> terms, Map<String, Object> options, Env env) {
    Object fallback = options.get("default");
    List<Object> out = new ArrayList<>();
    for (Object term : terms) {
      if (!(term instanceof String name)) {
        throw new TemplateException("Invalid setting identifier, \"" + Py.str(term)
            + "\" is not a string, its a <class '" + Py.typeName(term) + "'>");
      }
      Object value;
      try {
        value = env.variableAsIs(name);
      } catch (TemplateException e) { // the variable's own template uses an undefined one
        if (!e.isUndefined() || fallback == null) {
          throw e;
        }
        value = fallback;
      }
      if (value instanceof Undefined && !env.variableNames().contains(name)) {
        value = hostVar(env, name);
      }
      if (value instanceof Undefined u) {
        if (fallback != null) {
          value = fallback;
        } else if (env.variableNames().contains(name)) {
          throw u.error();
        } else {
          throw PluginError.of(PluginError.UNDEFINED, "No variable found with this name: " + name);
        }
      }
      out.add(value);
    }
    return out;
  }

  /** {@code hostvars[inventory_hostname][name]}, Ansible's second place to look. */
  private static Object hostVar(Env env, String name) {
    if (env.variable("hostvars") instanceof Map<?, ?> hostvars
        && env.variable("inventory_hostname") instanceof String host
        && hostvars.get(host) instanceof Map<?, ?> mine && mine.containsKey(name)) {
      return mine.get(name);
    }
    return Undefined.variable(name);
  }

  private static List<Object> varnames(List<Object> terms, Map<String, Object> o, Env env) {
    List<Object> out = new ArrayList<>();
    for (Object term : terms) {
      if (!(term instanceof String text)) {
        throw new TemplateException("Invalid setting identifier, \"" + Py.str(term)
            + "\" is not a string, it is a <class '" + Py.typeName(term) + "'>");
      }
      Pattern p;
      try {
        p = PythonPattern.compile(text, 0);
      } catch (TemplateException ex) {
        throw new TemplateException("Unable to use \"" + text + "\" as a search parameter: "
            + ex.getMessage());
      }
      for (String name : env.variableNames()) {
        if (p.matcher(name).find()) {
          out.add(name);
        }
      }
    }
    return out;
  }
}
