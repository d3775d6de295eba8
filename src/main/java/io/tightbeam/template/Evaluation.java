package io.tightbeam.template;

import io.tightbeam.py.AnsibleUnsafe;
import io.tightbeam.py.NativeJinjaText;
import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import io.tightbeam.template.Node.Stmt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state of one top-level templating call: the raw variables and the template strings being
 * rendered right now (to detect cycles). Variables are templated when an expression reads them,
 * so a var holding {@code "{{ item }}"} sees the current {@code item}. It is also the {@link Env}
 * that filters, tests and lookups see.
 */
final class Evaluation implements Env {
  /** The root of a variable read by {@link #variableAsIs}: an undefined inside it is thrown as is. */
  private static final Object AS_IS = new Object();
  private static final Pattern SINGLE_VAR = Pattern.compile("^\\{\\{\\s*(\\w*)\\s*\\}\\}$");

  private final TemplateCache cache;
  private final Map<String, Object> vars;
  private final List<String> inProgress = new ArrayList<>();
  private final List<String> warnings;
  /**
   * Strings made by a string-type filter in this call, or read from a variable holding one (by
   * identity): kept text by the concat; null until there is one.
   */
  private Set<Object> nativeTexts;
  /**
   * Values of this call never templated again, by identity: Literal variables (false) and lookup
   * results (true: Ansible's wrap_var, which type_debug names), with the parts read out of them.
   */
  private Map<Object, Boolean> unsafeTexts;
  /**
   * Whether the template being rendered read a variable holding unsafe data or called a lookup:
   * Ansible's context flag, which wraps the template's whole value as unsafe.
   */
  private boolean unsafeRead;
  /** The last variable value found to hold nothing unsafe (a loop reads the same one again). */
  private Object lastSafe;

  Evaluation(TemplateCache cache, Map<String, Object> vars) {
    this(cache, vars, new ArrayList<>());
  }

  private Evaluation(TemplateCache cache, Map<String, Object> vars, List<String> warnings) {
    this.cache = cache;
    this.vars = vars == null ? Map.of() : vars;
    this.warnings = warnings;
  }

  Catalogue catalogue() {
    return cache.catalogue();
  }

  List<String> warnings() {
    return warnings;
  }

  boolean hasVariable(String name) {
    return vars.containsKey(name) || name.equals("vars");
  }

  @Override
  public Object variable(String name) {
    if (vars.containsKey(name)) {
      Object raw = vars.get(name);
      if (!unsafeRead && raw != lastSafe && AnsibleUnsafe.any()) {
        if (holdsUnsafe(raw)) {
          unsafeRead = true;
        } else {
          lastSafe = raw;
        }
      }
      return lazy(raw, raw);
    }
    if (name.equals("vars")) {
      return new LazyMap(vars, null);
    }
    if (name.equals("omit")) {
      return Templar.OMIT;
    }
    return Undefined.variable(name);
  }

  @Override
  public Object variableAsIs(String name) {
    return vars.containsKey(name) ? lazy(vars.get(name), AS_IS) : variable(name);
  }

  @Override
  public Object rawVariable(String name) {
    if (!vars.containsKey(name)) {
      return variable(name);
    }
    Object raw = vars.get(name);
    return raw instanceof Literal literal ? literal.value() : raw;
  }

  @Override
  public Set<String> variableNames() {
    return vars.keySet();
  }

  /** A raw value as an expression sees it: template strings rendered now, collections as lazy views. */
  Object lazy(Object raw) {
    return lazy(raw, raw);
  }

  /**
   * As {@link #lazy(Object)}, for a part of the variable {@code root} (null: each value is its own
   * root). A template in it that meets an undefined value gives an undefined whose message names
   * the variable as written, as Ansible's variable lookup does ({@code {{ foo[0] }}: ...}).
   */
  private Object lazy(Object raw, Object root) {
    if (raw instanceof Literal literal) {
      // Literal data may be an action's own result (include_vars), which Ansible does not wrap
      mark(literal.value(), false);
      return literal.value();
    } else if (raw instanceof String s) {
      if (AnsibleUnsafe.isUnsafe(s)) {
        return unsafe(s);
      }
      if (!Templar.isTemplate(s)) {
        return s;
      }
      try {
        return templateString(s);
      } catch (TemplateException e) {
        if (!e.isUndefined() || root == AS_IS) {
          throw e;
        }
        Object shown = root == null ? raw : root;
        String hint = (shown instanceof String text ? text : Py.str(shown)) + ": " + e.getMessage();
        return Undefined.hint(hint + ". " + e.getMessage());
      }
    } else if (raw instanceof Map<?, ?> map) {
      return new LazyMap(map, root);
    } else if (raw instanceof List<?> list) {
      return new LazyList(list, root);
    }
    return raw;
  }

