package io.tightbeam.module;

import io.tightbeam.py.Py;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ansible's {@code validate_argument_spec}, the task a role with {@code meta/argument_specs.yml}
 * runs first: the variables named in {@code argument_spec} (templated), then {@code
 * provided_arguments}, are checked for required, type, elements and choices, every error listed.
 */
final class ValidateArgumentSpecAction implements ControllerAction {
  private static final Pattern INT = Pattern.compile("\\s*[+-]?\\d+(_\\d+)*\\s*");
  private static final Pattern FLOAT =
      Pattern.compile("\\s*[+-]?((\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|inf|infinity|nan)\\s*", Pattern.CASE_INSENSITIVE);
  private static final Set<String> TRUE_WORDS = Set.of("y", "yes", "on", "1", "true", "t");
  private static final Set<String> FALSE_WORDS = Set.of("n", "no", "off", "0", "false", "f");
  // Python prints this set in an order of its own (hash order); this is one it printed here
  private static final String VALID_BOOLEANS =
      "0, 1, 'no', 'f', 'on', 'true', 'y', 'n', 'yes', 'false', '0', '1', 'off', 't'";

  @Override
  public String name() {
    return "validate_argument_spec";
  }

  @Override
  public Map<String, Object> run(Map<String, Object> args, ActionContext context) {
    ActionArgs.allowOnly(name(), args, Set.of("argument_spec", "provided_arguments", "validate_args_context"));
    if (!(args.get("argument_spec") instanceof Map<?, ?> spec)) {
      throw new ModuleArgumentException("Incorrect type for argument_spec, expected dict and got "
          + "<class '" + Py.typeName(args.get("argument_spec")) + "'>");
    }
    Map<String, Object> given = new LinkedHashMap<>();
    Map<String, Boolean> templated = new LinkedHashMap<>();
    for (Object key : spec.keySet()) {
      String name = String.valueOf(key);
      if (context.vars().containsKey(name)) {
        Object raw = context.vars().get(name);
        raw = raw instanceof io.tightbeam.template.Literal l ? l.value() : raw;
        templated.put(name, raw instanceof String s && (s.contains("{{") || s.contains("{%")));
        given.put(name, context.templar().template(raw, context.vars()));
      }
    }
    if (args.get("provided_arguments") instanceof Map<?, ?> provided) {
      provided.forEach((k, v) -> {
        given.put(String.valueOf(k), v);
        templated.put(String.valueOf(k), true);
      });
    }
    List<String> errors = new ArrayList<>();
    check(spec, given, templated, null, errors);
    Map<String, Object> r = new LinkedHashMap<>();
    if (!errors.isEmpty()) {
      r.put("failed", true);
      r.put("argument_errors", errors);
      r.put("argument_spec_data", spec);
      r.put("msg", "Validation of arguments failed:\n" + String.join("\n", errors));
    } else {
      r.put("msg", "The arg spec validation passed");
    }
    r.put("changed", false);
    if (args.get("validate_args_context") instanceof Map<?, ?> c) {
      r.put("validate_args_context", c);
    }
    return r;
  }

