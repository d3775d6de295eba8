package io.tightbeam.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja2 with Ansible's semantics, on Jinjava. Variables are given raw and templated lazily when
 * used (so {@code durations: "{{ item }}"} sees the current {@code item}); values wrapped in
 * {@link Literal} are never templated. A value that is exactly one {@code {{ expr }}} yields the
 * native value. Undefined variables raise {@link TemplateException} naming the variable. One
 * instance is shared by all threads.
 *
 * <p>Numbers in native results: integral values come back as Integer when they fit, else Long
 * (Jinjava computes in Long and BigDecimal); non-integral values as Double.
 */
public final class Templar {
  /** The value Ansible calls {@code omit}: a task argument equal to it is dropped. */
  public static final String OMIT = "__omit_place_holder__tightbeam";

  private static final Pattern LONE_EXPRESSION =
      Pattern.compile("\\s*\\{\\{-?(.*)-?\\}\\}\\s*", Pattern.DOTALL);

  /** An engine being built ahead of time by {@link #prepare}, for the next Templar to take. */
  private static final AtomicReference<CompletableFuture<Engine>> PREPARED = new AtomicReference<>();

  /** The engine {@link #prepare} started, or null until a template first needs one. */
  private volatile CompletableFuture<Engine> engine;
  /** Engines for template files, by whitespace control: index 2 * trimBlocks + lstripBlocks. */
  private final Engine[] fileEngines = new Engine[4];
  private final ThreadLocal<List<String>> warnings = ThreadLocal.withInitial(ArrayList::new);

  /** A Templar with the engine {@link #prepare} started, if any, else one built when first needed. */
  public Templar() {
    this.engine = PREPARED.getAndSet(null);
  }

  /**
   * Starts building the template engine on a background thread, for the next {@code new
   * Templar()} to take: Jinjava's set-up costs a few hundred milliseconds at start-up, which the
   * commands spend parsing their arguments, settings, inventory and playbook meanwhile.
   */
  public static void prepare() {
    CompletableFuture<Engine> future = new CompletableFuture<>();
    if (PREPARED.compareAndSet(null, future)) {
      Thread builder = new Thread(() -> {
        try {
          future.complete(new Engine());
        } catch (RuntimeException | LinkageError e) {
          future.completeExceptionally(e);
        }
      }, "tightbeam-template-setup");
      builder.setDaemon(true);
      builder.start();
    }
  }

  private Engine engine() {
    CompletableFuture<Engine> built = engine;
    if (built == null) {
      synchronized (this) {
        if (engine == null) {
          engine = CompletableFuture.completedFuture(new Engine());
        }
        built = engine;
      }
    }
    try {
      return built.join();
    } catch (java.util.concurrent.CompletionException e) {
      return new Engine(); // fails again, here, with the cause where it belongs
    }
  }

  /** Templates strings inside {@code value} (recursively through lists and maps). */
  public Object template(Object value, Map<String, Object> vars) {
    if (value instanceof String s && !isTemplate(s)) {
      return s;
    }
    Evaluation evaluation = new Evaluation(this::engine, vars);
    try {
      return walk(value, evaluation);
    } finally {
      collect(evaluation);
    }
  }

  private Object walk(Object value, Evaluation evaluation) {
    if (value instanceof Literal literal) {
      return literal.value();
    } else if (value instanceof String s) {
      return isTemplate(s) ? Pyish.plain(evaluation.templateString(s)) : s;
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
    if (conditional == null || conditional instanceof Boolean || conditional instanceof Number) {
      return Pyish.truthy(conditional);
    }
    if (conditional instanceof Literal literal) {
      return isTrue(literal.value(), vars);
    }
    String text = String.valueOf(conditional).strip();
    if (text.isEmpty()) {
      return true;
    }
    if (isTemplate(text)) {
      Object rendered = template(text, vars);
      if (!(rendered instanceof String s)) {
        return Pyish.truthy(rendered);
      }
      // Ansible evaluates the rendered text as an expression, so "False" is false.
      switch (s.strip().toLowerCase(Locale.ROOT)) {
        case "", "false", "no", "off", "0", "none" -> {
          return false;
        }
        case "true", "yes", "on", "1" -> {
          return true;
        }
        default -> text = s;
      }
    }
    return Pyish.truthy(evaluate(text, vars));
  }

  /**
   * Renders a template file as Ansible's {@code template} module does: always to text, with
   * Jinja2's {@code trim_blocks} (a block tag eats the newline after it; Ansible's default) and
   * {@code lstrip_blocks} (it eats the spaces before it) as asked.
   */
  public String renderFile(String text, Map<String, Object> vars, boolean trimBlocks, boolean lstripBlocks) {
    Engine fileEngine = fileEngine((trimBlocks ? 2 : 0) + (lstripBlocks ? 1 : 0));
    Evaluation evaluation = new Evaluation(() -> fileEngine, vars);
    try {
      return fileEngine.render(text, evaluation);
    } finally {
      collect(evaluation);
    }
  }

  private synchronized Engine fileEngine(int index) {
    if (fileEngines[index] == null) {
      fileEngines[index] = new Engine(index >= 2, index % 2 == 1);
    }
    return fileEngines[index];
  }

  /** Evaluates one bare expression ({@code debug: var=x}) to its native value. */
  public Object evaluate(String expression, Map<String, Object> vars) {
    Evaluation evaluation = new Evaluation(this::engine, vars);
    try {
      return Pyish.plain(engine().evaluate(expression, expression, evaluation));
    } finally {
      collect(evaluation);
    }
  }

  /**
   * Returns and forgets the warnings raised by templating on the calling thread (for example
   * {@code The 'finished' test expects an async task, but a non-async task was tested}).
   */
  public List<String> drainWarnings() {
    List<String> out = List.copyOf(warnings.get());
    warnings.get().clear();
    return out;
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

  /** {@code value} with the whitespace that surrounds the lone expression in {@code text}. */
  static String surrounding(String text, String value) {
    String trimmed = text.strip();
    String before = trimmed.startsWith("{{-") ? "" : text.substring(0, text.indexOf(trimmed));
    String after = trimmed.endsWith("-}}") ? "" : text.substring(text.indexOf(trimmed) + trimmed.length());
    return before.isEmpty() && after.isEmpty() ? value : before + value + after;
  }

  /** The expression of a string that is exactly one {@code {{ expr }}}, else null. */
  static String loneExpression(String text) {
    Matcher m = LONE_EXPRESSION.matcher(text);
    if (!m.matches()) {
      return null;
    }
    String inner = m.group(1);
    // A "}}" inside is fine: it closes a dict literal ({'a': {'b': 1}}), as Jinja2's lexer allows.
    if (inner.contains("{{") || inner.contains("{%") || inner.contains("{#")) {
      return null;
    }
    inner = inner.strip();
    // The greedy group swallows the "-" of a closing "-}}"; no expression ends in "-".
    return inner.endsWith("-") ? inner.substring(0, inner.length() - 1).strip() : inner;
  }
}
