package io.tightbeam.inventory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Types an INI inventory value as Ansible does with Python's {@code ast.literal_eval}: numbers,
 * quoted strings, {@code True}/{@code False}/{@code None}, lists, tuples, sets and dicts; anything
 * else stays the string it was. Tuples and sets become lists.
 */
final class PythonLiteral {
  private final String text;
  private int pos;

  private PythonLiteral(String text) {
    this.text = text;
  }

  /** The typed value of {@code raw}, or {@code raw} itself when it is no Python literal. */
  static Object eval(String raw) {
    PythonLiteral parser = new PythonLiteral(raw);
    try {
      parser.skipSpace();
      Object value = parser.expression();
      parser.skipSpace();
      if (parser.pos != raw.length()) {
        return raw;
      }
      return value;
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return raw;
    }
  }

  private Object expression() {
    Object first = value();
    skipSpace();
    // A bare "1, 2" is a tuple for literal_eval.
    if (pos < text.length() && text.charAt(pos) == ',') {
      List<Object> tuple = new ArrayList<>();
      tuple.add(first);
      while (pos < text.length() && text.charAt(pos) == ',') {
        pos++;
        skipSpace();
        if (pos >= text.length()) {
          break;
        }
        tuple.add(value());
        skipSpace();
      }
      return tuple;
    }
    return first;
  }

  private Object value() {
    skipSpace();
    char c = text.charAt(pos);
    if (c == '[') {
      pos++;
      return sequence(']');
    }
    if (c == '(') {
      pos++;
      skipSpace();
      if (text.charAt(pos) == ')') {
        pos++;
        return new ArrayList<>();
      }
      Object inner = value();
      skipSpace();
      if (text.charAt(pos) == ')') {
        pos++;
        return inner;
      }
      expect(',');
      List<Object> rest = sequence(')');
      rest.add(0, inner);
      return rest;
    }
    if (c == '{') {
      pos++;
      return mapping();
    }
    if (c == '\'' || c == '"') {
      return string();
    }
    if (c == '-' || c == '+' || Character.isDigit(c) || c == '.') {
      return number();
    }
    String word = word();
    switch (word) {
      case "True":
        return Boolean.TRUE;
      case "False":
        return Boolean.FALSE;
      case "None":
        return null;
      default:
        throw new IllegalArgumentException("not a literal");
    }
  }

  private List<Object> sequence(char close) {
    List<Object> items = new ArrayList<>();
    skipSpace();
    while (text.charAt(pos) != close) {
      items.add(value());
      skipSpace();
      if (text.charAt(pos) == ',') {
        pos++;
        skipSpace();
      } else if (text.charAt(pos) != close) {
        throw new IllegalArgumentException("expected " + close);
      }
    }
    pos++;
    return items;
  }

  private Object mapping() {
    skipSpace();
    if (text.charAt(pos) == '}') {
      pos++;
      return new LinkedHashMap<>();
    }
    Object firstKey = value();
    skipSpace();
    if (text.charAt(pos) != ':') {
      // A set literal: {1, 2}
      List<Object> set = new ArrayList<>();
      set.add(firstKey);
      if (text.charAt(pos) == ',') {
        pos++;
        set.addAll(sequence('}'));
      } else {
        expect('}');
      }
      return set;
    }
    Map<Object, Object> map = new LinkedHashMap<>();
    Object key = firstKey;
    while (true) {
      skipSpace();
      expect(':');
      Object val = value();
      map.put(key, val);
      skipSpace();
      if (text.charAt(pos) == ',') {
        pos++;
        skipSpace();
      }
      if (text.charAt(pos) == '}') {
        pos++;
        return map;
      }
      key = value();
    }
  }

  private String string() {
    StringBuilder out = new StringBuilder();
    // Adjacent literals concatenate in Python: 'a' 'b' == 'ab'.
    do {
      char quote = text.charAt(pos);
      boolean triple = text.startsWith(String.valueOf(quote).repeat(3), pos);
      pos += triple ? 3 : 1;
      while (true) {
        char c = text.charAt(pos);
        if (c == quote
            && (!triple || text.startsWith(String.valueOf(quote).repeat(3), pos))) {
          pos += triple ? 3 : 1;
          break;
        }
        if (c == '\n' && !triple) {
          throw new IllegalArgumentException("newline in string");
        }
        if (c == '\\') {
          pos++;
          out.append(escape(text.charAt(pos)));
        } else {
          out.append(c);
        }
        pos++;
      }
      skipSpace();
    } while (pos < text.length() && (text.charAt(pos) == '\'' || text.charAt(pos) == '"'));
    return out.toString();
  }

  private static String escape(char c) {
    switch (c) {
      case 'n':
        return "\n";
      case 't':
        return "\t";
      case 'r':
        return "\r";
      case '0':
        return "\0";
      case '\\':
      case '\'':
      case '"':
        return String.valueOf(c);
      default:
        // Python keeps unknown escapes as written.
        return "\\" + c;
    }
  }

  private Object number() {
    int start = pos;
    boolean negative = false;
    if (text.charAt(pos) == '-' || text.charAt(pos) == '+') {
      negative = text.charAt(pos) == '-';
      pos++;
      skipSpace();
    }
    int digitsStart = pos;
    while (pos < text.length() && isNumberChar(text.charAt(pos), text, pos)) {
      pos++;
    }
    String digits = text.substring(digitsStart, pos);
    if (digits.isEmpty() || digits.startsWith("_") || digits.endsWith("_") || digits.contains("__")) {
      throw new IllegalArgumentException("not a number at " + start);
    }
    String clean = digits.replace("_", "");
    String lower = clean.toLowerCase();
    Object magnitude;
    if (lower.startsWith("0x")) {
      magnitude = new BigInteger(clean.substring(2), 16);
    } else if (lower.startsWith("0o")) {
      magnitude = new BigInteger(clean.substring(2), 8);
    } else if (lower.startsWith("0b")) {
      magnitude = new BigInteger(clean.substring(2), 2);
    } else if (lower.matches("[0-9]+")) {
      if (lower.length() > 1 && lower.startsWith("0") && !lower.matches("0+")) {
        throw new IllegalArgumentException("leading zeros in decimal integer");
      }
      magnitude = new BigInteger(clean);
    } else if (lower.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[+-]?[0-9]+)?")) {
      double d = Double.parseDouble(clean);
      return negative ? -d : d;
    } else {
      throw new IllegalArgumentException("not a number");
    }
    BigInteger big = negative ? ((BigInteger) magnitude).negate() : (BigInteger) magnitude;
    if (big.bitLength() < 32) {
      return big.intValue();
    }
    if (big.bitLength() < 64) {
      return big.longValue();
    }
    return big;
  }

  private static boolean isNumberChar(char c, String text, int pos) {
    if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
      return true;
    }
    // exponent sign: 1e-5
    return (c == '-' || c == '+')
        && pos > 0
        && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E')
        && pos > 1
        && Character.isDigit(text.charAt(pos - 2));
  }

  private String word() {
    int start = pos;
    while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private void expect(char c) {
    if (text.charAt(pos) != c) {
      throw new IllegalArgumentException("expected " + c);
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
      pos++;
    }
  }
}
