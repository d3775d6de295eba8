package io.tightbeam.template;

import io.tightbeam.py.AnsibleUnsafe;
import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jinja2 with Ansible's semantics, on our own engine. Variables are given raw and templated
 * lazily when used (so {@code durations: "{{ item }}"} sees the current {@code item}); values
 * wrapped in {@link Literal} are never templated. A string is templated as Ansible's templar does
 * it: a lone {@code {{ var }}} holding a number or bool stays that value, text reading as a list,
 * dict or bool becomes one, everything else is text. Undefined variables raise
 * {@link TemplateException} naming the variable. One instance is shared by all threads.
 */
public final class Templar {
  /** The value Ansible calls {@code omit}: a task argument equal to it is dropped. */
  public static final String OMIT = "__omit_place_holder__tightbeam";

  private final TemplateCache cache;
  private final PythonPlugins plugins;
  private final ThreadLocal<List<String>> warnings = ThreadLocal.withInitial(ArrayList::new);

  /** A Templar with the built-in filters, tests and lookups. */
  public Templar() {
    this(List.of());
  }

  /** A Templar whose file and unvault lookups open vaulted files with the run's secrets. */
  public Templar(List<io.tightbeam.vault.VaultSecret> secrets) {
    this(secrets, PythonPlugins.none(), false);
  }

  /**
   * A Templar as above; with {@code jinja2Native} (Ansible's {@code jinja2_native} setting) a
   * template's value is its output read as a Python literal, whatever its type, as Ansible's
   * native concat makes it.
   */
  public Templar(List<io.tightbeam.vault.VaultSecret> secrets, boolean jinja2Native) {
    this(secrets, PythonPlugins.none(), jinja2Native);
  }

  /** A Templar whose catalogue also holds the run's Python filter, test and lookup plugins. */
  public Templar(List<io.tightbeam.vault.VaultSecret> secrets, PythonPlugins plugins) {
    this(secrets, plugins, false);
  }

  /** The run's Templar: its Python plugins, and Ansible's jinja2_native setting. */
  public Templar(List<io.tightbeam.vault.VaultSecret> secrets, PythonPlugins plugins, boolean jinja2Native) {
    this.plugins = plugins;
    this.cache = new TemplateCache(Catalogue.builtin().with(plugins), secrets, jinja2Native);
  }

  /** The run's Python plugins (the executor adds a role's plugin folders when it loads the role). */
  public PythonPlugins plugins() {
    return plugins;
  }

  /**
   * Builds the filter, test and lookup catalogue on a background thread while the commands parse
   * their arguments, settings, inventory and playbook.
   */
  public static void prepare() {
    Thread builder = new Thread(Catalogue::builtin, "tightbeam-template-setup");
    builder.setDaemon(true);
    builder.start();
  }

  /** Templates strings inside {@code value} (recursively through lists and maps). */
  public Object template(Object value, Map<String, Object> vars) {
    if (value instanceof String s && !isTemplate(s)) {
      return s;
    }
    Evaluation evaluation = new Evaluation(cache, vars);
    try {
      return walk(value, evaluation);
    } finally {
      collect(evaluation);
    }
  }

