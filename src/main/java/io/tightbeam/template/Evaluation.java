package io.tightbeam.template;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The state of one top-level templating call: the raw variables and the template strings being
 * rendered right now (to detect cycles). Variables are templated when an expression reads them,
 * so a var holding {@code "{{ item }}"} sees the current {@code item}.
 */
final class Evaluation {
  private final Supplier<Engine> engine;
  private final Map<String, Object> vars;
  private final List<String> inProgress = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  /** {@code engine} is asked for only when a template is met (a run may never build one). */
  Evaluation(Supplier<Engine> engine, Map<String, Object> vars) {
    this.engine = engine;
    this.vars = vars == null ? Map.of() : vars;
  }

  Engine engine() {
    return engine.get();
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
      return data(literal.value());
    } else if (raw instanceof Integer i) {
      // Jinjava's literals are Longs and lists compare element by element with equals():
      // one integer type for every number read makes [1, 2] == [1, 2] hold as in Python.
      return i.longValue();
    } else if (raw instanceof String s) {
      return Templar.isTemplate(s) ? templateString(s) : s;
    } else if (raw instanceof Map<?, ?> map) {
      return new LazyMap(map);
    } else if (raw instanceof List<?> list) {
      return new LazyList(list);
    }
    return raw;
  }

  /** Data that is never templated, with its integers seen as Longs like every other number. */
  private Object data(Object value) {
    if (value instanceof Integer i) {
      return i.longValue();
    } else if (value instanceof List<?> list) {
      return new AbstractList<Object>() {
        @Override
        public Object get(int index) {
          return data(list.get(index));
        }

        @Override
        public int size() {
          return list.size();
        }
      };
    } else if (value instanceof Map<?, ?> map) {
      return new DataMap(map);
    }
    return value;
  }

  /** A read-only view of a data map whose values are seen through {@link #data}. */
  private final class DataMap extends AbstractMap<Object, Object> {
    private final Map<?, ?> raw;

    DataMap(Map<?, ?> raw) {
      this.raw = raw;
    }

    @Override
    public Object get(Object key) {
      return data(raw.get(key));
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
      Set<Entry<Object, Object>> out = new java.util.LinkedHashSet<>();
      raw.forEach((k, v) -> out.add(new java.util.AbstractMap.SimpleImmutableEntry<>(k, data(v))));
      return out;
    }
  }

  /** Templates one string: native value for a lone expression, a String otherwise. */
  Object templateString(String text) {
    if (inProgress.contains(text)) {
      throw new TemplateException("recursive loop detected in template string: " + text);
    }
    inProgress.add(text);
    try {
      String expression = Templar.loneExpression(text);
      if (expression == null) {
        return engine().render(text, this);
      }
      Object value = engine().evaluate(expression, text, this);
      // Ansible renders text: whitespace around a lone expression stays around a text value
      // ("{{ line }}\n" keeps its newline), unless "{{-"/"-}}" trims it
      return value instanceof String s ? Templar.surrounding(text, s) : value;
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