  /** Ansible's order: missing required ones, then types (and elements), then choices. */
  private static void check(Map<?, ?> spec, Map<String, Object> given, Map<String, Boolean> templated,
      String prefix, List<String> errors) {
    List<String> missing = new ArrayList<>();
    spec.forEach((k, v) -> {
      if (v instanceof Map<?, ?> o && Py.truthy(o.get("required")) && given.get(String.valueOf(k)) == null) {
        missing.add(String.valueOf(k));
      }
    });
    if (!missing.isEmpty()) {
      errors.add("missing required arguments: " + String.join(", ", missing) + found(prefix));
    }
    Map<String, Object> converted = new LinkedHashMap<>(given);
    spec.forEach((k, v) -> {
      String name = String.valueOf(k);
      Object value = given.get(name);
      if (!(v instanceof Map<?, ?> o) || value == null) {
        return;
      }
      String type = o.get("type") == null ? "str" : String.valueOf(o.get("type"));
      try {
        converted.put(name, convert(type, value));
      } catch (IllegalArgumentException e) {
        errors.add("argument '" + name + "' is of type " + pyClass(value, templated.getOrDefault(name, false))
            + (prefix == null ? "" : " found in '" + prefix + "'.") + " and we were unable to convert to " + type
            + ": " + e.getMessage().replace("%TYPE%", pyClass(value, templated.getOrDefault(name, false))));
        converted.remove(name);
        return;
      }
      if (o.get("elements") != null && converted.get(name) instanceof List<?> items) {
        String elements = String.valueOf(o.get("elements"));
        boolean fromTemplate = templated.getOrDefault(name, false);
        for (Object item : items) {
          try {
            convert(elements, item);
          } catch (IllegalArgumentException e) {
            errors.add("Elements value for option '" + name + "'" + (prefix == null ? "" : " found in '" + prefix + "'")
                + " is of type " + pyClass(item, fromTemplate) + " and we were unable to convert to " + elements + ": "
                + e.getMessage().replace("%TYPE%", pyClass(item, fromTemplate)));
          }
        }
      }
    });
    spec.forEach((k, v) -> {
      String name = String.valueOf(k);
      Object value = converted.get(name);
      if (v instanceof Map<?, ?> o && o.get("choices") instanceof List<?> choices && value != null) {
        List<Object> values = value instanceof List<?> l ? new ArrayList<>(l) : List.of(value);
        for (Object one : values) {
          if (choices.stream().noneMatch(c -> Py.str(c).equals(Py.str(one)))) {
            errors.add("value of " + name + " must be one of: "
                + String.join(", ", choices.stream().map(Py::str).toList()) + ", got: " + Py.str(value) + found(prefix));
            break;
          }
        }
      }
    });
    spec.forEach((k, v) -> {
      String name = String.valueOf(k);
      if (v instanceof Map<?, ?> o && o.get("options") instanceof Map<?, ?> sub) {
        Object value = converted.get(name);
        List<Object> each = value instanceof List<?> l ? new ArrayList<>(l) : value == null ? List.of() : List.of(value);
        for (Object one : each) {
          if (one instanceof Map<?, ?> m) {
            Map<String, Object> inner = new LinkedHashMap<>();
            m.forEach((ik, iv) -> inner.put(String.valueOf(ik), iv));
            check(sub, inner, Map.of(), prefix == null ? name : prefix + "." + name, errors);
          }
        }
      }
    });
  }

  private static String found(String prefix) {
    return prefix == null ? "" : " found in " + prefix;
  }

  /** The class Ansible names: YAML's strings are AnsibleUnicode, a template's result is str. */
  private static String pyClass(Object value, boolean templated) {
    if (value instanceof String && !templated) {
      return "<class 'ansible.parsing.yaml.objects.AnsibleUnicode'>";
    }
    return "<class '" + Py.typeName(value) + "'>";
  }

  /** Ansible's check_type_* conversions; the message of a failed one holds %TYPE% for the class. */
  static Object convert(String type, Object value) {
    switch (type) {
      case "str", "path", "raw" -> {
        return value;
      }
      case "int" -> {
        if (Py.isInt(value) || value instanceof Boolean) {
          return value;
        }
        if (value instanceof String s && INT.matcher(s).matches()) {
          return Py.normalInt(new java.math.BigInteger(s.trim().replace("_", "")));
        }
        throw new IllegalArgumentException("%TYPE% cannot be converted to an int");
      }
      case "float" -> {
        if (value instanceof Number || value instanceof Boolean) {
          return value;
        }
        if (value instanceof String s && FLOAT.matcher(s).matches()) {
          return value;
        }
        throw new IllegalArgumentException("%TYPE% cannot be converted to a float");
      }
      case "bool" -> {
        if (value instanceof Boolean) {
          return value;
        }
        if (value instanceof String || value instanceof Number) {
          String word = (value instanceof Number n ? Py.str(n) : (String) value).toLowerCase(Locale.ROOT).strip();
          if (value instanceof Number n && (Py.toDouble(n) == 1 || Py.toDouble(n) == 0)) {
            return Py.toDouble(n) == 1;
          }
          if (TRUE_WORDS.contains(word) || FALSE_WORDS.contains(word)) {
            return TRUE_WORDS.contains(word);
          }
          throw new IllegalArgumentException("The value '" + Py.str(value) + "' is not a valid boolean.  Valid booleans include: "
              + VALID_BOOLEANS);
        }
        throw new IllegalArgumentException("%TYPE% cannot be converted to a bool");
      }
      case "list" -> {
        if (value instanceof List<?>) {
          return value;
        }
        if (value instanceof String s) {
          return List.of(s.split(",", -1));
        }
        if (value instanceof Number || value instanceof Boolean) {
          return List.of(Py.str(value));
        }
        throw new IllegalArgumentException("%TYPE% cannot be converted to a list");
      }
      case "dict" -> {
        if (value instanceof Map<?, ?>) {
          return value;
        }
        if (value instanceof String s && (s.startsWith("{") || s.contains("="))) {
          return value;
        }
        if (value instanceof String) {
          throw new IllegalArgumentException("dictionary requested, could not parse JSON or key=value");
        }
        throw new IllegalArgumentException("%TYPE% cannot be converted to a dict");
      }
      default -> throw new ModuleArgumentException("tightbeam does not check the argument type '" + type
          + "' (it checks str, path, raw, int, float, bool, list and dict)");
    }
  }
}
