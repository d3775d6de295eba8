package io.tightbeam.template;

import java.util.Map;

/**
 * Jinja2 with Ansible's semantics, on Jinjava. Variables are given raw and templated lazily when
 * used (so {@code durations: "{{ item }}"} sees the current {@code item}); values wrapped in
 * {@link Literal} are never templated. A value that is exactly one {@code {{ expr }}} yields the
 * native value. Undefined variables raise {@link TemplateException} naming the variable. One
 * instance is shared by all threads.
 */
public final class Templar {
  /** The value Ansible calls {@code omit}: a task argument equal to it is dropped. */
  public static final String OMIT = "__omit_place_holder__tightbeam";

  public Templar() {}

  /** Templates strings inside {@code value} (recursively through lists and maps). */
  public Object template(Object value, Map<String, Object> vars) {
    throw new UnsupportedOperationException("TODO(template helper)");
  }

  /**
   * Evaluates a conditional as Ansible's {@code when}/{@code until}/{@code failed_when}: a bare
   * expression string, a boolean, or a list of them (all must hold).
   */
  public boolean isTrue(Object conditional, Map<String, Object> vars) {
    throw new UnsupportedOperationException("TODO(template helper)");
  }

  /** Evaluates one bare expression ({@code debug: var=x}) to its native value. */
  public Object evaluate(String expression, Map<String, Object> vars) {
    throw new UnsupportedOperationException("TODO(template helper)");
  }

  /** Whether {@code text} holds Jinja2 markup ({@code {{}}, {@code {%}}, {@code {#}}). */
  public static boolean isTemplate(String text) {
    return text.contains("{{") || text.contains("{%") || text.contains("{#");
  }
}
