package io.tightbeam.executor;

import io.tightbeam.module.LibraryModule;
import io.tightbeam.module.Modules;
import io.tightbeam.playbook.Block;
import io.tightbeam.playbook.Play;
import io.tightbeam.playbook.Playbook;
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

  Plan(Modules modules) {
    this.modules = modules;
  }

  void check(List<Playbook> playbooks) {
    List<Diagnostic> problems = new ArrayList<>();
    for (Playbook pb : playbooks) {
      for (Play play : pb.plays()) {
        for (List<TaskItem> list : List.of(play.preTasks(), play.tasks(), play.postTasks(), play.handlers())) {
          check(list, play.baseDir(), problems);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems, 4);
    }
  }

  private void check(List<TaskItem> items, Path playDir, List<Diagnostic> problems) {
    for (TaskItem item : items) {
      if (item instanceof Block b) {
        check(b.block(), playDir, problems);
        check(b.rescue(), playDir, problems);
        check(b.always(), playDir, problems);
      } else if (item instanceof Task t) {
        checkTask(t, playDir, problems);
      }
    }
  }

  private void checkTask(Task t, Path playDir, List<Diagnostic> problems) {
    String action = Modules.shortName(t.action());
    boolean known = modules.remote(action).isPresent() || modules.action(action).isPresent()
        || ActionRunner.EXECUTOR_ACTIONS.contains(action)
        || LibraryModule.find(action, t.baseDir()).isPresent()
        || LibraryModule.find(action, playDir).isPresent();
    if (!known) {
      String msg = "couldn't resolve module/action '" + t.action()
          + "'. This often indicates a misspelling, missing collection, or incorrect module path.";
      String hint = modules.suggest(action, ActionRunner.EXECUTOR_ACTIONS)
          .map(s -> "Did you mean '" + s + "'?").orElse("");
      problems.add(new Diagnostic(msg, hint, t.pos()));
    }
    long loops = t.keywords().keySet().stream().filter(k -> k.equals("loop") || k.startsWith("with_")).count();
    if (loops > 1) {
      problems.add(Diagnostic.at(t.pos(), "The 'loop' keyword and 'with_' forms cannot be used together on one task"));
    }
  }
}
