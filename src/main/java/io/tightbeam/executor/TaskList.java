package io.tightbeam.executor;

import io.tightbeam.module.Modules;
import io.tightbeam.playbook.Block;
import io.tightbeam.playbook.Play;
import io.tightbeam.playbook.PlaybookParser;
import io.tightbeam.playbook.RoleSearch;
import io.tightbeam.playbook.Task;
import io.tightbeam.playbook.TaskItem;
import io.tightbeam.template.Templar;
import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A play's tasks as ansible-playbook's {@code --list-tasks} and {@code --list-tags} see them: the
 * play compiled (pre_tasks, its roles with their dependencies first, tasks, post_tasks), an
 * import_role's tasks in its place, includes as the include task itself, and of a block only its
 * own tasks (Ansible lists no rescue or always).
 */
public final class TaskList {
  /** One listed task: its name as shown and the tags it has with those it inherits (not the play's). */
  public record Entry(String name, List<String> tags) {}

  private final PlaybookParser parser;
  private final RoleSearch search;
  private final Templar templar;

  public TaskList(PlaybookParser parser, List<String> rolesPath, Templar templar) {
    this.parser = parser;
    this.search = new RoleSearch(rolesPath);
    this.templar = templar;
  }

  /**
   * The play's tasks in run order; {@code vars} template role names, which are looked for beside
   * the play, then in {@code playbookDir} (the top playbook's folder).
   */
  public List<Entry> of(Play play, Map<String, Object> vars, Path playbookDir) {
    List<Entry> out = new ArrayList<>();
    Walk walk = new Walk(play, vars, playbookDir, out);
    walk.items(play.preTasks(), null, List.of(), play.baseDir());
    if (play.keywords().get("roles") instanceof List<?> roles) {
      for (Object entry : roles) {
        walk.role(entry, List.of(), play.baseDir());
      }
    }
    walk.items(play.tasks(), null, List.of(), play.baseDir());
    walk.items(play.postTasks(), null, List.of(), play.baseDir());
    return out;
  }

  private final class Walk {
    private final Play play;
    private final Map<String, Object> vars;
    private final Path playbookDir;
    private final List<Entry> out;

    Walk(Play play, Map<String, Object> vars, Path playbookDir, List<Entry> out) {
      this.play = play;
      this.vars = vars;
      this.playbookDir = playbookDir;
      this.out = out;
    }

    void items(List<TaskItem> items, String role, List<String> tags, Path relativeTo) {
      for (TaskItem item : items) {
        if (item instanceof Block b) {
          items(b.block(), role, with(tags, b.keywords().get("tags")), relativeTo);
        } else if (item instanceof Task t && Modules.shortName(t.action()).equals("import_role")) {
          Map<String, Object> entry = new LinkedHashMap<>(t.args());
          entry.put("tags", with(with(tags, t.keywords().get("tags")), null));
          role(entry, List.of(), relativeTo);
        } else if (item instanceof Task t) {
          String name = t.name() == null || t.name().isBlank() ? t.action()
              : role == null ? t.name() : role + " : " + t.name();
          out.add(new Entry(name, with(tags, t.keywords().get("tags"))));
        }
      }
    }

    /** A role entry ({@code roles:} item, dependency or import_role's arguments) and its dependencies. */
    void role(Object entry, List<String> tags, Path relativeTo) {
      Map<String, Object> spec = new LinkedHashMap<>();
      if (entry instanceof Map<?, ?> m) {
        m.forEach((k, v) -> spec.put(String.valueOf(k), v));
      } else {
        spec.put("role", entry);
      }
      Object name = spec.containsKey("role") ? spec.get("role") : spec.get("name");
      Path path = find(String.valueOf(templar.template(name, vars)), relativeTo);
      String roleName = path.getFileName().toString();
      List<String> roleTags = with(tags, spec.get("tags"));
      Path metaFile = Roles.yamlFile(path.resolve("meta"), "main");
      Map<String, Object> meta = new LinkedHashMap<>();
      if (metaFile != null && parser.loadData(metaFile) instanceof Map<?, ?> m) {
        m.forEach((k, v) -> meta.put(String.valueOf(k), v));
      }
      if (meta.get("dependencies") instanceof List<?> deps) {
        for (Object dep : deps) {
          role(dep, roleTags, path.getParent());
        }
      }
      String from = spec.get("tasks_from") == null ? null : String.valueOf(spec.get("tasks_from"));
      List<TaskItem> items = new ArrayList<>();
      Task validation = Roles.validation(parser, new Roles.Call(roleName, path, Map.of(), Map.of(), from, null, null, null), meta);
      if (validation != null) {
        items.add(validation);
      }
      for (Path file : RoleFiles.of(path, roleName, "tasks", from, false)) {
        items.addAll(parser.parseTaskFile(file, true));
      }
      items(items, roleName, roleTags, path);
    }

    private Path find(String name, Path relativeTo) {
      return search.find(name, play.baseDir(), relativeTo)
          .or(() -> search.find(name, playbookDir, relativeTo))
          .orElseThrow(() -> new InputException(List.of(
              new Diagnostic(search.notFound(name, play.baseDir(), relativeTo), "", null)), 1));
    }
  }

  private static List<String> with(List<String> tags, Object raw) {
    List<String> all = new ArrayList<>(tags);
    all.addAll(TagSelection.tagsOf(raw));
    return all;
  }
}
