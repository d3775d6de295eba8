package io.tightbeam.template;

import io.tightbeam.template.Node.Expr;
import io.tightbeam.template.Node.Stmt;
import io.tightbeam.template.Node.Target;
import io.tightbeam.template.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Jinja2's statements: tokens of a whole template into a list of {@link Stmt}s. */
final class Parser extends ExpressionParser {
  private static final Set<String> TAGS = Set.of("for", "if", "block", "extends", "print", "macro",
      "include", "from", "import", "set", "with", "autoescape", "filter", "call");

  /** The end tags each open block waits for, innermost last. */
  private final List<List<String>> endStack = new ArrayList<>();
  private final List<String> tagStack = new ArrayList<>();

  Parser(List<Token> tokens) {
    super(new TokenStream(tokens));
  }

  List<Stmt> template() {
    List<Stmt> body = subparse(List.of());
    return body;
  }

  /** Parses until EOF or a block tag named in {@code end}; leaves the stream on that name. */
  private List<Stmt> subparse(List<String> end) {
    List<Stmt> body = new ArrayList<>();
    while (ts.current().kind() != Kind.EOF) {
      Token t = ts.current();
      if (t.kind() == Kind.DATA) {
        body.add(new Node.Text(ts.next().text()));
      } else if (t.kind() == Kind.VAR_BEGIN) {
        ts.next();
        Expr e = tuple(false, true, Set.of(), false);
        ts.expect(Kind.VAR_END);
        body.add(new Node.Print(e, t.line()));
      } else if (t.kind() == Kind.BLOCK_BEGIN) {
        ts.next();
        if (ts.current().kind() == Kind.NAME && end.contains(ts.current().text())) {
          return body;
        }
        body.add(statement());
        ts.expect(Kind.BLOCK_END);
      } else {
        throw new TemplateSyntaxError("unexpected '" + t.describe() + "'", t.line());
      }
    }
    return body;
  }

  private List<Stmt> statements(String tag, List<String> end, boolean dropNeedle) {
    ts.skipOp(":");
    ts.expect(Kind.BLOCK_END);
    endStack.add(end);
    tagStack.add(tag);
    List<Stmt> body = subparse(end);
    if (ts.current().kind() == Kind.EOF) {
      throw eof();
    }
    endStack.remove(endStack.size() - 1);
    tagStack.remove(tagStack.size() - 1);
    if (dropNeedle) {
      ts.next();
    }
    return body;
  }

  private TemplateSyntaxError eof() {
    StringBuilder m = new StringBuilder("Unexpected end of template.");
    appendExpected(m);
    return new TemplateSyntaxError(m.toString(), ts.current().line());
  }

  private void appendExpected(StringBuilder m) {
    if (!endStack.isEmpty()) {
      List<String> expected = new ArrayList<>();
      for (List<String> ends : endStack) {
        for (String e : ends) {
          expected.add("'" + e + "'");
        }
      }
      m.append(" Jinja was looking for the following tags: ").append(String.join(" or ", endStack.get(endStack.size() - 1).stream().map(e -> "'" + e + "'").toList())).append('.');
      m.append(" The innermost block that needs to be closed is '").append(tagStack.get(tagStack.size() - 1)).append("'.");
    }
  }

  private Stmt statement() {
    Token t = ts.current();
    if (t.kind() != Kind.NAME) {
      throw new TemplateSyntaxError("tag name expected", t.line());
    }
    if (!TAGS.contains(t.text())) {
      StringBuilder m = new StringBuilder("Encountered unknown tag '" + t.text() + "'.");
      appendExpected(m);
      throw new TemplateSyntaxError(m.toString(), t.line());
    }
    ts.next();
    return switch (t.text()) {
      case "if" -> ifStatement();
      case "for" -> forStatement(t.line());
      case "set" -> set();
      case "macro" -> macro();
      case "call" -> callBlock();
      case "filter" -> new Node.FilterBlock(filter(null, true), statements("filter", List.of("endfilter"), true));
      case "include" -> include();
      case "import" -> importStatement();
      case "from" -> from();
      case "with" -> with();
      case "block" -> block();
      case "extends" -> new Node.Extends(expression());
      case "print" -> new Node.Print(tuple(false, true, Set.of(), false), t.line());
      case "autoescape" -> {
        expression();
        yield new Node.With(List.of(), List.of(), statements("autoescape", List.of("endautoescape"), true));
      }
      default -> throw new IllegalStateException(t.text());
    };
  }

  private Stmt ifStatement() {
    List<Expr> tests = new ArrayList<>();
    List<List<Stmt>> bodies = new ArrayList<>();
    List<Stmt> otherwise = List.of();
    tests.add(tuple(false, false, Set.of(), false));
    while (true) {
      bodies.add(statements("if", List.of("elif", "else", "endif"), false));
      String tag = ts.next().text();
      if (tag.equals("elif")) {
        tests.add(tuple(false, false, Set.of(), false));
      } else {
        if (tag.equals("else")) {
          otherwise = statements("if", List.of("endif"), true);
        }
        break;
      }
    }
    return new Node.If(tests, bodies, otherwise);
  }

