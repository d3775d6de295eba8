package io.tightbeam.module;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ansible's {@code set_fact}: every argument but {@code cacheable} becomes a host fact. Strings
 * that spell a boolean ({@code yes}, {@code False}...) become booleans unless jinja2_native is on.
 */
final class SetFactAction implements ControllerAction {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> PYTHON_KEYWORDS =
      Set.of(
          "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
          "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
          "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
          "return", "try", "while", "with", "yield");

  @Override
  public String name() {
    return "set_fact";
  }

  @Override
  public Map<String, Object> run(Map<String, Object> args, ActionContext context) {
    Map<String, Object> facts = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : args.entrySet()) {
      if (e.getKey().equals("cacheable")) {
        continue;
      }
      if (!isIdentifier(e.getKey())) {
        throw new ModuleArgumentException(invalidName(e.getKey()));
      }
      // with jinja2_native a string stays a string, as Ansible's set_fact keeps it
      facts.put(e.getKey(), context.jinja2Native() ? e.getValue() : booleanWord(e.getValue()));
    }
    if (facts.isEmpty()) {
      throw new ModuleArgumentException(
          "No key/value pairs provided, at least one is required for this action to succeed");
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("ansible_facts", facts);
    r.put("changed", false);
    if (Boolean.TRUE.equals(booleanWord(args.get("cacheable")))) {
      r.put("_ansible_facts_cacheable", true);
    }
    return r;
  }

  /** Python's isidentifier for ASCII names, keywords excluded (Ansible's variable name rule). */
  static boolean isIdentifier(String name) {
    return NAME.matcher(name).matches() && !PYTHON_KEYWORDS.contains(name);
  }

  static String invalidName(String name) {
    return "The variable name '" + name + "' is not valid. Variables must start with a letter or"
        + " underscore character, and contain only letters, numbers and underscores.";
  }

  private static Object booleanWord(Object value) {
    if (value instanceof String s) {
      String word = s.toLowerCase(Locale.ROOT);
      if (word.equals("true") || word.equals("yes")) {
        return true;
      }
      if (word.equals("false") || word.equals("no")) {
        return false;
      }
    }
    return value;
  }
}
