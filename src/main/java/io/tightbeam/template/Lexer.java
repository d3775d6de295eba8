package io.tightbeam.template;

import io.tightbeam.template.Token.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Jinja2's lexer: template text into data and tag tokens, with whitespace control ({@code -},
 * {@code +}, trim_blocks, lstrip_blocks), comments, raw blocks, and the end of a tag recognised
 * only where brackets are balanced (so {@code {{ {'a': {'b': 1}} }}} is one expression).
 */
final class Lexer {
  private static final String[] OPERATORS_2 = {"**", "//", "==", "!=", "<=", ">="};
  private static final String OPERATORS_1 = "+-*/%~<>=()[]{},.:|;!";

  private final String src;
  private final boolean trimBlocks;
  private final boolean lstripBlocks;
  /** Ansible's escape_backslashes: string literals inside {{ }} keep their backslashes. */
  private final boolean rawVarStrings;
  private final List<Token> out = new ArrayList<>();
  private int pos;
  private int line = 1;
  private int lineStart;

  Lexer(String src, boolean trimBlocks, boolean lstripBlocks, boolean rawVarStrings) {
    this.src = src;
    this.trimBlocks = trimBlocks;
    this.lstripBlocks = lstripBlocks;
    this.rawVarStrings = rawVarStrings;
  }

  /**
   * The template's tokens. Jinja2 lexes lazily, so a parse error before a lexing error wins
   * ({{ 'a\\'s' }}: "expected token 'end of print statement', got 's'"): a lexing error ends the
   * list as an ERROR token that TokenStream raises when the parser gets there.
   */
  List<Token> tokens() {
    try {
      lex();
    } catch (TemplateSyntaxError e) {
      out.add(new Token(Kind.ERROR, e.getMessage(), e.line(), 0));
    }
    return out;
  }

  private void lex() {
    while (pos < src.length()) {
      int open = nextOpen(pos);
      if (open < 0) {
        data(src.substring(pos), pos);
        pos = src.length();
        break;
      }
      char kind = src.charAt(open + 1);
      char modifier = open + 2 < src.length() ? src.charAt(open + 2) : 0;
      String text = src.substring(pos, open);
      if (modifier == '-') {
        text = text.stripTrailing();
      } else if (lstripBlocks && kind != '{' && modifier != '+') {
        text = lstrip(text, pos);
      }
      data(text, pos);
      advanceTo(open);
      int skip = modifier == '-' || modifier == '+' ? 3 : 2;
      if (kind == '#') {
        comment(open, skip);
      } else if (kind == '%' && isRaw(open + skip)) {
        raw();
      } else {
        Kind begin = kind == '{' ? Kind.VAR_BEGIN : Kind.BLOCK_BEGIN;
        out.add(new Token(begin, src.substring(open, open + skip), line, col(open)));
        advanceTo(open + skip);
        expression(kind == '{' ? "}}" : "%}", kind == '{');
      }
    }
    out.add(new Token(Kind.EOF, "", line, col(pos)));
  }

  private int nextOpen(int from) {
    int i = src.indexOf('{', from);
    while (i >= 0 && i + 1 < src.length()) {
      char c = src.charAt(i + 1);
      if (c == '{' || c == '%' || c == '#') {
        return i;
      }
      i = src.indexOf('{', i + 1);
    }
    return -1;
  }

