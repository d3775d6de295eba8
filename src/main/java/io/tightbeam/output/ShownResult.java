package io.tightbeam.output;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A result prepared for the screen the way Ansible's callbacks prepare it: a private deep copy
 * without {@code failed}/{@code skipped}, debug results reduced to what debug meant to show,
 * warnings and exceptions printed on their own lines, and internal keys kept out of the JSON.
 */
final class ShownResult {
  static final String CENSORED =
      "the output has been hidden due to the fact that 'no_log: true' was specified for this result";
  private static final Set<String> NO_JSON =
      Set.of("command", "shell", "raw", "win_command", "win_shell");
  private static final Set<String> DEBUG_KEEP = Set.of("msg", "exception", "warnings", "deprecations");
  private static final List<String> DEBUG_HIDE =
      List.of("changed", "failed", "skipped", "invocation", "skip_reason");

  private final Map<String, Object> map;
  private final String action;
  private final boolean verboseAlways;
  private final boolean verboseOverride;

  private ShownResult(Map<String, Object> map, String action, boolean debugOk) {
    this.map = map;
    this.action = action;
    this.verboseAlways = Boolean.TRUE.equals(map.get("_ansible_verbose_always")) || debugOk;
    this.verboseOverride =
        Boolean.TRUE.equals(map.get("_ansible_verbose_override"))
            || (!map.containsKey("_ansible_verbose_override")
                && ("setup".equals(action) || "gather_facts".equals(action)));
  }

  /**
   * {@code okOutcome}: the result is an ok/changed outcome; debug marks those "always verbose"
   * (Ansible's debug action sets {@code _ansible_verbose_always}).
   */
  static ShownResult of(Map<String, Object> result, String action, boolean okOutcome) {
    String a = shortAction(action);
    Map<String, Object> copy = copyMap(result == null ? Map.of() : result);
    copy.remove("failed");
    copy.remove("skipped");
    boolean debug = "debug".equals(a);
    if (debug) {
      copy.remove("invocation");
    }
    // a censored result has lost debug's "always verbose" mark, so it prints one line
    return new ShownResult(copy, a, debug && okOutcome && !copy.containsKey("censored"));
  }

  static String shortAction(String action) {
    if (action == null) {
      return "";
    }
    for (String prefix : List.of("ansible.builtin.", "ansible.legacy.", "ansible.windows.")) {
      if (action.startsWith(prefix)) {
        return action.substring(prefix.length());
      }
    }
    return action;
  }

  /** include_tasks/include_role: their ok result prints nothing; the included line says it all. */
  boolean include() {
    return action.equals("include_tasks") || action.equals("include_role") || action.equals("include");
  }

  Map<String, Object> map() {
    return map;
  }

  Object get(String key) {
    return map.get(key);
  }

  boolean changed() {
    return PyText.truthy(map.get("changed"));
  }

  boolean has(String key) {
    return map.containsKey(key);
  }

  /** {@code command}, {@code shell}, {@code raw}: ad hoc shows their text, not JSON. */
  boolean noJsonModule() {
    return NO_JSON.contains(action);
  }

  /** Shown with {@code => {json}}: at a verbosity above {@code threshold}, or always for debug. */
  boolean verbose(int verbosity, int threshold) {
    return (verbosity > threshold || verboseAlways) && !verboseOverride;
  }

  /** Ansible's {@code _clean_results}: debug shows its msg alone, or its variable alone. */
  ShownResult cleanForDebug() {
    if (!"debug".equals(action)) {
      return this;
    }
    if (map.containsKey("msg")) {
      map.keySet().removeIf(k -> !DEBUG_KEEP.contains(k) && !k.startsWith("_"));
    } else {
      DEBUG_HIDE.forEach(map::remove);
    }
    return this;
  }

  /** Prints and removes {@code warnings} and {@code deprecations}, as Ansible does. */
  ShownResult showWarnings(Display display) {
    if (map.get("warnings") instanceof Collection<?> ws && !ws.isEmpty()) {
      ws.forEach(w -> display.warning(PyText.str(w)));
      map.remove("warnings");
    }
    if (map.get("deprecations") instanceof Collection<?> ds && !ds.isEmpty()) {
      for (Object d : ds) {
        if (d instanceof Map<?, ?> m) {
          display.deprecated(
              PyText.str(m.get("msg")), text(m.get("version")), text(m.get("date")),
              text(m.get("collection_name")));
        } else {
          display.deprecated(PyText.str(d), null, null, null);
        }
      }
      map.remove("deprecations");
    }
    return this;
  }

