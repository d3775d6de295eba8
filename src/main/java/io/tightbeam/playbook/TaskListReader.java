package io.tightbeam.playbook;

import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.Pos;
import io.tightbeam.yaml.YamlDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the task lists of one file (a play's sections, a block's parts, a task file) into tasks and
 * blocks, expanding {@code import_tasks} in place. Problems go to the session; the bad item is left
 * out and reading goes on.
 */
final class TaskListReader {
  private final ParseSession session;
  private final YamlDocument doc;
  private final Path baseDir;

  TaskListReader(ParseSession session, YamlDocument doc, Path baseDir) {
    this.session = session;
    this.doc = doc;
    this.baseDir = baseDir;
  }

  /** Reads a whole task file; {@code from} is where it was asked for (for a missing file). */
  static List<TaskItem> readFile(ParseSession session, Path file, Pos from) {
    YamlDocument doc = session.load(file, from);
    if (doc == null) {
      return List.of();
    }
    session.enter(file);
    try {
      if (doc.root() != null && !(doc.root() instanceof List<?>)) {
        session.problem(doc.posOf(doc.root()), PlaybookParser.NOT_A_TASK_LIST);
        return List.of();
      }
      TaskListReader reader = new TaskListReader(session, doc, file.getParent());
      return reader.read(doc.root(), "tasks", doc.posOf(doc.root()));
    } finally {
      session.leave();
    }
  }

  /** Reads a task list; {@code section} names it in messages ("tasks", "a block", "rescue"). */
  List<TaskItem> read(Object value, String section, Pos owner) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      if (PLAY_SECTIONS.contains(section)) { // Ansible's play loader says more than its block loader
        session.problem(owner, "A malformed block was encountered while loading " + section + ": "
            + io.tightbeam.py.Py.str(value) + " should be a list or None but is " + loadedType(value));
      } else {
        malformed(section, "expected a list of tasks, found a " + PyType.of(value), owner);
      }
      return List.of();
    }
    List<TaskItem> items = new ArrayList<>();
    for (Object entry : list) {
      if (!(entry instanceof Map<?, ?> map)) {
        malformed(
            section,
            "expected a task or block, found a " + PyType.of(entry) + ": " + entry,
            doc.posOf(list));
        continue;
      }
      Pos pos = doc.posOf(map);
      Map<String, Object> ds = withStringKeys(map);
      if (Keywords.isBlock(ds)) {
        items.add(readBlock(ds, pos));
      } else {
        items.addAll(readTask(ds, pos));
      }
    }
    return Collections.unmodifiableList(items);
  }

  private Block readBlock(Map<String, Object> ds, Pos pos) {
    if (!ds.containsKey("block")) {
      String part = ds.containsKey("rescue") ? "rescue" : "always";
      session.problem(pos, "'" + part + "' keyword cannot be used without 'block'");
    }
    KeywordTypes.check(ds, pos, session);
    Map<String, Object> keywords = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : ds.entrySet()) {
      String key = e.getKey();
      if (!Keywords.BLOCK.contains(key)) {
        session.problem(pos, "'" + key + "' is not a valid attribute for a Block");
      } else if (!key.equals("block") && !key.equals("rescue") && !key.equals("always")) {
        keywords.put(key, e.getValue());
      }
    }
    normalizeVars(keywords, "Block", pos);
    return new Block(
        read(ds.get("block"), "a block", pos),
        read(ds.get("rescue"), "rescue", pos),
        read(ds.get("always"), "always", pos),
        Collections.unmodifiableMap(keywords),
        pos);
  }

  private List<TaskItem> readTask(Map<String, Object> ds, Pos pos) {
    ModuleArgs.Call call;
    try {
      call = ModuleArgs.parse(ds);
    } catch (BadInput e) {
      session.problem(pos, e.getMessage());
      return List.of();
    }
    KeywordTypes.check(ds, pos, session);
    Map<String, Object> keywords = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : ds.entrySet()) {
      String key = e.getKey();
      if (Keywords.isTaskKeyword(key)
          && !key.equals("action")
          && !key.equals("local_action")
          && !key.equals("args")) {
        keywords.put(key.equals("async_val") ? "async" : key, e.getValue());
      }
    }
    if (call.local()) {
      keywords.put("delegate_to", "localhost");
    }
    normalizeVars(keywords, "Task", pos);
    String action = call.action();
    if (Includes.isTaskInclude(action) || Includes.isRoleInclude(action)) {
      Includes.check(ds, action, call.args(), pos, session);
    }
    if (Keywords.isAction(action, "import_tasks")) {
      return Includes.expandImport(this, call.args(), keywords, pos, session);
    }
    if (Keywords.isAction(action, "include") && Includes.isStatic(call.args(), keywords, session)) {
      return Includes.expandStaticInclude(this, call.args(), keywords, pos, session);
    }
    return List.of(
        new Task(
            action,
            Collections.unmodifiableMap(call.args()),
            Collections.unmodifiableMap(keywords),
            baseDir,
            pos));
  }

  Path baseDir() {
    return baseDir;
  }

  private static final java.util.Set<String> PLAY_SECTIONS = java.util.Set.of("tasks", "pre_tasks", "post_tasks");

  /** The Python class of a value as Ansible's YAML loader made it. */
  private static String loadedType(Object value) {
    String plain = PyType.of(value);
    return switch (plain) {
      case "<class 'str'>" -> "<class 'ansible.parsing.yaml.objects.AnsibleUnicode'>";
      case "<class 'dict'>" -> "<class 'ansible.parsing.yaml.objects.AnsibleMapping'>";
      default -> plain;
    };
  }

  private void malformed(String section, String detail, Pos pos) {
    session.problem(
        new Diagnostic("A malformed block was encountered while loading " + section, detail, pos));
  }

  /** Ansible accepts {@code vars} as a mapping or a list of mappings (merged in order). */
  void normalizeVars(Map<String, Object> keywords, String kind, Pos pos) {
    if (!keywords.containsKey("vars")) {
      return;
    }
    try {
      keywords.put("vars", vars(keywords.get("vars"), kind));
    } catch (BadInput e) {
      session.problem(pos, e.getMessage());
      keywords.remove("vars");
    }
  }

  static Map<String, Object> vars(Object value, String kind) {
    Map<String, Object> vars = new LinkedHashMap<>();
    if (value == null) {
      return vars;
    }
    List<?> parts = value instanceof List<?> list ? list : List.of(value);
    for (Object part : parts) {
      if (!(part instanceof Map<?, ?> map)) {
        throw new BadInput(
            "Vars in a " + kind + " must be specified as a dictionary, or a list of dictionaries");
      }
      map.forEach((k, v) -> vars.put(String.valueOf(k), v));
    }
    return vars;
  }

  static Map<String, Object> withStringKeys(Map<?, ?> map) {
    Map<String, Object> ds = new LinkedHashMap<>();
    map.forEach((k, v) -> ds.put(String.valueOf(k), v));
    return ds;
  }
}