  /**
   * Ansible's template() of a value a template made (lookup terms): strings holding a template are
   * rendered unless read from a {@link Literal}; lists and dicts are copied with their items so
   * templated (dict keys as they are).
   */
  Object templateValue(Object value) {
    if (unsafeTexts != null && unsafeTexts.containsKey(value)) {
      return value;
    } else if (value instanceof String s) {
      return Templar.isTemplate(s) ? templateString(s) : s;
    } else if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(templateValue(v)));
      return out;
    } else if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, templateValue(v)));
      return out;
    }
    return value;
  }

  /**
   * Ansible's template() of one string: a lone {@code {{ var }}} holding a number or bool is that
   * value; otherwise the output's nodes are joined as Ansible's concat does (one node keeps its
   * value; text that reads as a Python list, dict or bool literal becomes one).
   */
  Object templateString(String text) {
    Matcher single = SINGLE_VAR.matcher(text);
    if (single.matches() && vars.containsKey(single.group(1))) {
      Object raw = vars.get(single.group(1));
      Object value = raw instanceof Literal l ? l.value() : raw;
      if (value == null || value instanceof Boolean || value instanceof Number) {
        return value;
      }
    }
    if (inProgress.contains(text)) {
      throw new TemplateException("recursive loop detected in template string: " + text);
    }
    inProgress.add(text);
    boolean outerRead = unsafeRead;
    unsafeRead = false;
    try {
      Output out = render(text, TemplateCache.Mode.VALUE);
      Object result = concat(out);
      if (result instanceof String s) {
        result = TemplateCache.restoreNewlines(text, s);
      }
      return unsafeRead ? wrap(result) : result;
    } finally {
      inProgress.remove(inProgress.size() - 1);
      unsafeRead |= outerRead;
    }
  }

  /** Ansible's unsafe context flag, set by a lookup that gave something. */
  void flagUnsafe() {
    unsafeRead = true;
  }

  /**
   * Whether this template read unsafe data (else no value in it is unsafe text, and the marks of
   * {@link #keepUnsafe(Object, Object)} need no look-up).
   */
  boolean readUnsafe() {
    return unsafeRead;
  }

  /** {@code result}, marked unsafe (its parts too) when {@code input} is unsafe text. */
  Object keepUnsafe(Object input, Object result) {
    if (input instanceof String && result != input
        && (AnsibleUnsafe.isUnsafe(input) || unsafeTexts != null && Boolean.TRUE.equals(unsafeTexts.get(input)))) {
      markUnsafe(result);
    }
    return result;
  }

  /**
   * Whether a variable's raw value is unsafe text or a plain list or dict holding some (dict
   * values only), as Ansible's context checks what it resolves; other mappings (hostvars) are not
   * looked into.
   */
  private static boolean holdsUnsafe(Object raw) {
    if (raw instanceof Literal literal) {
      return holdsUnsafe(literal.value());
    } else if (raw instanceof String) {
      return AnsibleUnsafe.isUnsafe(raw);
    } else if (raw instanceof Map<?, ?> map && map.getClass().getPackageName().equals("java.util")) {
      for (Object v : map.values()) {
        if (holdsUnsafe(v)) {
          return true;
        }
      }
    } else if (raw instanceof List<?> list) {
      for (Object v : list) {
        if (holdsUnsafe(v)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Ansible's wrap_var of a template's value: every text in it unsafe (a fresh instance unless it
   * is already: the one made here may be a template's constant), lists and dicts copied.
   */
  private Object wrap(Object value) {
    if (value instanceof String s) {
      if (AnsibleUnsafe.isUnsafe(s)) {
        return s;
      }
      String text = new String(s);
      if (isNativeText(s)) {
        NativeJinjaText.mark(text);
      }
      return AnsibleUnsafe.mark(text);
    } else if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> out.put(wrap(k), wrap(v)));
      return out;
    } else if (value instanceof io.tightbeam.py.Tuple t) {
      List<Object> out = new ArrayList<>(t.size());
      t.forEach(v -> out.add(wrap(v)));
      return io.tightbeam.py.Tuple.copyOf(out);
    } else if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(wrap(v)));
      return out;
    }
    return value;
  }

  private Output render(String text, TemplateCache.Mode mode) {
    List<Stmt> body;
    try {
      body = cache.parse(text, mode);
    } catch (TemplateSyntaxError e) {
      throw syntax(e, mode.rawVarStrings() ? Lexer.escapedBackslashes(text) : text);
    }
    Output out = new Output(cache.jinja2Native());
    try {
      new Renderer(this).render(body, new Frame(null), out);
    } catch (TemplateSyntaxError e) {
      throw syntax(e, mode.rawVarStrings() ? Lexer.escapedBackslashes(text) : text);
    } catch (PyException e) {
      if (e.isUnhandled()) {
        throw e; // Ansible's Templar handles TypeError only: the task fails with the exception
      }
      if (e.isValueError()) {
        throw TemplateException.valueError(e.getMessage(), e);
      }
      if (e.getMessage().contains("AnsibleUndefined")) {
        // Ansible's Templar turns a TypeError naming AnsibleUndefined into an undefined variable.
        throw TemplateException.undefined("Unable to look up a name or access an attribute in template string ("
            + text + ").\nMake sure your variable name does not contain invalid characters like '-': "
            + e.getMessage() + ". " + e.getMessage());
      }
      throw new TemplateException("Unexpected templating type error occurred on (" + text + "): "
          + e.getMessage() + ". " + e.getMessage(), e);
    } catch (StackOverflowError e) {
      throw new TemplateException("recursive loop detected in template string: " + text);
    }
    return out;
  }

  static TemplateException syntax(TemplateSyntaxError e, String text) {
    return new TemplateException("template error while templating string: " + e.getMessage()
        + ". String: " + text + ". " + e.getMessage(), e);
  }

  void markNativeText(Object value) {
    if (value instanceof String s) {
      nativeText(s);
    }
  }

  /** Whether {@code value} is NativeJinjaText: made by this call, or kept by an earlier one. */
  private boolean isNativeText(Object value) {
    return nativeTexts != null && nativeTexts.contains(value) || NativeJinjaText.isNative(value);
  }

  /** Marks a lookup's result as Ansible's unsafe data: never templated again, AnsibleUnsafeText. */
  void markUnsafe(Object value) {
    mark(value, true);
  }

  private void mark(Object value, boolean wrapped) {
    if (value instanceof String || value instanceof Map || value instanceof List) {
      if (unsafeTexts == null) {
        unsafeTexts = new java.util.IdentityHashMap<>();
      }
      unsafeTexts.merge(value, wrapped, Boolean::logicalOr);
    }
  }

  /**
   * A {@code !unsafe} string (or one a set_fact or register kept from a lookup): its written
   * markers printed back, and the text AnsibleUnsafeText for this call and after it.
   */
  private Object unsafe(String s) {
    if (!AnsibleUnsafe.isWritten(s)) {
      markUnsafe(s);
      return s;
    }
    Object text = templateString(s);
    if (text instanceof String t) {
      markUnsafe(AnsibleUnsafe.mark(t));
    }
    return text;
  }

  /**
   * {@code value} (plain data leaving this call) with each string this call knows as a lookup's
   * or an unsafe variable's marked for good, deeply in a marked list or dict, as Ansible's
   * wrap_var keeps it; such a collection is copied, so that data it shares stays safe. A
   * string-type filter's text is marked NativeJinjaText for good (a fresh instance: the one made
   * here may be a template's constant).
   */
  Object keepUnsafe(Object value) {
    return unsafeTexts == null && nativeTexts == null ? value : keep(value, false);
  }

  private Object keep(Object value, boolean inWrapped) {
    boolean wrapped = unsafeTexts != null && Boolean.TRUE.equals(unsafeTexts.get(value));
    if (value instanceof String s) {
      if (nativeTexts != null && nativeTexts.contains(s) && !NativeJinjaText.isNative(s)) {
        String text = NativeJinjaText.mark(new String(s));
        return wrapped || inWrapped || AnsibleUnsafe.isUnsafe(s) ? AnsibleUnsafe.mark(text) : text;
      }
      return wrapped ? AnsibleUnsafe.mark(s) : inWrapped && !AnsibleUnsafe.isUnsafe(s) ? AnsibleUnsafe.mark(new String(s)) : s;
    } else if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> out.put(keep(k, inWrapped || wrapped), keep(v, inWrapped || wrapped)));
      return out;
    } else if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(keep(v, inWrapped || wrapped)));
      return value instanceof io.tightbeam.py.Tuple ? io.tightbeam.py.Tuple.copyOf(out) : out;
    }
    return value;
  }

  /** {@code part} read out of {@code whole}: unsafe when the whole is (Ansible wraps it deeply). */
  Object partOf(Object whole, Object part) {
    Boolean wrapped = AnsibleUnsafe.isUnsafe(whole) ? Boolean.TRUE : unsafeTexts == null ? null : unsafeTexts.get(whole);
    if (wrapped != null) {
      mark(part, wrapped);
    }
    return part;
  }

  /** Markup strings of this call (by identity); null until there is one. */
  private Set<Object> markups;

  @Override
  public String markup(String text) {
    if (markups == null) {
      markups = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    }
    String fresh = new String(text);
    markups.add(fresh);
    return fresh;
  }

  @Override
  public boolean isMarkup(Object value) {
    return markups != null && markups.contains(value);
  }

  @Override
  public String nativeText(String text) {
    if (nativeTexts == null) {
      nativeTexts = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    }
    nativeTexts.add(text);
    return text;
  }

  @Override
  public String typeName(Object value) {
    if (value instanceof io.tightbeam.vault.EncryptedString) {
      return "AnsibleVaultEncryptedUnicode";
    }
    if (!(value instanceof String)) {
      return Py.typeName(value);
    } else if (isMarkup(value)) {
      return "Markup";
    }
    boolean unsafe = unsafeTexts != null && Boolean.TRUE.equals(unsafeTexts.get(value))
        || AnsibleUnsafe.isUnsafe(value);
    if (isNativeText(value)) {
      return unsafe ? "NativeJinjaUnsafeText" : "NativeJinjaText";
    }
    return unsafe ? "AnsibleUnsafeText" : io.tightbeam.py.AnsibleUnicode.isMarked(value) ? "AnsibleUnicode" : "str";
  }

  private Object concat(Output out) {
    if (cache.jinja2Native()) {
      return nativeConcat(out);
    }
    Object value = out.result();
    if (out.count() == 1 && value instanceof String && isNativeText(value)) {
      return value;
    }
    if (out.count() == 1 && !(value instanceof String)) {
      if (value instanceof Boolean) {
        return value;
      }
      if ((value instanceof List && !(value instanceof io.tightbeam.py.Tuple) || value instanceof Map)
          && Literals.isLiteral(value)) {
        return Literals.plain(keepUnsafe(value));
      }
      return Py.str(value);
    }
    String s = (String) value;
    if (s.startsWith("{") || s.startsWith("[") || s.equals("True") || s.equals("False")) {
      Object parsed = Literals.eval(s);
      if (parsed != Literals.NOT_A_LITERAL) {
        return parsed;
      }
    }
    return s;
  }

  /**
   * Ansible's native concat: no node is None, a lone non-text node (or a string-type filter's
   * text) is its value, and other text is read as a Python literal when it is one; a string
   * literal keeps its quotes.
   */
  private Object nativeConcat(Output out) {
    if (out.count() == 0) {
      return null;
    }
    String text;
    if (out.count() == 1) {
      Object value = out.single();
      if (!(value instanceof String s) || isNativeText(value)) {
        return value;
      }
      text = s;
    } else {
      text = out.text();
    }
    Object evaled = Literals.evalPython(text);
    if (evaled == Literals.NOT_A_LITERAL) {
      return text;
    }
    return evaled instanceof String s ? text.charAt(0) + s + text.charAt(0) : evaled;
  }

  /** Renders template text to a String (the template module, the template lookup). */
  String renderText(String text, boolean trimBlocks, boolean lstripBlocks) {
    Output out = render(text, new TemplateCache.Mode(trimBlocks, lstripBlocks, false));
    return TemplateCache.restoreNewlines(text, out.text());
  }

  /** Ansible's conditional: the text inside {@code {% if %}}, true unless it renders False. */
  boolean condition(String text) {
    // Ansible 2.14 wraps it with spaces, which its syntax errors quote.
    String wrapped = "{% if " + text + " %} True {% else %} False {% endif %}";
    Output out = render(wrapped, TemplateCache.Mode.VALUE);
    String result = out.text().strip();
    if (result.equals("True")) {
      return true;
    } else if (result.equals("False")) {
      return false;
    }
    throw new TemplateException("unable to evaluate conditional: " + text);
  }

  /** A template by name for include/import: searched under templates/ and the search path. */
  List<Stmt> loadTemplate(String name) {
    List<Path> candidates = new ArrayList<>();
    Path direct = Path.of(name);
    if (direct.isAbsolute()) {
      candidates.add(direct);
    }
    for (Path dir : searchPath("templates")) {
      candidates.add(dir.resolve(name));
    }
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        try {
          String text = Files.readString(p, StandardCharsets.UTF_8);
          return cache.parse(text, new TemplateCache.Mode(true, false, false));
        } catch (IOException e) {
          throw new TemplateException("could not read template " + p + ": " + e.getMessage());
        }
      }
    }
    return null;
  }

  /**
   * A filter or test named at run time (select, map) that Ansible's plugin loader cannot give:
   * Jinja2's TemplateSyntaxError escapes Ansible's error handling, so the task fails with it.
   */
  private static PyException notLoaded(String name) {
    String fqcn = name.contains(".") ? name : "ansible.builtin." + name;
    String reason = VALID_PLUGIN_NAME.matcher(fqcn).matches() ? name : "invalid plugin name: " + fqcn;
    return PyException.of("TemplateSyntaxError", "Could not load \"" + name + "\": '" + reason + "'\n  line 0");
  }

  private static final Pattern VALID_PLUGIN_NAME =
      Pattern.compile("[A-Za-z_]\\w*\\.[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)+");

  @Override
  public Object filter(String name, Object value, Args args) {
    Catalogue.Filter f = catalogue().filter(name);
    if (f == null) {
      throw notLoaded(name);
    }
    return f.body().apply(value, args, this);
  }

  @Override
  public boolean test(String name, Object value, Args args) {
    Catalogue.Test t = catalogue().test(name);
    if (t == null) {
      throw notLoaded(name);
    }
    if (!t.acceptsUndefined()) {
      Ops.check(value); // select/selectattr hand a missing attribute over as an Undefined
      for (Object a : args.positional()) {
        Ops.check(a);
      }
    }
    return Py.truthy(t.body().apply(value, args, this));
  }

  @Override
  public String render(String text, Map<String, Object> extraVars) {
    return with(extraVars).renderText(text, true, false);
  }

  @Override
  public String renderFile(String text, Map<String, Object> extraVars, Map<String, Object> options) {
    FileSyntax file = FileSyntax.of(text, options);
    String out = with(extraVars).renderText(file.text(), file.trimBlocks(), file.lstripBlocks());
    return file.newlineSequence().equals("\n") ? out : out.replace("\n", file.newlineSequence());
  }

  /** A further templating call that sees these variables as well (and shares the warnings). */
  private Evaluation with(Map<String, Object> extraVars) {
    Map<String, Object> merged = new HashMap<>(vars);
    if (extraVars != null) {
      merged.putAll(extraVars);
    }
    return new Evaluation(cache, merged, warnings);
  }

  @Override
  public void warn(String message) {
    warnings.add(message);
  }

  @Override
  public List<io.tightbeam.vault.VaultSecret> vaultSecrets() {
    return cache.secrets();
  }

  @Override
  public List<Path> searchPath(String subdir) {
    Set<Path> out = new LinkedHashSet<>();
    List<Object> bases = new ArrayList<>();
    Object sp = vars.get("ansible_search_path");
    if (sp instanceof Literal lit) {
      sp = lit.value(); // the executor sets it as a Literal: paths are never templated
    }
    if (sp instanceof List<?> l) {
      bases.addAll(l);
    } else {
      for (String key : new String[] {"role_path", "playbook_dir"}) {
        if (vars.get(key) != null) {
          bases.add(vars.get(key));
        }
      }
    }
    for (Object base : bases) {
      Object b = base instanceof Literal lit ? lit.value() : base;
      if (b == null) {
        continue;
      }
      Path dir = Path.of(Py.str(lazy(b)));
      if (subdir != null && !subdir.isEmpty()) {
        out.add(dir.resolve(subdir));
        if (dir.getFileName() != null && dir.getFileName().toString().equals("tasks") && dir.getParent() != null) {
          out.add(dir.getParent().resolve(subdir));
        }
      }
      out.add(dir);
    }
    if (out.isEmpty()) {
      if (subdir != null && !subdir.isEmpty()) {
        out.add(Path.of(subdir).toAbsolutePath());
      }
      out.add(Path.of("").toAbsolutePath());
    }
    return new ArrayList<>(out);
  }

  /** A map whose values are templated when read; keys are left as they are. */
  private final class LazyMap extends AbstractMap<Object, Object> {
    private final Map<?, ?> raw;
    private final Object root;

    LazyMap(Map<?, ?> raw, Object root) {
      this.raw = raw;
      this.root = root;
    }

    @Override
    public Object get(Object key) {
      return lazy(raw.get(key), root);
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
              return new SimpleImmutableEntry<>(e.getKey(), lazy(e.getValue(), root));
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
    private final Object root;

    LazyList(List<?> raw, Object root) {
      this.raw = raw;
      this.root = root;
    }

    @Override
    public Object get(int index) {
      return lazy(raw.get(index), root);
    }

    @Override
    public int size() {
      return raw.size();
    }
  }
}
