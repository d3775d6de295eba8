package io.tightbeam.template;

import io.tightbeam.py.Py;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An {@link Env} for filter tests: filters from the built-in catalogue (failing on undefined input
 * as the engine will), a handful of Jinja2 tests, fixed variables, recorded warnings.
 */
final class FakeEnv implements Env {
  private final Map<String, Object> vars;
  final List<String> warnings = new ArrayList<>();

  FakeEnv(Map<String, Object> vars) {
    this.vars = new HashMap<>(vars);
  }

  FakeEnv() {
    this(Map.of());
  }

  @Override
  public Object filter(String name, Object value, Args args) {
    Catalogue.Filter f = Catalogue.builtin().filter(name);
    if (f == null) {
      throw new TemplateException("Could not load \"" + name + "\": '" + name + "'");
    }
    if (!f.acceptsUndefined()) {
      Items.failIfUndefined(value);
      for (Object a : args.positional()) {
        Items.failIfUndefined(a);
      }
      args.named().values().forEach(Items::failIfUndefined);
    }
    return f.body().apply(value, args, this);
  }

  @Override
  public boolean test(String name, Object value, Args args) {
    Object other = args.size() > 0 ? args.positional()[0] : null;
    if (name.equals("defined") || name.equals("undefined")) {
      return (value instanceof Undefined) == name.equals("undefined");
    }
    Items.failIfUndefined(value);
    Items.failIfUndefined(other);
    return switch (name) {
      case "odd" -> Items.integer(value) % 2 != 0;
      case "even" -> Items.integer(value) % 2 == 0;
      case "equalto", "==", "eq" -> Py.eq(value, other);
      case "ne", "!=" -> !Py.eq(value, other);
      case "gt", ">", "greaterthan" -> Py.compare(value, other) > 0;
      case "ge", ">=" -> Py.compare(value, other) >= 0;
      case "lt", "<", "lessthan" -> Py.compare(value, other) < 0;
      case "le", "<=" -> Py.compare(value, other) <= 0;
      case "in" -> Items.list(other).stream().anyMatch(x -> Py.eq(x, value))
          || (other instanceof String s && s.contains(Py.str(value)));
      case "match" -> Pattern.compile(Py.str(other)).matcher(Py.str(value)).lookingAt();
      case "search" -> Pattern.compile(Py.str(other)).matcher(Py.str(value)).find();
      case "string" -> value instanceof String;
      case "number" -> Py.isNumeric(value) && !(value instanceof Boolean);
      case "none" -> value == null;
      default -> throw new TemplateException("No test named '" + name + "' found.");
    };
  }

  @Override
  public Object variable(String name) {
    return vars.containsKey(name) ? vars.get(name) : Undefined.variable(name);
  }

  @Override
  public Set<String> variableNames() {
    return vars.keySet();
  }

  @Override
  public String render(String text, Map<String, Object> extraVars) {
    return text;
  }

  @Override
  public void warn(String message) {
    warnings.add(message);
  }

  @Override
  public List<Path> searchPath(String subdir) {
    return List.of();
  }
}
