package io.tightbeam.module;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The argument table of one file or package module, checked the way Ansible's argument spec
 * checks: unknown names, aliases, required names, choices and types, with Ansible's messages.
 */
final class OptionSpec {
  enum Type { STR, BOOL, INT, LIST, RAW }

  record Option(String name, Type type, Object defaultValue, List<String> choices, List<String> aliases,
      boolean required) {}

  /** An Ansible option tightbeam does not implement: only its harmless value passes. */
  private record Refusal(Object harmless, String why) {}

  private final String module;
  private final Map<String, Option> options = new LinkedHashMap<>();
  private final Map<String, Refusal> refused = new LinkedHashMap<>();

  OptionSpec(String module) {
    this.module = module;
  }

  OptionSpec add(String name, Type type) {
    return add(new Option(name, type, null, List.of(), List.of(), false));
  }

  OptionSpec add(String name, Type type, Object defaultValue) {
    return add(new Option(name, type, defaultValue, List.of(), List.of(), false));
  }

  OptionSpec required(String name, Type type, String... aliases) {
    return add(new Option(name, type, null, List.of(), List.of(aliases), true));
  }

  OptionSpec aliased(String name, Type type, String... aliases) {
    return add(new Option(name, type, null, List.of(), List.of(aliases), false));
  }

  OptionSpec choice(String name, Object defaultValue, String... choices) {
    return add(new Option(name, Type.STR, defaultValue, List.of(choices), List.of(), false));
  }

  OptionSpec add(Option option) {
    options.put(option.name(), option);
    return this;
  }

  /**
   * An option Ansible has and tightbeam does not implement: a value other than {@code harmless}
   * (Ansible's default, or null for "not given") is refused, saying {@code why}, rather than
   * silently ignored.
   */
  OptionSpec refuse(String name, Type type, Object harmless, String why, String... aliases) {
    refused.put(name, new Refusal(harmless, why));
    return add(new Option(name, type, harmless, List.of(), List.of(aliases), false));
  }

  /** Checked arguments: every option present (null when unset and without default). */
  Map<String, Object> check(Map<String, Object> args) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Option o : options.values()) {
      names.put(o.name(), o.name());
      o.aliases().forEach(a -> names.put(a, o.name()));
    }
    List<String> unknown = new ArrayList<>();
    for (String key : args.keySet()) {
      if (!names.containsKey(key) && !key.startsWith("_ansible_")) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      throw unsupported(String.join(", ", new TreeSet<>(unknown)), false);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (Option o : options.values()) {
      Object value = args.get(o.name());
      for (String alias : o.aliases()) {
        if (value == null) {
          value = args.get(alias);
        }
      }
      if (value == null) {
        value = o.defaultValue();
      }
      if (value == null && o.required()) {
        missing.add(o.name());
        continue;
      }
      out.put(o.name(), value == null ? null : convert(o, value));
    }
    if (!missing.isEmpty()) {
      throw new ModuleArgumentException("missing required arguments: " + String.join(", ", missing));
    }
    List<String> refusedHere = new ArrayList<>();
    refused.forEach((name, r) -> {
      Object v = out.get(name);
      if (v != null && !v.equals(r.harmless())) {
        refusedHere.add(name + " (" + r.why() + ")");
      }
    });
    if (!refusedHere.isEmpty()) {
      throw unsupported(String.join(", ", refusedHere), true);
    }
    return out;
  }

  /** Ansible's message, listing what may be given (and, when asked, not the refused options). */
  private ModuleArgumentException unsupported(String what, boolean withoutRefused) {
    TreeSet<String> supported = new TreeSet<>();
    TreeSet<String> aliases = new TreeSet<>();
    for (Option o : options.values()) {
      Refusal r = refused.get(o.name());
      if (!withoutRefused || r == null || r.harmless() != null) {
        supported.add(o.name());
        aliases.addAll(o.aliases());
      }
    }
    return new ModuleArgumentException("Unsupported parameters for (" + module + ") module: " + what
        + ". Supported parameters include: " + String.join(", ", supported)
        + (aliases.isEmpty() ? "" : " (" + String.join(", ", aliases) + ")") + ".");
  }

  private Object convert(Option o, Object value) {
    Object v =
        switch (o.type()) {
          case STR -> value instanceof byte[] ? value : value instanceof Boolean b ? (b ? "True" : "False") : String.valueOf(value);
          case BOOL -> bool(o.name(), value);
          case INT -> integer(o.name(), value);
          case LIST -> list(value);
          case RAW -> value;
        };
    if (!o.choices().isEmpty() && !o.choices().contains(String.valueOf(v))) {
      throw new ModuleArgumentException("value of " + o.name() + " must be one of: "
          + String.join(", ", o.choices()) + ", got: " + v);
    }
    return v;
  }

  static boolean bool(String name, Object value) {
    if (value instanceof String s && s.isBlank()) {
      return false;
    }
    return ArgSpec.toBool(name, value);
  }

  private static Integer integer(String name, Object value) {
    return Math.toIntExact(ArgSpec.toInt(name, value));
  }

  private static List<String> list(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> l) {
      l.forEach(item -> out.add(String.valueOf(item)));
    } else {
      for (String part : String.valueOf(value).split(",")) {
        if (!part.isBlank()) {
          out.add(part.trim());
        }
      }
    }
    return out;
  }

  /**
   * A file mode as chmod accepts it: YAML's 0644 arrives as the int 420 and becomes "0644", a
   * string of octal digits is kept, a symbolic mode ("u+x,g-w") is passed on as is.
   */
  static String mode(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number n) {
      return String.format("%04o", n.intValue());
    }
    String s = String.valueOf(value).trim();
    if (s.matches("0?[0-7]{3,4}")) {
      return s.length() == 3 ? "0" + s : s.length() == 5 ? s.substring(1) : s;
    }
    if (s.matches("0o[0-7]{3,4}")) {
      return mode(s.substring(2));
    }
    if (s.matches("([ugoa]*[-+=]([rwxXst]*|[ugo]))+(,([ugoa]*[-+=]([rwxXst]*|[ugo]))+)*")) {
      return s;
    }
    throw new ModuleArgumentException("bad symbolic permission for mode: " + s);
  }
}