  /** lstrip_blocks: spaces and tabs between the line start and a block tag go. */
  private String lstrip(String text, int start) {
    int i = text.length();
    while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
      i--;
    }
    boolean atLineStart = i == 0 ? start == 0 || src.charAt(start - 1) == '\n' : text.charAt(i - 1) == '\n';
    return atLineStart ? text.substring(0, i) : text;
  }

  private void data(String text, int at) {
    if (!text.isEmpty()) {
      out.add(new Token(Kind.DATA, text, line, col(at)));
    }
  }

  private void comment(int open, int skip) {
    int end = src.indexOf("#}", open + skip);
    if (end < 0) {
      throw new TemplateSyntaxError("Missing end of comment tag", line);
    }
    boolean strip = src.charAt(end - 1) == '-' && end - 1 >= open + skip;
    boolean keep = src.charAt(end - 1) == '+' && end - 1 >= open + skip;
    advanceTo(end + 2);
    afterTag(strip, keep);
  }

  private void afterTag(boolean strip, boolean keep) {
    if (strip) {
      int i = pos;
      while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
        i++;
      }
      advanceTo(i);
    } else if (trimBlocks && !keep) {
      if (src.startsWith("\r\n", pos)) {
        advanceTo(pos + 2);
      } else if (pos < src.length() && src.charAt(pos) == '\n') {
        advanceTo(pos + 1);
      }
    }
  }

  private boolean isRaw(int from) {
    int i = skipSpaces(from);
    if (!src.startsWith("raw", i)) {
      return false;
    }
    int j = skipSpaces(i + 3);
    // Jinja2's raw rule has no "+%}": "{% raw +%}" is the unknown tag raw there.
    return src.startsWith("%}", j) || src.startsWith("-%}", j);
  }

  private int skipSpaces(int i) {
    while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
      i++;
    }
    return i;
  }

  private void raw() {
    int close = src.indexOf("%}", pos);
    boolean strip = src.charAt(close - 1) == '-';
    advanceTo(close + 2);
    // Jinja2's raw-begin rule strips only for "-%}": trim_blocks keeps the newline after it
    // ("{% raw %}\nx{% endraw %}" renders "\nx" in ansible-core 2.14, strings and files alike).
    afterTag(strip, true);
    int search = pos;
    while (true) {
      int open = src.indexOf("{%", search);
      if (open < 0) {
        throw new TemplateSyntaxError("Missing end of raw directive", line);
      }
      int mod = open + 2 < src.length() && (src.charAt(open + 2) == '-' || src.charAt(open + 2) == '+') ? 1 : 0;
      int i = skipSpaces(open + 2 + mod);
      if (src.startsWith("endraw", i)) {
        int j = skipSpaces(i + 6);
        int endMod = src.startsWith("-%}", j) || src.startsWith("+%}", j) ? 1 : 0;
        if (src.startsWith("%}", j + endMod)) {
          String text = src.substring(pos, open);
          if (mod == 1 && src.charAt(open + 2) == '-') {
            text = text.stripTrailing();
          } else if (lstripBlocks && !(mod == 1 && src.charAt(open + 2) == '+')) {
            text = lstrip(text, pos);
          }
          data(text, pos);
          advanceTo(j + endMod + 2);
          afterTag(endMod == 1 && src.charAt(j) == '-', endMod == 1 && src.charAt(j) == '+');
          return;
        }
      }
      search = open + 2;
    }
  }

  private void expression(String end, boolean isVar) {
    Deque<Character> balance = new ArrayDeque<>();
    while (true) {
      skipWhitespace();
      if (pos >= src.length()) {
        return; // the parser reports the missing end
      }
      if (balance.isEmpty()) {
        boolean minus = src.startsWith("-" + end, pos);
        boolean plus = !isVar && src.startsWith("+" + end, pos);
        if (minus || plus || src.startsWith(end, pos)) {
          int len = end.length() + (minus || plus ? 1 : 0);
          out.add(new Token(isVar ? Kind.VAR_END : Kind.BLOCK_END, src.substring(pos, pos + len), line, col(pos)));
          advanceTo(pos + len);
          if (!isVar) {
            afterTag(minus, plus);
          } else if (minus) {
            afterTag(true, false);
          }
          return;
        }
      }
      char c = src.charAt(pos);
      int startLine = line;
      int startCol = col(pos);
      if (Character.isLetter(c) || c == '_') {
        int i = pos + 1;
        while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
          i++;
        }
        out.add(new Token(Kind.NAME, src.substring(pos, i), startLine, startCol));
        advanceTo(i);
      } else if (Character.isDigit(c)) {
        number(startLine, startCol);
      } else if (c == '\'' || c == '"') {
        string(c, isVar && rawVarStrings, startLine, startCol);
      } else {
        String op = operator();
        if (op == null) {
          throw new TemplateSyntaxError("unexpected char " + io.tightbeam.py.Py.repr(String.valueOf(c)) + " at " + pos, line);
        }
        if (op.equals("(") || op.equals("[") || op.equals("{")) {
          balance.push(op.charAt(0));
        } else if (op.equals(")") || op.equals("]") || op.equals("}")) {
          char expected = op.equals(")") ? '(' : op.equals("]") ? '[' : '{';
          if (balance.isEmpty()) {
            throw new TemplateSyntaxError("unexpected '" + op + "'", line);
          }
          char got = balance.pop();
          if (got != expected) {
            throw new TemplateSyntaxError("unexpected '" + op + "', expected '" + closer(got) + "'", line);
          }
        }
        out.add(new Token(Kind.OP, op, startLine, startCol));
        advanceTo(pos + op.length());
      }
    }
  }

  private static String closer(char open) {
    return open == '(' ? ")" : open == '[' ? "]" : "}";
  }

  private String operator() {
    for (String op : OPERATORS_2) {
      if (src.startsWith(op, pos)) {
        return op;
      }
    }
    char c = src.charAt(pos);
    return OPERATORS_1.indexOf(c) >= 0 && c != '!' ? String.valueOf(c) : null;
  }

  private void number(int startLine, int startCol) {
    int i = pos;
    if (src.charAt(i) == '0' && i + 1 < src.length() && "xXoObB".indexOf(src.charAt(i + 1)) >= 0) {
      int radix = switch (Character.toLowerCase(src.charAt(i + 1))) {
        case 'x' -> 16;
        case 'o' -> 8;
        default -> 2;
      };
      int j = i + 2;
      while (j < src.length() && (Character.digit(src.charAt(j), radix) >= 0 || src.charAt(j) == '_')) {
        j++;
      }
      String digits = src.substring(i + 2, j).replace("_", "");
      out.add(new Token(Kind.INT, new java.math.BigInteger(digits, radix).toString(), startLine, startCol));
      advanceTo(j);
      return;
    }
    i = digits(i);
    boolean isFloat = false;
    // Jinja2: no float right after a dot, so xs.0.1 is two integer attributes
    boolean afterDot = pos > 0 && src.charAt(pos - 1) == '.';
    if (!afterDot && i + 1 < src.length() && src.charAt(i) == '.' && Character.isDigit(src.charAt(i + 1))) {
      i = digits(i + 1);
      isFloat = true;
    }
    if (!afterDot && i < src.length() && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
      int j = i + 1;
      if (j < src.length() && (src.charAt(j) == '+' || src.charAt(j) == '-')) {
        j++;
      }
      if (j < src.length() && Character.isDigit(src.charAt(j))) {
        i = digits(j);
        isFloat = true;
      }
    }
    String text = src.substring(pos, i).replace("_", "");
    out.add(new Token(isFloat ? Kind.FLOAT : Kind.INT, text, startLine, startCol));
    advanceTo(i);
  }

  private int digits(int i) {
    while (i < src.length() && (Character.isDigit(src.charAt(i))
        || (src.charAt(i) == '_' && i + 1 < src.length() && Character.isDigit(src.charAt(i + 1))))) {
      i++;
    }
    return i;
  }

  private void string(char quote, boolean raw, int startLine, int startCol) {
    StringBuilder value = new StringBuilder();
    int i = pos + 1;
    while (true) {
      if (i >= src.length()) {
        throw new TemplateSyntaxError("unexpected char " + io.tightbeam.py.Py.repr(String.valueOf(quote)) + " at " + pos, startLine);
      }
      char c = src.charAt(i);
      if (c == quote) {
        break;
      }
      if (c == '\\' && i + 1 < src.length()) {
        char n = src.charAt(i + 1);
        if (raw) {
          // Ansible doubles backslashes in {{ }} strings before Jinja lexes them: each one is
          // literal, so {{ 'a\\'s' }} ends the string at the quote (ansible-playbook 2.14).
          value.append(c);
          i++;
          continue;
        }
        i = escape(value, i);
        continue;
      }
      value.append(c);
      i++;
    }
    out.add(new Token(Kind.STRING, value.toString(), startLine, startCol));
    advanceTo(i + 1);
  }

  /**
   * The text as Ansible's escape_backslashes leaves it before Jinja2 reads it (the {@code String:}
   * of its syntax errors): backslashes doubled in the string literals inside {@code {{ }}}.
   */
  static String escapedBackslashes(String text) {
    if (text.indexOf('\\') < 0 || !text.contains("{{")) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    boolean inVar = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (!inVar && text.startsWith("{{", i)) {
        inVar = true;
      } else if (inVar && text.startsWith("}}", i)) {
        inVar = false;
      } else if (inVar && (c == '\'' || c == '"')) {
        int j = i + 1; // Jinja2's string rule: a backslash escapes the next character
        while (j < text.length() && text.charAt(j) != c) {
          j += text.charAt(j) == '\\' ? 2 : 1;
        }
        if (j < text.length()) {
          out.append(text.substring(i, j + 1).replace("\\", "\\\\"));
          i = j + 1;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** Python's string escapes; an unknown one keeps its backslash. Returns the index after it. */
  private int escape(StringBuilder value, int i) {
    char n = src.charAt(i + 1);
    switch (n) {
      case 'n' -> value.append('\n');
      case 't' -> value.append('\t');
      case 'r' -> value.append('\r');
      case '0' -> value.append('\0');
      case 'a' -> value.append('\007');
      case 'b' -> value.append('\b');
      case 'f' -> value.append('\f');
      case 'v' -> value.append('\013');
      case '\\', '\'', '"' -> value.append(n);
      case '\n' -> { }
      case 'x', 'u', 'U' -> {
        int len = n == 'x' ? 2 : n == 'u' ? 4 : 8;
        if (i + 2 + len <= src.length()) {
          try {
            value.appendCodePoint(Integer.parseInt(src.substring(i + 2, i + 2 + len), 16));
            return i + 2 + len;
          } catch (NumberFormatException e) {
            // falls through to keep the text as it is
          }
        }
        value.append('\\').append(n);
      }
      default -> value.append('\\').append(n);
    }
    return i + 2;
  }

  private void skipWhitespace() {
    int i = pos;
    while (i < src.length() && isPythonSpace(src.charAt(i))) {
      i++;
    }
    advanceTo(i);
  }

  // Jinja2 skips Python's \s between tokens, which also matches U+00A0, U+2007, U+202F and U+0085
  // (ansible-core's include_vars target has a no-break space before a filter).
  private static boolean isPythonSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }

  private void advanceTo(int to) {
    for (int i = pos; i < to; i++) {
      if (src.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    pos = to;
  }

  private int col(int at) {
    return at - lineStart + 1;
  }
}
