package io.tightbeam.template;

import io.tightbeam.py.Py;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Env for calling tests and lookups directly: variables from a map, one search path (its
 * {@code subdir} and then itself), warnings recorded, {@code {{ name }}} rendering, and filters
 * recorded as calls.
 */
final class LookupEnv implements Env {
  final Map<String, Object> vars = new LinkedHashMap<>();
  final List<String> warnings = new ArrayList<>();
  final List<String> filterCalls = new ArrayList<>();
  Path base = Path.of("").toAbsolutePath();
  /** A role's directory, searched before {@link #base} when set. */
  Path role;

  LookupEnv with(String name, Object value) {
    vars.put(name, value);
    return this;
  }

  @Override
  public Object filter(String name, Object value, Args args) {
    String call = name + "(" + Py.repr(value) + ", " + Py.repr(List.of(args.positional())) + ", "
        + Py.repr(args.named()) + ")";
    filterCalls.add(call);
    return call;
  }

  @Override
  public boolean test(String name, Object value, Args args) {
    return Py.truthy(Catalogue.builtin().test(name).body().apply(value, args, this));
  }

  @Override
  public Object variable(String name) {
    return vars.containsKey(name) ? vars.get(name) : Undefined.variable(name);
  }

  @Override
  public Set<String> variableNames() {
    return vars.keySet();
  }

  private static final Pattern VAR = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");

  @Override
  public String render(String text, Map<String, Object> extraVars) {
    Matcher m = VAR.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      Object v = extraVars.containsKey(name) ? extraVars.get(name) : variable(name);
      if (v instanceof Undefined u) {
        throw u.error();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(Py.str(v)));
    }
    m.appendTail(out);
    return out.toString();
  }

  @Override
  public void warn(String message) {
    warnings.add(message);
  }

  @Override
  public List<Path> searchPath(String subdir) {
    List<Path> out = new ArrayList<>();
    for (Path p : role == null ? List.of(base) : List.of(role, base)) {
      if (!subdir.isEmpty()) {
        out.add(p.resolve(subdir));
      }
      out.add(p);
    }
    return out;
  }
}