  private Object walk(Object value, Evaluation evaluation) {
    if (value instanceof Literal literal) {
      return literal.value();
    } else if (AnsibleUnsafe.isUnsafe(value)) {
      return evaluation.lazy(value); // its written markers printed back, and it stays unsafe
    } else if (value instanceof String s) {
      return isTemplate(s) ? evaluation.keepUnsafe(Literals.plain(evaluation.templateString(s))) : s;
    } else if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(walk(e.getKey(), evaluation), walk(e.getValue(), evaluation));
      }
      return out;
    } else if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(walk(item, evaluation));
      }
      return out;
    }
    return value;
  }

  /**
   * Evaluates a conditional as Ansible's {@code when}/{@code until}/{@code failed_when}: a bare
   * expression string, a boolean, or a list of them (all must hold).
   */
  public boolean isTrue(Object conditional, Map<String, Object> vars) {
    if (conditional instanceof List<?> list) {
      for (Object item : list) {
        if (!isTrue(item, vars)) {
          return false;
        }
      }
      return true;
    }
    if (conditional instanceof Literal literal) {
      return isTrue(literal.value(), vars);
    }
    if (conditional == null || conditional instanceof Boolean || conditional instanceof Number) {
      return conditional == null || Py.truthy(conditional);
    }
    String text = String.valueOf(conditional);
    if (text.isEmpty()) {
      return true;
    }
    Evaluation evaluation = new Evaluation(cache, vars);
    try {
      if (isTemplate(text)) {
        evaluation.warn("conditional statements should not include jinja2 templating delimiters such as {{ }} or {% %}. Found: " + text);
        Object rendered = evaluation.templateString(text);
        if (!(rendered instanceof String s) || s.isEmpty()) {
          return Py.truthy(rendered);
        }
        text = s;
      }
      try {
        return evaluation.condition(text);
      } catch (TemplateException e) {
        if (e.isUndefined()) {
          throw TemplateException.undefined(
              "error while evaluating conditional (" + conditional + "): " + e.getMessage());
        }
        throw e;
      } catch (PyException e) { // ZeroDivisionError and such: the caller's "conditional check" names it
        throw new TemplateException(e.getMessage(), e);
      }
    } finally {
      collect(evaluation);
    }
  }

  /**
   * Renders a template file as Ansible's {@code template} module does: always to text, with
   * Jinja2's {@code trim_blocks} (a block tag eats the newline after it; Ansible's default) and
   * {@code lstrip_blocks} (it eats the spaces before it) as asked.
   */
  public String renderFile(String text, Map<String, Object> vars, boolean trimBlocks, boolean lstripBlocks) {
    return renderFile(text, vars, Map.of("trim_blocks", trimBlocks, "lstrip_blocks", lstripBlocks));
  }

  /**
   * Renders a template file with the template module's syntax options ({@code trim_blocks},
   * {@code lstrip_blocks}, {@code variable_start_string} and the other markers); a first line
   * {@code #jinja2: key: value, ...} sets them for this file, as in Ansible.
   */
  public String renderFile(String text, Map<String, Object> vars, Map<String, Object> options) {
    Evaluation evaluation = new Evaluation(cache, vars);
    try {
      FileSyntax file = FileSyntax.of(text, options);
      return evaluation.renderText(file.text(), file.trimBlocks(), file.lstripBlocks());
    } finally {
      collect(evaluation);
    }
  }

  /**
   * The newline a template file is written with: the template module's {@code newline_sequence}
   * in {@code options}, unless the file's {@code #jinja2:} first line sets another.
   */
  public static String newlineSequence(String text, Map<String, Object> options) {
    return FileSyntax.of(text, options).newlineSequence();
  }

  /** Whether a lookup plugin of this name exists (for {@code with_<name>} loops). */
  public boolean hasLookup(String name) {
    return cache.catalogue().lookup(name) != null;
  }

  /**
   * Runs a lookup plugin as a {@code with_<name>} loop does: on already templated terms (a list,
   * or one term), always giving a list.
   */
  public List<Object> query(String name, Object terms, Map<String, Object> vars) {
    Catalogue.Lookup plugin = cache.catalogue().lookup(name);
    if (plugin == null) {
      throw new TemplateException("lookup plugin (" + name + ") not found");
    }
    Evaluation evaluation = new Evaluation(cache, vars);
    try {
      List<Object> list = terms instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>(List.of(terms));
      List<Object> out = new ArrayList<>();
      for (Object o : plugin.body().run(list, Map.of(), evaluation)) {
        out.add(Literals.plain(o));
      }
      return out;
    } catch (io.tightbeam.py.PyException e) {
      throw new TemplateException(e.getMessage(), e);
    } finally {
      collect(evaluation);
    }
  }

  /** Evaluates one bare expression ({@code debug: var=x}) as Ansible templates {@code {{ x }}}. */
  public Object evaluate(String expression, Map<String, Object> vars) {
    Evaluation evaluation = new Evaluation(cache, vars);
    try {
      return Literals.plain(evaluation.templateString("{{" + expression + "}}"));
    } finally {
      collect(evaluation);
    }
  }

  /** Adds a warning for the calling thread's task, shown with the templating warnings. */
  public void warn(String warning) {
    warnings.get().add(warning);
  }

  /**
   * Returns and forgets the warnings raised by templating on the calling thread (for example
   * {@code The 'finished' test expects an async task, but a non-async task was tested}).
   */
  public List<String> drainWarnings() {
    List<String> out = new ArrayList<>(plugins.drainWarnings());
    out.addAll(warnings.get());
    warnings.get().clear();
    return out.isEmpty() ? List.of() : out;
  }

  private void collect(Evaluation evaluation) {
    if (!evaluation.warnings().isEmpty()) {
      warnings.get().addAll(evaluation.warnings());
    }
  }

  /** Whether {@code text} holds Jinja2 markup ({@code {{}}, {@code {%}}, {@code {#}}). */
  public static boolean isTemplate(String text) {
    return text.contains("{{") || text.contains("{%") || text.contains("{#");
  }
}
