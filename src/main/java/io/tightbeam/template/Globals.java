package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The functions every template can call: range, dict, namespace, lookup/query, now, undef. */
final class Globals {
  private static final int MAX_RANGE = 100_000;

  private Globals() {}

  static PyCallable get(String name, Evaluation run) {
    return switch (name) {
      case "range" -> Globals::range;
      case "dict" -> (args, kw) -> {
        Map<Object, Object> out = new LinkedHashMap<>();
        if (!args.isEmpty()) {
          Object first = args.get(0);
          if (first instanceof Map<?, ?> m) {
            out.putAll(m);
          } else {
            for (Object pair : Ops.iterate(first)) {
              List<Object> kv = Ops.iterate(pair);
              out.put(kv.get(0), kv.get(1));
            }
          }
        }
        out.putAll(kw);
        return out;
      };
      case "namespace" -> (args, kw) -> {
        Namespace ns = new Namespace();
        if (!args.isEmpty() && args.get(0) instanceof Map<?, ?> m) {
          m.forEach((k, v) -> ns.attributes.put(Py.str(k), v));
        }
        ns.attributes.putAll(kw);
        return ns;
      };
      case "cycler" -> (args, kw) -> new Cycler(args);
      case "joiner" -> (args, kw) -> {
        String sep = args.isEmpty() ? Py.str(kw.getOrDefault("sep", ", ")) : Py.str(args.get(0));
        boolean[] used = {false};
        return (PyCallable) (a, k) -> {
          if (!used[0]) {
            used[0] = true;
            return "";
          }
          return sep;
        };
      };
      case "lookup" -> (args, kw) -> LookupCall.lookup(run, args, kw, false);
      case "query", "q" -> (args, kw) -> LookupCall.lookup(run, args, kw, true);
      case "now" -> (args, kw) -> {
        boolean utc = Py.truthy(kw.getOrDefault("utc", args.isEmpty() ? false : args.get(0)));
        Object fmt = kw.getOrDefault("fmt", args.size() > 1 ? args.get(1) : null);
        LocalDateTime now = utc ? LocalDateTime.now(ZoneOffset.UTC) : LocalDateTime.now();
        DateTime dt = new DateTime(now);
        return fmt == null ? dt : dt.strftime(Py.str(fmt));
      };
      case "undef" -> (args, kw) -> Undefined.hint(args.isEmpty()
          ? Py.str(kw.getOrDefault("hint", "Mandatory variable has not been overridden"))
          : Py.str(args.get(0)));
      case "lipsum" -> (args, kw) -> "Lorem ipsum dolor sit amet, consectetur adipiscing elit.";
      default -> null;
    };
  }

  private static Object range(List<Object> args, Map<String, Object> kw) {
    long start = 0;
    long stop;
    long step = 1;
    if (args.isEmpty()) {
      throw new PyException("range expected at least 1 argument, got 0");
    }
    for (Object a : args) {
      if (!Py.isInt(a) && !(a instanceof Boolean)) {
        throw new PyException("'" + Py.typeName(a) + "' object cannot be interpreted as an integer");
      }
    }
    if (args.size() == 1) {
      stop = Py.toBigInteger(args.get(0)).longValue();
    } else {
      start = Py.toBigInteger(args.get(0)).longValue();
      stop = Py.toBigInteger(args.get(1)).longValue();
      if (args.size() > 2) {
        step = Py.toBigInteger(args.get(2)).longValue();
      }
    }
    if (step == 0) {
      throw new PyException("range() arg 3 must not be zero");
    }
    io.tightbeam.py.Range out = new io.tightbeam.py.Range(start, stop, step);
    if (out.size() > MAX_RANGE) {
      throw new PyException("Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).");
    }
    return out;
  }

  /** Jinja2's {@code cycler(...)}: next(), current, reset(). */
  private static final class Cycler implements Access.Attributes {
    private final List<Object> items;
    private int pos;

    Cycler(List<Object> items) {
      this.items = items;
    }

    @Override
    public Object attribute(String name) {
      return switch (name) {
        case "current" -> items.get(pos);
        case "next" -> (PyCallable) (a, k) -> {
          Object v = items.get(pos);
          pos = (pos + 1) % items.size();
          return v;
        };
        case "reset" -> (PyCallable) (a, k) -> {
          pos = 0;
          return null;
        };
        default -> null;
      };
    }
  }
}