  private Stmt forStatement(int line) {
    Target target = assignTarget(Set.of("in"), false);
    ts.expectName("in");
    Expr iter = tuple(false, false, Set.of("recursive"), false);
    Expr condition = ts.skipName("if") ? expression() : null;
    boolean recursive = ts.skipName("recursive");
    List<Stmt> body = statements("for", List.of("endfor", "else"), false);
    List<Stmt> otherwise = List.of();
    if (ts.next().text().equals("else")) {
      otherwise = statements("for", List.of("endfor"), true);
    }
    return new Node.For(target, iter, condition, recursive, body, otherwise, line);
  }

  private Target assignTarget(Set<String> extraEnd, boolean withNamespace) {
    if (withNamespace && ts.look().isOp(".")) {
      String name = ts.expect(Kind.NAME).text();
      ts.next();
      return new Node.AttrTarget(name, ts.expect(Kind.NAME).text());
    }
    Expr e = tuple(true, true, extraEnd, false);
    return toTarget(e);
  }

  private Target toTarget(Expr e) {
    if (e instanceof Node.Name n) {
      return new Node.NameTarget(n.name());
    } else if (e instanceof Node.TupleLit t) {
      List<Target> items = new ArrayList<>();
      for (Expr item : t.items()) {
        items.add(toTarget(item));
      }
      return new Node.TupleTarget(items);
    }
    throw new TemplateSyntaxError("can't assign to '" + e.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + "'", ts.current().line());
  }

  private Stmt set() {
    Target target = assignTarget(Set.of(), true);
    if (ts.skipOp("=")) {
      return new Node.Set(target, tuple(false, true, Set.of(), false));
    }
    Expr filter = ts.current().isOp("|") ? filter(null, false) : null;
    return new Node.SetBlock(target, filter, statements("set", List.of("endset"), true));
  }

  private Stmt macro() {
    String name = ts.expect(Kind.NAME).text();
    List<String> params = new ArrayList<>();
    List<Expr> defaults = new ArrayList<>();
    signature(params, defaults);
    return new Node.Macro(name, params, defaults, statements("macro", List.of("endmacro"), true));
  }

  private void signature(List<String> params, List<Expr> defaults) {
    ts.expectOp("(");
    while (!ts.current().isOp(")")) {
      if (!params.isEmpty()) {
        ts.expectOp(",");
      }
      params.add(ts.expect(Kind.NAME).text());
      if (ts.skipOp("=")) {
        defaults.add(expression());
      } else if (!defaults.isEmpty()) {
        throw new TemplateSyntaxError("non-default argument follows default argument", ts.current().line());
      }
    }
    ts.expectOp(")");
  }

  private Stmt callBlock() {
    List<String> params = new ArrayList<>();
    List<Expr> defaults = new ArrayList<>();
    if (ts.current().isOp("(")) {
      signature(params, defaults);
    }
    Expr call = expression();
    if (!(call instanceof Node.Call c)) {
      throw new TemplateSyntaxError("expected call", ts.current().line());
    }
    return new Node.CallBlock(c, params, defaults, statements("call", List.of("endcall"), true));
  }

  private Stmt include() {
    Expr template = expression();
    boolean ignoreMissing = false;
    if (ts.current().isName("ignore") && ts.look().isName("missing")) {
      ts.next();
      ts.next();
      ignoreMissing = true;
    }
    return new Node.Include(template, ignoreMissing, context(true));
  }

  private boolean context(boolean fallback) {
    if ((ts.current().isName("with") || ts.current().isName("without")) && ts.look().isName("context")) {
      boolean with = ts.next().text().equals("with");
      ts.next();
      return with;
    }
    return fallback;
  }

  private Stmt importStatement() {
    Expr template = expression();
    ts.expectName("as");
    String alias = ts.expect(Kind.NAME).text();
    return new Node.Import(template, alias, context(false));
  }

  private Stmt from() {
    Expr template = expression();
    ts.expectName("import");
    List<String> names = new ArrayList<>();
    List<String> aliases = new ArrayList<>();
    boolean withContext = false;
    while (true) {
      if (!names.isEmpty()) {
        ts.expectOp(",");
      }
      if ((ts.current().isName("with") || ts.current().isName("without")) && ts.look().isName("context")) {
        withContext = context(false);
        break;
      }
      String name = ts.expect(Kind.NAME).text();
      names.add(name);
      aliases.add(ts.skipName("as") ? ts.expect(Kind.NAME).text() : name);
      if (!ts.current().isOp(",")) {
        withContext = context(false);
        break;
      }
    }
    return new Node.FromImport(template, names, aliases, withContext);
  }

  private Stmt with() {
    List<Target> targets = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    while (ts.current().kind() != Kind.BLOCK_END) {
      if (!targets.isEmpty()) {
        ts.expectOp(",");
      }
      targets.add(assignTarget(Set.of(), false));
      ts.expectOp("=");
      values.add(expression());
    }
    return new Node.With(targets, values, statements("with", List.of("endwith"), true));
  }

  private Stmt block() {
    String name = ts.expect(Kind.NAME).text();
    ts.skipName("scoped");
    ts.skipName("required");
    List<Stmt> body = statements("block", List.of("endblock"), true);
    if (ts.current().kind() == Kind.NAME) {
      ts.next();
    }
    return new Node.Block(name, body);
  }
}