  /** The "An exception occurred" line; at -vvv the full traceback, which then leaves the result. */
  ShownResult showException(Display display, boolean toStderr) {
    if (!map.containsKey("exception")) {
      return this;
    }
    String exc = PyText.str(map.get("exception"));
    String msg;
    if (display.verbosity() < 3) {
      String[] lines = exc.strip().split("\n", -1);
      msg = "An exception occurred during task execution. To see the full traceback, use -vvv."
          + " The error was: " + lines[lines.length - 1];
    } else {
      msg = "The full traceback is:\n" + exc;
      map.remove("exception");
    }
    display.display(msg, Color.ERROR, toStderr);
    return this;
  }

  /** The loop item's label as {@code (item=...)} shows it. */
  String itemLabel(Object item) {
    if (Boolean.TRUE.equals(map.get("_ansible_no_log"))) {
      return "(censored due to no_log)";
    }
    if (map.containsKey("censored")) {
      // Ansible's censored copy keeps no label, so it prints None
      return "None";
    }
    if (item != null) {
      return PyText.str(item);
    }
    Object label = map.containsKey("_ansible_item_label") ? map.get("_ansible_item_label") : map.get("item");
    return PyText.str(label);
  }

  /** Ansible's {@code _dump_results}: indent 4 for debug or at -vvv unless given. */
  String dump(int verbosity, Integer indent) {
    Integer ind = indent;
    if ((ind == null || ind == 0) && (verboseAlways || verbosity > 2)) {
      ind = 4;
    }
    return PyJson.dumps(abridged(verbosity), ind, false);
  }

  /**
   * Ansible's {@code _dump_results} under the callback's {@code result_format} and {@code
   * pretty_results}: pretty means indented; yaml is pretty unless told not to be, and then
   * (lossy) leaves out stdout_lines/stderr_lines beside stdout/stderr.
   */
  String dump(int verbosity, Integer indent, CallbackOptions o) {
    Boolean pretty = o.prettyResults();
    Integer ind = indent;
    if ((ind == null || ind == 0) && (verboseAlways || (pretty == null && o.yaml())
        || Boolean.TRUE.equals(pretty) || verbosity > 2)) {
      ind = 4;
    }
    if (Boolean.FALSE.equals(pretty)) {
      ind = null;
    }
    Map<String, Object> shown = abridged(verbosity);
    if (!o.yaml()) {
      return PyJson.dumps(shown, ind, false);
    }
    boolean lossy = pretty == null || pretty;
    if (lossy) {
      for (String stream : List.of("stdout", "stderr")) {
        if (shown.containsKey(stream) && shown.containsKey(stream + "_lines")) {
          shown.put(stream + "_lines", "<omitted>");
        }
      }
    }
    String pad = " ".repeat(ind == null ? 4 : ind);
    StringBuilder text = new StringBuilder("\n");
    // Python's textwrap.indent: lines of whitespace only stay as they are
    for (String line : PyYaml.dump(shown, ind == null ? 2 : ind, lossy).split("(?<=\n)")) {
      text.append(line.isBlank() ? line : pad + line);
    }
    return text.toString();
  }

  Map<String, Object> abridged(int verbosity) {
    Map<String, Object> out = stripInternal(map, Set.of());
    if (verbosity < 3) {
      out.remove("invocation");
      out.remove("diff");
    }
    out.remove("exception");
    return out;
  }

  /** Removes {@code _ansible_*} keys at every depth, except those in {@code keep}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> stripInternal(Map<String, Object> m, Set<String> keep) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach(
        (k, v) -> {
          if (!k.startsWith("_ansible_") || keep.contains(k)) {
            out.put(k, stripValue(v, keep));
          }
        });
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object stripValue(Object v, Set<String> keep) {
    if (v instanceof Map<?, ?> m) {
      return stripInternal((Map<String, Object>) m, keep);
    }
    if (v instanceof Collection<?> c) {
      List<Object> l = new ArrayList<>();
      c.forEach(o -> l.add(stripValue(o, keep)));
      return l;
    }
    return v;
  }

  static Map<String, Object> copyMap(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), copyValue(v)));
    return out;
  }

  private static Object copyValue(Object v) {
    if (v instanceof Map<?, ?> m) {
      return copyMap(m);
    }
    if (v instanceof Collection<?> c) {
      List<Object> l = new ArrayList<>();
      c.forEach(o -> l.add(copyValue(o)));
      return l;
    }
    if (v instanceof Object[] a) {
      List<Object> l = new ArrayList<>();
      for (Object o : a) {
        l.add(copyValue(o));
      }
      return l;
    }
    return v;
  }

  private static String text(Object o) {
    return o == null ? null : PyText.str(o);
  }
}
