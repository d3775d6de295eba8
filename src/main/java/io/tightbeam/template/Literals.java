package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.Tuple;
import io.tightbeam.template.Node.Expr;
import io.tightbeam.template.Token.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Python's {@code ast.literal_eval} for Ansible's concat (text that reads as a list, dict or bool
 * becomes one), and deep copies of template values into plain Java data.
 */
final class Literals {
  /** What {@link #eval} returns for text that is not a Python literal. */
  static final Object NOT_A_LITERAL = new Object();

  /** Python's constants, and JSON's: Ansible's concat reads {@code {"a": true}} as a dict too. */
  private static final Set<String> PY_NAMES = Set.of("True", "False", "None", "true", "false", "null");

  private Literals() {}

  static Object eval(String text) {
    return eval(text, PY_NAMES);
  }

  /**
   * Python's own {@code ast.literal_eval} of a whole text (native types): no JSON names, and
   * leading blanks are an indentation error there.
   */
  static Object evalPython(String text) {
    if (text.isEmpty() || text.charAt(0) == ' ' || text.charAt(0) == '\t') {
      return NOT_A_LITERAL;
    }
    return eval(text, PYTHON_CONSTANTS);
  }

  private static final Set<String> PYTHON_CONSTANTS = Set.of("True", "False", "None");

  private static Object eval(String text, Set<String> names) {
    try {
      List<Token> tokens = new Lexer("{{ " + text + " }}", false, false, false).tokens();
      for (Token t : tokens) {
        if (t.kind() == Kind.NAME && !names.contains(t.text()) || t.kind() == Kind.DATA) {
          return NOT_A_LITERAL;
        }
      }
      TokenStream ts = new TokenStream(tokens);
      ts.next();
      Expr e = new ExpressionParser(ts).tuple(false, true, Set.of(), false);
      if (ts.current().kind() != Kind.VAR_END || ts.look().kind() != Kind.EOF) {
        return NOT_A_LITERAL;
      }
      return value(e);
    } catch (RuntimeException e) {
      return NOT_A_LITERAL;
    }
  }

  private static Object value(Expr e) {
    if (e instanceof Node.Const c) {
      return c.value();
    } else if (e instanceof Node.Name n && n.name().equals("null")) {
      return null;
    } else if (e instanceof Node.ListLit l) {
      List<Object> out = new ArrayList<>();
      for (Expr item : l.items()) {
        out.add(value(item));
      }
      return out;
    } else if (e instanceof Node.TupleLit t) {
      List<Object> out = new ArrayList<>();
      for (Expr item : t.items()) {
        out.add(value(item));
      }
      return Tuple.copyOf(out);
    } else if (e instanceof Node.DictLit d) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (int i = 0; i < d.keys().size(); i++) {
        out.put(value(d.keys().get(i)), value(d.values().get(i)));
      }
      return out;
    } else if (e instanceof Node.Unary u && !u.op().equals("not") && u.operand() instanceof Node.Const c
        && Py.isNumeric(c.value()) && !(c.value() instanceof Boolean)) {
      return u.op().equals("-") ? Ops.negate(c.value()) : c.value();
    }
    throw new IllegalArgumentException("not a literal");
  }

  /** Whether str() of a value reads back as the same value through literal_eval. */
  static boolean isLiteral(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean || Py.isInt(v)) {
      return true;
    } else if (v instanceof Double d) {
      return !d.isNaN() && !d.isInfinite();
    } else if (v instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!isLiteral(e.getKey()) || !isLiteral(e.getValue())) {
          return false;
        }
      }
      return true;
    } else if (v instanceof List<?> l && !(v instanceof io.tightbeam.py.Range)) { // range(0, 2) is a call
      for (Object o : l) {
        if (!isLiteral(o)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** A deep copy into ArrayList/LinkedHashMap, Integer where an int fits; undefined fails. */
  static Object plain(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    } else if (value instanceof Undefined u) {
      throw u.error();
    } else if (value instanceof Number) {
      return Py.normalNumber(value);
    } else if (value instanceof Tuple t) {
      List<Object> out = new ArrayList<>(t.size());
      t.forEach(o -> out.add(plain(o)));
      return Tuple.copyOf(out);
    } else if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(plain(e.getKey()), plain(e.getValue()));
      }
      return out;
    } else if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object o : list) {
        out.add(plain(o));
      }
      return out;
    } else if (value instanceof CharSequence s) {
      return s.toString();
    }
    return value;
  }
}
