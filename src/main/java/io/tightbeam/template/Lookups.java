package io.tightbeam.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lookup functions {@code lookup}, {@code query} and {@code q} with the {@code env},
 * {@code file} and {@code pipe} plugins. They run on the controller.
 */
final class Lookups {
  private Lookups() {}

  static void register(Catalogue c) {
    c.lookup("env", (terms, options, env) -> each(terms, term -> {
      String value = System.getenv(term);
      return value == null ? options.getOrDefault("default", "") : value;
    }));
    c.lookup("file", (terms, options, env) -> each(terms, term -> file(term, env)));
    c.lookup("pipe", (terms, options, env) -> each(terms, Lookups::pipe));
  }

  private static List<Object> each(List<Object> terms, java.util.function.Function<String, Object> body) {
    List<Object> out = new ArrayList<>();
    for (Object term : terms) {
      if (term instanceof List<?> l) {
        l.forEach(x -> out.add(body.apply(io.tightbeam.py.Py.str(x))));
      } else {
        out.add(body.apply(io.tightbeam.py.Py.str(term)));
      }
    }
    return out;
  }

  private static String file(String term, Env env) {
    List<Path> candidates = new ArrayList<>();
    Path asGiven = Path.of(term);
    if (asGiven.isAbsolute()) {
      candidates.add(asGiven);
    } else {
      for (Path dir : env.searchPath("files")) {
        candidates.add(dir.resolve(term));
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
