package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small evaluator for the single-expression templates of the filter case tables ({@code {{
 * literal | filter(args) is test }}}), so the catalogue can be checked against ansible's recorded
 * answers before the real engine exists. Anything outside that subset is {@link Unsupported}.
 */
final class CaseExpression {
  /** The template uses syntax this evaluator leaves to the engine. */
  static final class Unsupported extends RuntimeException {
    Unsupported(String what) {
      super(what);
    }
  }

  private final List<String> tokens;
  private final Env env;
  private int at;

  private CaseExpression(List<String> tokens, Env env) {
    this.tokens = tokens;
    this.env = env;
  }

  static Object evaluate(String template, Env env) {
    String t = template.strip();
    if (!t.startsWith("{{") || !t.endsWith("}}") || t.indexOf("{{", 2) >= 0) {
      throw new Unsupported("not a single expression");
    }
    CaseExpression p = new CaseExpression(tokenize(t.substring(2, t.length() - 2)), env);
    Object v = p.compare();
    if (p.at != p.tokens.size()) {
      throw new Unsupported("trailing " + p.tokens.get(p.at));
    }
    return v;
  }

  /** Python literal syntax only (for reading back Ansible's literal_eval of a result). */
  static Object literal(String text) {
    CaseExpression p = new CaseExpression(tokenize(text), null);
    Object v = p.primary();
    if (p.at != p.tokens.size()) {
      throw new Unsupported("not a literal");
    }
    return v;
  }

