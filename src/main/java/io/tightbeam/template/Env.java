package io.tightbeam.template;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a filter, test or lookup may ask of the templating call it runs in: other filters and
 * tests (for {@code map}, {@code select}), the variables, rendering of a further template (the
 * {@code template} lookup), warnings, and where to look for files.
 */
interface Env {
  /** Applies the named filter (as {@code value | name(args)} would). */
  Object filter(String name, Object value, Args args);

  /** Applies the named test (as {@code value is name(args)} would). */
  boolean test(String name, Object value, Args args);

  /** A variable, templated as an expression would read it; an {@link Undefined} when absent. */
  Object variable(String name);

  /**
   * A variable as the vars lookup templates it: an undefined value its template meets fails at
   * once with its own message, not as an undefined naming the variable.
   */
  default Object variableAsIs(String name) {
    return variable(name);
  }

  /**
   * A variable untemplated, as Ansible gives a lookup plugin its {@code variables} (a value
   * holding {@code {{ }}} arrives as written); an {@link Undefined} when absent.
   */
  default Object rawVariable(String name) {
    return variable(name);
  }

  /** The names of all variables in scope. */
  java.util.Set<String> variableNames();

  /** Renders template text with the current variables (always to a String). */
  String render(String text, Map<String, Object> extraVars);

  /**
   * Renders a template file's text as the template lookup does: {@code options} are its syntax
   * options, which a {@code #jinja2:} first line overrides.
   */
  default String renderFile(String text, Map<String, Object> extraVars, Map<String, Object> options) {
    return render(FileSyntax.of(text, options).text(), extraVars);
  }

  /**
   * Python's class name of a value as type_debug shows it: a string may be Jinja2's
   * NativeJinjaText or Ansible's unsafe text, which this call knows by identity.
   */
  default String typeName(Object value) {
    return io.tightbeam.py.Py.typeName(value);
  }

  /** {@code text} marked as Jinja2's NativeJinjaText: a lone result keeps it as text. */
  default String nativeText(String text) {
    return text;
  }

  /**
   * {@code text} marked as markupsafe's Markup for the running template (escape and safe give it):
   * escaping it again leaves it, {@code +} escapes the other side; a fresh String, so that the
   * instance it was made from stays plain.
   */
  default String markup(String text) {
    return text;
  }

  /** Whether {@code value} is a Markup of the running template. */
  default boolean isMarkup(Object value) {
    return false;
  }

  /** Records a warning for the task's output. */
  void warn(String message);

  /**
   * Where lookups search for {@code subdir/name} as Ansible does: for a role, the role's
   * {@code subdir} and root, then the task file's dir and the playbook's dir (each with and
   * without {@code subdir}).
   */
  List<Path> searchPath(String subdir);

  /** The run's vault secrets (none when the run was given none). */
  default List<io.tightbeam.vault.VaultSecret> vaultSecrets() {
    return List.of();
  }
}
