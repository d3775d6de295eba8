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

/** Reads the plays of one playbook file, expanding {@code import_playbook} entries in place. */
final class PlayReader {
  private static final List<String> SECTIONS =
      List.of("hosts", "vars", "vars_files", "pre_tasks", "tasks", "post_tasks", "handlers");

  private final ParseSession session;

  PlayReader(ParseSession session) {
    this.session = session;
  }

  List<Play> readFile(Path file, Pos from) {
    YamlDocument doc = session.load(file, from);
    if (doc == null) {
      return List.of();
    }
    session.enter(file);
    try {
      return readPlays(doc, file.getParent());
    } finally {
      session.leave();
    }
  }

  private List<Play> readPlays(YamlDocument doc, Path baseDir) {
    Object root = doc.root();
    Pos filePos = Pos.unknown(doc.file());
    if (root == null) {
      session.problem(filePos, "Empty playbook, nothing to do: " + doc.file());
      return List.of();
    }
    if (!(root instanceof List<?> entries)) {
      session.problem(
          doc.posOf(root),
          "A playbook must be a list of plays, got a "
              + PyType.of(root)
              + " instead: "
              + doc.file());
      return List.of();
    }
    if (entries.isEmpty()) {
      session.problem(new Diagnostic(
          "A playbook must contain at least one play: " + doc.file(), "", null));
      return List.of();
    }
    List<Play> plays = new ArrayList<>();
    TaskListReader tasks = new TaskListReader(session, doc, baseDir);
    for (Object entry : entries) {
      if (!(entry instanceof Map<?, ?> map)) {
        session.problem(
            doc.posOf(entries),
            "playbook entries must be either valid plays or 'import_playbook' statements");
        continue;
      }
      Pos pos = doc.posOf(map);
      Map<String, Object> ds = TaskListReader.withStringKeys(map);
      String importKey = importKey(ds, pos);
      if (importKey != null) {
        plays.addAll(readImport(ds, importKey, baseDir, pos));
      } else {
        Play play = readPlay(ds, tasks, baseDir, pos);
        checkRoles(ds.get("roles"), doc, baseDir, pos);
        checkVarsPrompt(ds.get("vars_prompt"), doc, pos);
        plays.add(play);
      }
    }
    return plays;
  }

  private Play readPlay(Map<String, Object> ds, TaskListReader tasks, Path baseDir, Pos pos) {
    Map<String, Object> keywords = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : ds.entrySet()) {
      if (!Keywords.PLAY.contains(e.getKey())) {
        session.problem(pos, "'" + e.getKey() + "' is not a valid attribute for a Play");
      } else if (!SECTIONS.contains(e.getKey())) {
        keywords.put(e.getKey(), e.getValue());
      }
    }
    checkHosts(ds, pos);
    KeywordTypes.checkPlay(ds, pos, session);
    if (keywords.containsKey("user")) { // Ansible's old name for remote_user
      Object user = keywords.remove("user");
      if (keywords.containsKey("remote_user")) {
        session.problem(pos, "both 'user' and 'remote_user' are set for this play. The use of 'user' is"
            + " deprecated, and should be removed");
      } else {
        keywords.put("remote_user", user);
      }
    }