  private static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'' || c == '"') {
        StringBuilder lit = new StringBuilder("\"");
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != c) {
          char d = s.charAt(j);
          if (d == '\\' && j + 1 < s.length()) {
            char n = s.charAt(++j);
            lit.append(switch (n) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              case '\\', '\'', '"' -> n;
              default -> {
                lit.append('\\');
                yield n;
              }
            });
          } else {
            lit.append(d);
          }
          j++;
        }
        out.add(lit.toString());
        i = j + 1;
      } else if (Character.isDigit(c)) {
        int j = i;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_'
            || (s.charAt(j) == '.' && j + 1 < s.length() && Character.isDigit(s.charAt(j + 1))))) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      } else {
        String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
        if (List.of("==", "!=", ">=", "<=", "**", "//").contains(two)) {
          out.add(two);
          i += 2;
        } else {
          out.add(String.valueOf(c));
          i++;
        }
      }
    }
    return out;
  }

  private String peek() {
    return at < tokens.size() ? tokens.get(at) : "";
  }

  private String next() {
    if (at >= tokens.size()) {
      throw new Unsupported("unexpected end");
    }
    return tokens.get(at++);
  }

  private void expect(String t) {
    if (!next().equals(t)) {
      throw new Unsupported("expected " + t);
    }
  }

  private Object compare() {
    Object left = concat();
    while (true) {
      String op = peek();
      if (op.equals("in")) {
        next();
        Object right = concat();
        left = contains(right, left);
      } else if (op.equals("==") || op.equals("!=")) {
        next();
        boolean eq = Py.eq(left, concat());
        left = op.equals("==") == eq;
      } else {
        return left;
      }
    }
  }

  private static boolean contains(Object container, Object item) {
    if (container instanceof String s) {
      return s.contains(Py.str(item));
    } else if (container instanceof Map<?, ?> m) {
      return Py.hasKey(m, item);
    }
    for (Object o : Items.list(container)) {
      if (Py.eq(o, item)) {
        return true;
      }
    }
    return false;
  }

  private Object concat() {
    Object left = mul();
    while (peek().equals("~")) {
      next();
      left = Items.str(left) + Items.str(mul());
    }
    return left;
  }

  private Object mul() {
    Object left = pow();
    while (peek().equals("*")) {
      next();
      Object right = pow();
      if (left instanceof String s && Py.isInt(right)) {
        left = s.repeat(((Number) right).intValue());
      } else if (Py.isInt(left) && Py.isInt(right)) {
        left = Py.normalInt(Py.toBigInteger(left).multiply(Py.toBigInteger(right)));
      } else {
        throw new Unsupported("*");
      }
    }
    return left;
  }

  private Object pow() {
    Object left = unary();
    while (peek().equals("**")) {
      next();
      Object right = unary();
      if (Py.isInt(left) && Py.isInt(right)) {
        left = Py.normalInt(Py.toBigInteger(left).pow(((Number) right).intValue()));
      } else {
        throw new io.tightbeam.py.PyException("unsupported operand type(s) for ** or pow(): '"
            + Py.typeName(left) + "' and '" + Py.typeName(right) + "'");
      }
    }
    return left;
  }

  private Object unary() {
    Object v;
    if (peek().equals("-")) {
      next();
      Object n = postfix(primary());
      v = Py.isFloat(n) ? (Object) (-((Number) n).doubleValue())
          : Py.normalInt(Py.toBigInteger(n).negate());
    } else {
      v = postfix(primary());
    }
    while (true) {
      if (peek().equals("|")) {
        next();
        String name = dotted();
        Args args = peek().equals("(") ? arguments() : new Args(new Object[0], Map.of());
        v = applyFilter(name, v, args);
      } else if (peek().equals("is")) {
        next();
        boolean negate = false;
        if (peek().equals("not")) {
          next();
          negate = true;
        }
        String name = dotted();
        Args args = peek().equals("(") ? arguments() : new Args(new Object[0], Map.of());
        v = env.test(name, v, args) != negate;
      } else {
        return v;
      }
    }
  }

  private Object applyFilter(String name, Object v, Args args) {
    return env.filter(name, v, args);
  }

  private String dotted() {
    StringBuilder name = new StringBuilder(next());
    while (peek().equals(".")) {
      next();
      name.append('.').append(next());
    }
    return name.toString();
  }

  private Args arguments() {
    expect("(");
    List<Object> positional = new ArrayList<>();
    Map<String, Object> named = new LinkedHashMap<>();
    while (!peek().equals(")")) {
      if (at + 1 < tokens.size() && tokens.get(at + 1).equals("=")
          && Character.isLetter(peek().charAt(0))) {
        String key = next();
        next();
        named.put(key, compare());
      } else {
        positional.add(compare());
      }
      if (peek().equals(",")) {
        next();
      }
    }
    expect(")");
    return new Args(positional.toArray(), named);
  }

  private Object postfix(Object v) {
    Object cur = v;
    while (true) {
      if (peek().equals(".")) {
        next();
        String name = next();
        if (peek().equals("(")) {
          throw new Unsupported("method call");
        }
        cur = Items.item(cur, name.matches("\\d+") ? (Object) Integer.valueOf(name) : name);
      } else if (peek().equals("[")) {
        next();
        Object key = compare();
        expect("]");
        cur = Items.item(cur, key);
      } else {
        return cur;
      }
    }
  }

  private Object primary() {
    String t = next();
    if (t.startsWith("\"")) {
      return t.substring(1);
    } else if (Character.isDigit(t.charAt(0))) {
      String n = t.replace("_", "");
      if (n.contains(".") || n.contains("e")) {
        return Double.parseDouble(n);
      }
      return Py.normalInt(new java.math.BigInteger(n));
    } else if (t.equals("(")) {
      if (peek().equals(")")) {
        next();
        return Tuple.of();
      }
      Object first = env == null ? signedPrimary() : compare();
      if (peek().equals(",")) {
        List<Object> items = new ArrayList<>();
        items.add(first);
        while (peek().equals(",")) {
          next();
          if (peek().equals(")")) {
            break;
          }
          items.add(env == null ? signedPrimary() : compare());
        }
        expect(")");
        return Tuple.copyOf(items);
      }
      expect(")");
      return first;
    } else if (t.equals("[")) {
      List<Object> items = new ArrayList<>();
      while (!peek().equals("]")) {
        items.add(env == null ? signedPrimary() : compare());
        if (peek().equals(",")) {
          next();
        }
      }
      expect("]");
      return items;
    } else if (t.equals("{")) {
      Map<Object, Object> map = new LinkedHashMap<>();
      while (!peek().equals("}")) {
        Object k = env == null ? signedPrimary() : compare();
        expect(":");
        map.put(k, env == null ? signedPrimary() : compare());
        if (peek().equals(",")) {
          next();
        }
      }
      expect("}");
      return map;
    } else if (t.equals("-") && env == null) {
      Object n = primary();
      return Py.isFloat(n) ? (Object) (-((Number) n).doubleValue())
          : Py.normalInt(Py.toBigInteger(n).negate());
    }
    switch (t) {
      case "true", "True":
        return true;
      case "false", "False":
        return false;
      case "none", "None":
        return null;
      default:
        break;
    }
    if (env == null || !Character.isLetter(t.charAt(0)) && t.charAt(0) != '_') {
      throw new Unsupported("token " + t);
    }
    if (peek().equals("(")) {
      if (t.equals("range")) {
        Args a = arguments();
        List<Object> out = new ArrayList<>();
        int n = Items.integer(a.positional()[0]);
        for (int i = 0; i < n; i++) {
          out.add(i);
        }
        return out;
      }
      throw new Unsupported("call " + t);
    }
    return env.variable(t);
  }

  private Object signedPrimary() {
    if (peek().equals("-")) {
      next();
      Object n = primary();
      return Py.isFloat(n) ? (Object) (-((Number) n).doubleValue())
          : Py.normalInt(Py.toBigInteger(n).negate());
    }
    return primary();
  }
}
