package io.tightbeam.template;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.objects.collections.PyList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Jinja test written as a lambda; undefined input fails unless the test accepts it. */
final class NamedTest implements ExpTest {
  /** The body of a test: the tested value and the call's arguments. */
  @FunctionalInterface
  interface Body {
    boolean test(Object value, Args args);
  }

  private final String name;
  private final boolean acceptsUndefined;
  private final Body body;

  NamedTest(String name, boolean acceptsUndefined, Body body) {
    this.name = name;
    this.acceptsUndefined = acceptsUndefined;
    this.body = body;
  }

  static ExpTest guarded(ExpTest builtin) {
    return new NamedTest(
        builtin.getName(),
        false,
        (v, a) -> builtin.evaluate(v, JinjavaInterpreter.getCurrent(), a.positional()));
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
    if (!acceptsUndefined && var instanceof Undefined u) {
      throw u.error();
    }
    List<Object> positional = new ArrayList<>();
    Map<String, Object> named = new LinkedHashMap<>();
    Object[] given = args == null ? new Object[0] : args;
    // Jinjava passes "is t(a, b)" as one tuple argument, a bare PyList (a list literal argument
    // arrives as a SizeLimitingPyList). Keyword names are dropped by Jinjava's parser.
    if (given.length == 1 && given[0] != null && given[0].getClass() == PyList.class) {
      given = ((PyList) given[0]).toArray();
    }
    for (Object arg : given) {
      if (arg instanceof NamedParameter p) {
        named.put(p.getName(), p.getValue());
      } else if (arg instanceof Undefined u) {
        throw u.error();
      } else {
        positional.add(arg);
      }
    }
    return body.test(var, new Args(positional.toArray(), named));
  }
}
