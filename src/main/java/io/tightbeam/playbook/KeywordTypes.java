package io.tightbeam.playbook;

import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.Pos;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The keyword values Ansible refuses while loading a play, block or task (wrong YAML types, names
 * it cannot use), and the play values it refuses before the play starts. Templated values are left
 * for the run.
 */
final class KeywordTypes {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> PYTHON_KEYWORDS = Set.of("False", "None", "True", "and", "as",
      "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
      "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
      "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");

  private KeywordTypes() {}

  /** Checks common to plays, blocks and tasks. */
  static void check(Map<String, Object> ds, Pos pos, ParseSession session) {
    for (String field : List.of("name", "register")) {
      Object v = ds.get(field);
      if (v instanceof Map || v instanceof List) {
        session.problem(pos, FieldValues.notString(field, v));
      }
    }
    if (ds.get("register") instanceof String name && !Keywords.isTemplated(name)
        && (!IDENTIFIER.matcher(name).matches() || PYTHON_KEYWORDS.contains(name))) {
      session.missing(new Diagnostic(
          "Invalid variable name in 'register' specified: '" + name + "'", "", null));
    }
    if (ds.get("tags") instanceof Map) {
      session.missing(Diagnostic.at(pos, "tags must be specified as a list"));
    }
  }

  /** A play's own values, which Ansible checks before the play runs. */
  static void checkPlay(Map<String, Object> ds, Pos pos, ParseSession session) {
    check(ds, pos, session);
    Object gather = ds.get("gather_facts");
    if (gather instanceof String g && !Keywords.isTemplated(g) && FieldValues.bool(g).isEmpty()) {
      session.problem(pos, FieldValues.notBool("gather_facts", g));
    }
    Object percent = ds.get("max_fail_percentage");
    if (percent instanceof String p && !Keywords.isTemplated(p) && !isFloat(p)) {
      session.problem(pos, "the field 'max_fail_percentage' has an invalid value (" + p
          + "), and could not be converted to an percent.The error was: could not convert string"
          + " to float: '" + p + "'");
    }
  }

  private static boolean isFloat(String text) {
    try {
      Double.parseDouble(text.strip().replace("_", ""));
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
