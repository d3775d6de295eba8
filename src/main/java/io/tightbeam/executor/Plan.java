package io.tightbeam.executor;

import io.tightbeam.module.LibraryModule;
import io.tightbeam.module.Modules;
import io.tightbeam.playbook.Block;
import io.tightbeam.playbook.Play;
import io.tightbeam.playbook.Playbook;
import io.tightbeam.playbook.PlaybookParser;
import io.tightbeam.playbook.RoleSearch;
import io.tightbeam.playbook.Task;
import io.tightbeam.playbook.TaskItem;
import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a whole run before any host is touched: every action resolves to a module or action,
 * loops are not given twice. Reports every problem at once.
 */
final class Plan {
  private final Modules modules;
  private final RoleSearch roleSearch;
  private final List<Path> configuredLibraries;

  Plan(Modules modules, RoleSearch roleSearch, List<Path> configuredLibraries) {
    this.modules = modules;
    this.roleSearch = roleSearch;
    this.configuredLibraries = configuredLibraries;
  }

  void check(List<Playbook> playbooks) {
    List<Diagnostic> problems = new ArrayList<>();
    List<Diagnostic> errors = new ArrayList<>();
    for (Playbook pb : playbooks) {
      for (Play play : pb.plays()) {
        List<Path> libraries = libraries(play);
        for (List<TaskItem> list : List.of(play.preTasks(), play.tasks(), play.postTasks(), play.handlers())) {
          check(list, libraries, problems, errors);
        }
      }
    }
    // Ansible stops on a bad action while parsing (exit code 4), on a bad meta action when the
    // task comes (1); both are found here, before any host.
    if (!problems.isEmpty()) {
      throw new InputException(problems, 4);
    }
    if (!errors.isEmpty()) {
      throw new InputException(errors, 1);
    }
  }

  /**
   * Whether a task the playbooks hold (includes not read yet aside) has {@code async}: then the
   * run opens the job registry from its start, not at its first launch.
   */
  static boolean launchesJobs(List<Playbook> playbooks) {
    return playbooks.stream().flatMap(pb -> pb.plays().stream())
        .flatMap(play -> java.util.stream.Stream.of(play.preTasks(), play.tasks(), play.postTasks(), play.handlers()))
        .anyMatch(Plan::hasAsync);
  }

  private static boolean hasAsync(List<TaskItem> items) {
    for (TaskItem item : items) {
      if (item instanceof Block b && (hasAsync(b.block()) || hasAsync(b.rescue()) || hasAsync(b.always()))
          || item instanceof Task t && t.keywords().get("async") != null
              && !Integer.valueOf(0).equals(t.keywords().get("async"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The module folders a play's tasks may use: the play's {@code library/} and those of the roles
   * it lists (Ansible adds a role's when it loads the role, before any task runs).
   */
  private List<Path> libraries(Play play) {
    List<Path> dirs = new ArrayList<>(List.of(play.baseDir().resolve("library")));
    dirs.addAll(configuredLibraries);
    if (play.keywords().get("roles") instanceof List<?> roles) {
      for (Object role : roles) {
        Object name = role instanceof java.util.Map<?, ?> m ? (m.containsKey("role") ? m.get("role") : m.get("name")) : role;
        if (name != null && !Keywords.isTemplated(name)) {
          roleSearch.find(name.toString(), play.baseDir(), play.baseDir())
              .ifPresent(dir -> dirs.add(dir.resolve("library")));
        }
      }
    }
    return dirs;
  }

  private void check(List<TaskItem> items, List<Path> libraries, List<Diagnostic> problems,
      List<Diagnostic> errors) {
    for (TaskItem item : items) {
      if (item instanceof Block b) {
        check(b.block(), libraries, problems, errors);
        check(b.rescue(), libraries, problems, errors);
        check(b.always(), libraries, problems, errors);
      } else if (item instanceof Task t) {
        checkTask(t, libraries, problems);
        if (Modules.shortName(t.action()).equals("meta") && !Keywords.isTemplated(Meta.action(t))
            && !Meta.ACTIONS.contains(Meta.action(t))) {
          errors.add(Diagnostic.at(t.pos(), "invalid meta action requested: " + Meta.action(t)));
        }
      }
    }
  }

  private void checkTask(Task t, List<Path> libraries, List<Diagnostic> problems) {
    String action = Modules.shortName(t.action());
    // a templated action ({{ prefix }}file) is Ansible's action field: templated when the task runs
    boolean known = Keywords.isTemplated(action) || modules.remote(action).isPresent() || modules.action(action).isPresent()
        || ActionRunner.EXECUTOR_ACTIONS.contains(action)
        || LibraryModule.find(action, t.baseDir()).isPresent()
        || LibraryModule.findIn(action, libraries).isPresent();
    if (!known) {
      String msg = "couldn't resolve module/action '" + t.action()
          + "'. This often indicates a misspelling, missing collection, or incorrect module path.";
      String hint = modules.suggest(action, ActionRunner.EXECUTOR_ACTIONS)
          .map(s -> "Did you mean '" + s + "'?").orElse("");
      problems.add(new Diagnostic(msg, hint, t.pos()));
    } else if (PlaybookParser.extraParams(t) != null) {
      problems.add(Diagnostic.at(t.pos(), PlaybookParser.extraParams(t)));
    }
    long loops = t.keywords().keySet().stream().filter(k -> k.equals("loop") || k.startsWith("with_")).count();
    if (loops > 1) {
      problems.add(Diagnostic.at(t.pos(), "The 'loop' keyword and 'with_' forms cannot be used together on one task"));
    }
  }
}
