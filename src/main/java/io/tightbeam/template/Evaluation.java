package io.tightbeam.template;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one top-level templating call: the raw variables and the template strings being
 * rendered right now (to detect cycles). Variables are templated when an expression reads them,
 * so a var holding {@code "{{ item }}"} sees the current {@code item}.
 */
final class Evaluation {
  private final Engine engine;
  private final Map<String, Object> vars;
  private final List<String> inProgress = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  Evaluation(Engine engine, Map<String, Object> vars) {
    this.engine = engine;
    this.vars = vars == null ? Map.of() : vars;
  }

  Engine engine() {
    return engine;
  }

  void warn(String message) {
    warnings.add(message);
  }

  List<String> warnings() {
    return warnings;
  }

  /** Looks a name up for Jinjava: a var (templated now), a Python literal, or an Undefined. */
  Object variable(String name) {
    if (vars.containsKey(name)) {
      return lazy(vars.get(name));
    }
    return switch (name) {
      case "None", "none" -> null;
      case "True", "true" -> Boolean.TRUE;
      case "False", "false" -> Boolean.FALSE;
      case "omit" -> Templar.OMIT;
      default -> Undefined.variable(name);
    };
  }

  /** The raw value of a var, templated and unwrapped, or null when absent. */
  Object rawVariable(String name) {
    return vars.containsKey(name) ? Pyish.plain(lazy(vars.get(name))) : null;
  }

  /** A raw value as Jinjava should see it: strings templated now, collections as lazy views. */
  Object lazy(Object raw) {
    if (raw instanceof Literal literal) {
      return literal.value();
    } else if (raw instanceof String s) {
      return Templar.isTemplate(s) ? templateString(s) : s;
    } else if (raw instanceof Map<?, ?> map) {
      return new LazyMap(map);
    } else if (raw instanceof List<?> list) {
      return new LazyList(list);
    }
    return raw;
  }

  /** Templates one string: native value for a lone expression, a String otherwise. */
  Object templateString(String text) {
    if (inProgress.contains(text)) {
      throw new TemplateException("recursive loop detected in template string: " + text);
    }
    inProgress.add(text);
    try {
      String expression = Templar.loneExpression(text);
      return expression != null ? engine.evaluate(expression, text, this) : engine.render(text, this);
    } finally {
      inProgress.remove(inProgress.size() - 1);
    }
  }

  /** A map whose values are templated when read; keys are left as they are. */
  private final class LazyMap extends AbstractMap<Object, Object> {
    private final Map<?, ?> raw;

    LazyMap(Map<?, ?> raw) {
      this.raw = raw;
    }

    @Override
    public Object get(Object key) {
      return lazy(raw.get(key));
    }

    @Override
    public boolean containsKey(Object key) {
      return raw.containsKey(key);
    }

    @Override
    public int size() {
      return raw.size();
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<Object, Object>> iterator() {
          Iterator<? extends Entry<?, ?>> it = raw.entrySet().iterator();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return it.hasNext();
            }

            @Override
            public Entry<Object, Object> next() {
              Entry<?, ?> e = it.next();
              return new SimpleImmutableEntry<>(e.getKey(), lazy(e.getValue()));
            }
          };
        }

        @Override
        public int size() {
          return raw.size();
        }
      };
    }
  }

  /** A list whose elements are templated when read. */
  private final class LazyList extends AbstractList<Object> {
    private final List<?> raw;

    LazyList(List<?> raw) {
      this.raw = raw;
    }

    @Override
    public Object get(int index) {
      return lazy(raw.get(index));
    }

    @Override
    public int size() {
      return raw.size();
    }
  }
}