    Map<String, Object> vars = Map.of();
    try {
      vars = TaskListReader.vars(ds.get("vars"), "Play");
    } catch (BadInput e) {
      session.problem(pos, e.getMessage());
    }
    Object varsFiles = ds.get("vars_files");
    List<Object> files =
        varsFiles == null
            ? List.of()
            : varsFiles instanceof List<?> list ? new ArrayList<>(list) : List.of(varsFiles);
    return new Play(
        ds.get("hosts"),
        Collections.unmodifiableMap(keywords),
        Collections.unmodifiableMap(vars),
        Collections.unmodifiableList(files),
        tasks.read(ds.get("pre_tasks"), "pre_tasks", pos),
        tasks.read(ds.get("tasks"), "tasks", pos),
        tasks.read(ds.get("post_tasks"), "post_tasks", pos),
        tasks.read(ds.get("handlers"), "handlers", pos),
        baseDir,
        pos);
  }

  private void checkHosts(Map<String, Object> ds, Pos pos) {
    if (!ds.containsKey("hosts")) {
      session.problem(pos, "the field 'hosts' is required but was not set");
      return;
    }
    Object hosts = ds.get("hosts");
    if (hosts == null || "".equals(hosts) || (hosts instanceof List<?> l && l.isEmpty())) {
      session.problem(new Diagnostic(HostsField.EMPTY, "", null)); // Ansible gives no place
    } else if (HostsField.blank(hosts)) {
      session.problem(pos, HostsField.BLANK);
    } else if (hosts instanceof List<?> list) {
      for (Object host : list) {
        if (host == null) {
          session.problem(
              pos, "Hosts list cannot contain values of 'None'. Please check your playbook");
        } else if (!(host instanceof String)) {
          session.problem(pos, "Hosts list contains an invalid host value: '" + host + "'");
        }
      }
    } else if (!(hosts instanceof String)) {
      session.problem(pos, "Hosts list must be a sequence or string. Please check your playbook.");
    }
  }

  /**
   * A play's {@code roles}: a list whose roles exist. Ansible loads them while parsing, so a missing
   * one stops the run before any play, with exit code 1.
   */
  private void checkVarsPrompt(Object prompts, YamlDocument doc, Pos pos) {
    List<?> entries = prompts instanceof List<?> l ? l : prompts == null ? List.of() : List.of(prompts);
    for (Object entry : entries) {
      if (entry instanceof Map<?, ?> m && !m.containsKey("name")) {
        Pos at = doc.posOf(prompts); // Ansible points at the list, not the entry
        session.problem(at.line() > 0 ? at : pos, "Invalid vars_prompt data structure, missing 'name' key");
      }
    }
  }

  private void checkRoles(Object roles, YamlDocument doc, Path baseDir, Pos pos) {
    if (roles == null) {
      return;
    }
    if (!(roles instanceof List<?> list)) {
      session.problem(pos, "A malformed role declaration was encountered.");
      return;
    }
    for (Object entry : list) {
      Object name = entry instanceof Map<?, ?> m ? (m.containsKey("role") ? m.get("role") : m.get("name")) : entry;
      if (!(name instanceof String role) || Keywords.isTemplated(role)) {
        continue;
      }
      if (!(entry instanceof Map) && role.contains(",")) { // role,version,name: Ansible 1.x's form
        session.missing(new Diagnostic("Invalid old style role requirement: " + role, "", null));
        continue;
      }
      if (session.roles().find(role, baseDir, baseDir).isEmpty()) {
        Pos at = doc.posOf(entry);
        session.missing(Diagnostic.at(at.line() > 0 ? at : pos, session.roles().notFound(role, baseDir, baseDir)));
      }
    }
  }

  private String importKey(Map<String, Object> ds, Pos pos) {
    for (String key : ds.keySet()) {
      if (Keywords.isAction(key, "import_playbook")) {
        return key;
      }
    }
    if (ds.containsKey("include") && !ds.containsKey("hosts")) {
      session.warn(
          pos,
          "'include' for playbook includes is deprecated. You should use 'import_playbook'"
              + " instead");
      return "include";
    }
    return null;
  }

  /**
   * {@code - import_playbook: other.yml} with optional {@code vars}, {@code tags}, {@code when}.
   */
  private List<Play> readImport(Map<String, Object> ds, String key, Path baseDir, Pos pos) {
    for (String other : ds.keySet()) {
      if (!other.equals(key) && !Keywords.PLAYBOOK_IMPORT.contains(other)) {
        session.problem(pos, "'" + other + "' is not a valid attribute for a PlaybookInclude");
      }
    }
    if (!(ds.get(key) instanceof String spec) || spec.isBlank()) {
      session.problem(
          pos,
          "playbook import parameter must be a string indicating a file path, got "
              + PyType.of(ds.get(key))
              + " instead");
      return List.of();
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    String file;
    try {
      Map<String, Object> words = ArgSplitter.parseKeyValues(spec, false);
      if (!(words.remove("_raw_params") instanceof String name)) {
        session.problem(pos, "import_playbook names no file: '" + spec + "'");
        return List.of();
      }
      file = name;
      vars.putAll(words); // the old "import_playbook: x.yml a=1" form
      vars.putAll(TaskListReader.vars(ds.get("vars"), "PlaybookInclude"));
    } catch (IllegalArgumentException | BadInput e) {
      session.problem(pos, e.getMessage());
      return List.of();
    }
    if (file.contains("{{") || file.contains("{%")) {
      session.problem(
          new Diagnostic(
              "import_playbook with a templated file name is not supported: '" + file + "'",
              "",
              pos));
      return List.of();
    }
    List<Play> plays = readFile(baseDir.resolve(file).normalize(), pos);
    List<Play> result = new ArrayList<>();
    for (Play play : plays) {
      result.add(ImportedPlay.apply(play, vars, ds.get("tags"), ds.get("when")));
    }
    return result;
  }
}
