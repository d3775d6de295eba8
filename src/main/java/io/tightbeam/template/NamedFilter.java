package io.tightbeam.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Map;

/**
 * A filter written as a lambda. Unless it accepts undefined input (as {@code default} does), an
 * {@link Undefined} value or argument fails with its message, as Jinja2's StrictUndefined does.
 */
final class NamedFilter implements Filter {
  /** The body of a filter: the piped value and the call's arguments. */
  @FunctionalInterface
  interface Body {
    Object apply(Object value, Args args);
  }

  private final String name;
  private final Body body;
  private final boolean acceptsUndefined;

  NamedFilter(String name, boolean acceptsUndefined, Body body) {
    this.name = name;
    this.body = body;
    this.acceptsUndefined = acceptsUndefined;
  }

  /** Wraps a built-in Jinjava filter so that it fails on undefined input. */
  static Filter guarded(Filter builtin) {
    return new NamedFilter(
        builtin.getName(),
        false,
        (value, args) ->
            builtin.filter(value, JinjavaInterpreter.getCurrent(), args.positional(), args.named()));
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
    return filter(var, interpreter, args, Map.of());
  }

  @Override
  public Object filter(
      Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
    if (!acceptsUndefined) {
      check(var);
      for (Object arg : args) {
        check(arg);
      }
      for (Object arg : kwargs.values()) {
        check(arg);
      }
    }
    return body.apply(var, new Args(args, kwargs));
  }

  private static void check(Object value) {
    if (value instanceof Undefined u) {
      throw u.error();
    }
  }
}
