package io.tightbeam.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lookup functions {@code lookup}, {@code query} and {@code q} with the {@code env},
 * {@code file} and {@code pipe} plugins. They run on the controller.
 */
final class Lookups {
  private Lookups() {}

  static void register(Jinjava jinjava) {
    try {
      Method lookup = Lookups.class.getDeclaredMethod("lookup", String.class, Object[].class);
      Method query = Lookups.class.getDeclaredMethod("query", String.class, Object[].class);
      // The class is package-private, so JUEL may only call its methods once they are opened up.
      lookup.setAccessible(true);
      query.setAccessible(true);
      jinjava.registerFunction(new ELFunctionDefinition("", "lookup", lookup));
      jinjava.registerFunction(new ELFunctionDefinition("", "query", query));
      jinjava.registerFunction(new ELFunctionDefinition("", "q", query));
      Method dict = Lookups.class.getDeclaredMethod("dict", Object[].class);
      dict.setAccessible(true);
      jinjava.registerFunction(new ELFunctionDefinition("", "dict", dict));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code lookup(name, terms...)}: a comma-joined string unless {@code wantlist=True}. */
  public static Object lookup(String name, Object... args) {
    Map<String, Object> named = new LinkedHashMap<>();
    List<Object> values = run(name, args, named);
    if (Filters.toBool(named.getOrDefault("wantlist", false))) {
      return values;
    }
    if (values.size() == 1) {
      return values.get(0);
    }
    List<String> parts = new ArrayList<>();
    values.forEach(v -> parts.add(Pyish.str(v)));
    return String.join(",", parts);
  }

  /** {@code query(name, terms...)}: always a list. */
  public static Object query(String name, Object... args) {
    return run(name, args, new LinkedHashMap<>());
  }

  /** Jinja2's {@code dict(a=1, b=2)}. */
  public static Object dict(Object... args) {
    Map<Object, Object> out = new LinkedHashMap<>();
    for (Object arg : args == null ? new Object[0] : args) {
      if (arg instanceof NamedParameter p) {
        out.put(p.getName(), p.getValue());
      } else if (arg instanceof Map<?, ?> m) {
        out.putAll(m);
      }
    }
    return out;
  }

  private static List<Object> run(String name, Object[] args, Map<String, Object> named) {
    List<String> terms = new ArrayList<>();
    for (Object arg : args == null ? new Object[0] : args) {
      if (arg instanceof NamedParameter p) {
        named.put(p.getName(), p.getValue());
      } else if (arg instanceof Undefined u) {
        throw u.error();
      } else if (arg instanceof List<?> l) {
        l.forEach(x -> terms.add(Pyish.str(x)));
      } else {
        terms.add(Pyish.str(arg));
      }
    }
    List<Object> out = new ArrayList<>();
    for (String term : terms) {
      out.add(switch (name) {
        case "env" -> {
          String value = System.getenv(term);
          yield value == null ? named.getOrDefault("default", "") : value;
        }
        case "file" -> file(term);
        case "pipe" -> pipe(term);
        default -> throw new TemplateException("lookup plugin (" + name + ") not found");
      });
    }
    return out;
  }

  private static String file(String term) {
    Evaluation ev = AnsibleInterpreter.currentEvaluation();
    List<Path> candidates = new ArrayList<>();
    Path asGiven = Path.of(term);
    if (asGiven.isAbsolute()) {
      candidates.add(asGiven);
    } else {
      for (String base : new String[] {"role_path", "playbook_dir"}) {
        Object dir = ev.rawVariable(base);
        if (dir != null) {
          candidates.add(Path.of(Pyish.str(dir), "files", term));
          candidates.add(Path.of(Pyish.str(dir), term));
        }
      }
      candidates.add(asGiven.toAbsolutePath());
    }
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        try {
          return Files.readString(p, StandardCharsets.UTF_8).stripTrailing();
        } catch (IOException e) {
          throw new TemplateException("could not read file in lookup: " + p + ": " + e.getMessage(), e);
        }
      }
    }
    throw new TemplateException("could not locate file in lookup: " + term);
  }

  private static String pipe(String command) {
    try {
      Process p = new ProcessBuilder("/bin/sh", "-c", command)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int rc = p.waitFor();
      if (rc != 0) {
        throw new TemplateException("lookup_plugin.pipe(" + command + ") returned " + rc);
      }
      return out.stripTrailing();
    } catch (IOException e) {
      throw new TemplateException("lookup_plugin.pipe(" + command + ") failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TemplateException("lookup_plugin.pipe(" + command + ") was interrupted", e);
    }
  }
}
