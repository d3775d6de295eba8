package io.tightbeam.module;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A module's argument specification, checked the way Ansible's module argument parser does it:
 * unknown and missing arguments reported with Ansible's messages, defaults filled in, booleans,
 * integers and lists converted.
 */
final class ArgSpec {
  enum Kind {
    RAW,
    STR,
    BOOL,
    INT,
    LIST
  }

  record Param(String name, Kind kind, Object defaultValue, boolean required) {}

  private static final Set<String> TRUE_WORDS = Set.of("y", "yes", "on", "1", "true", "t");
  private static final Set<String> FALSE_WORDS = Set.of("n", "no", "off", "0", "false", "f");

  private final String module;
  private final Map<String, Param> params = new LinkedHashMap<>();
  private final Map<String, String> aliases = new LinkedHashMap<>();

  ArgSpec(String module) {
    this.module = module;
  }

  ArgSpec param(String name, Kind kind) {
    return add(new Param(name, kind, null, false));
  }

  ArgSpec param(String name, Kind kind, Object defaultValue) {
    return add(new Param(name, kind, defaultValue, false));
  }

  ArgSpec required(String name, Kind kind) {
    return add(new Param(name, kind, null, true));
  }

  /** An alternative name folded into {@code target}; not listed among the supported parameters. */
  ArgSpec alias(String alias, String target) {
    aliases.put(alias, target);
    return this;
  }

  private ArgSpec add(Param p) {
    params.put(p.name(), p);
    return this;
  }

  Map<String, Object> check(Map<String, Object> args) {
    Map<String, Object> out = new LinkedHashMap<>();
    Set<String> unknown = new TreeSet<>();
    for (Map.Entry<String, Object> e : args.entrySet()) {
      String key = aliases.getOrDefault(e.getKey(), e.getKey());
      if (!params.containsKey(key)) {
        unknown.add(e.getKey());
      } else if (e.getValue() != null) {
        out.put(key, e.getValue());
      }
    }
    if (!unknown.isEmpty()) {
      throw new ModuleArgumentException(
          "Unsupported parameters for ("
              + module
              + ") module: "
              + String.join(", ", unknown)
              + ". Supported parameters include: "
              + String.join(", ", new TreeSet<>(params.keySet()))
              + ".");
    }
    Set<String> missing = new TreeSet<>();
    for (Param p : params.values()) {
      if (p.required() && !out.containsKey(p.name())) {
        missing.add(p.name());
      }
    }
    if (!missing.isEmpty()) {
      throw new ModuleArgumentException("missing required arguments: " + String.join(", ", missing));
    }
    Map<String, Object> checked = new LinkedHashMap<>();
    for (Param p : params.values()) {
      Object value = out.containsKey(p.name()) ? out.get(p.name()) : p.defaultValue();
      if (value != null) {
        checked.put(p.name(), convert(p, value));
      }
    }
    return checked;
  }

  private static Object convert(Param p, Object value) {
    return switch (p.kind()) {
      case RAW -> value;
      case STR -> String.valueOf(value);
      case BOOL -> toBool(p.name(), value);
      case INT -> toInt(p.name(), value);
      case LIST -> toList(value);
    };
  }

  static boolean toBool(String name, Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    String word = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
    if (value instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
      return n.doubleValue() == 1;
    }
    if (TRUE_WORDS.contains(word)) {
      return true;
    }
    if (FALSE_WORDS.contains(word)) {
      return false;
    }
    throw new ModuleArgumentException(
        "argument '"
            + name
            + "' is of type "
            + pythonType(value)
            + " and we were unable to convert to bool: The value '"
            + value
            + "' is not a valid boolean.  Valid booleans include: 'no', 'off', 'n', '1', 'on',"
            + " 'false', 'true', 't', 'y', 'f', '0', 'yes'");
  }

  static long toInt(String name, Object value) {
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    try {
      return Long.parseLong(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      throw new ModuleArgumentException(
          "argument '"
              + name
              + "' is of type "
              + pythonType(value)
              + " and we were unable to convert to int: "
              + pythonType(value)
              + " cannot be converted to an int");
    }
  }

  private static List<Object> toList(Object value) {
    if (value instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    List<Object> list = new ArrayList<>();
    for (String part : String.valueOf(value).split(",", -1)) {
      if (!part.isEmpty()) {
        list.add(part.trim());
      }
    }
    return list;
  }

  private static String pythonType(Object value) {
    if (value instanceof String) {
      return "<class 'str'>";
    } else if (value instanceof Boolean) {
      return "<class 'bool'>";
    } else if (value instanceof Double || value instanceof Float) {
      return "<class 'float'>";
    } else if (value instanceof Number) {
      return "<class 'int'>";
    } else if (value instanceof Map) {
      return "<class 'dict'>";
    } else if (value instanceof Collection) {
      return "<class 'list'>";
    }
    return "<class '" + value.getClass().getSimpleName() + "'>";
  }
}
