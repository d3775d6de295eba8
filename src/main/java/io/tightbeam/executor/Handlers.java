package io.tightbeam.executor;

import io.tightbeam.playbook.Block;
import io.tightbeam.playbook.Task;
import io.tightbeam.playbook.TaskItem;
import io.tightbeam.template.Templar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The play's handlers: notified by name or {@code listen} topic when a task changed something,
 * run once per notified host at a flush point, in the order they are written.
 */
final class Handlers {
  private final List<Task> handlers = new ArrayList<>();
  private final Map<Task, Set<HostState>> notified = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  Handlers(List<TaskItem> items) {
    flatten(items, handlers);
  }

  private static void flatten(List<TaskItem> items, List<Task> out) {
    for (TaskItem i : items) {
      if (i instanceof Task t) {
        out.add(t);
      } else if (i instanceof Block b) {
        flatten(b.block(), out);
      }
    }
  }

  /** Called on the result thread. */
  void notify(Object notify, HostState h, Templar templar) {
    List<String> names = TagSelection.tagsOf(notify instanceof String s ? List.of(s) : notify);
    for (String name : names) {
      boolean found = false;
      for (Task handler : handlers) {
        if (name.equals(handler.name()) || listens(handler, name)) {
          notified.computeIfAbsent(handler, k -> new LinkedHashSet<>()).add(h);
          found = true;
        }
      }
      if (!found) {
        warnings.add("The requested handler '" + name + "' was not found in either the main handlers list nor in the listening handlers list");
      }
    }
  }

  private static boolean listens(Task handler, String topic) {
    Object listen = handler.keywords().get("listen");
    return listen != null && TagSelection.tagsOf(listen instanceof String s ? List.of(s) : listen).contains(topic);
  }

  /** Runs every notified handler for its hosts (those still in the play), then forgets them. */
  void flush(LinearStrategy strategy, PlayContext ctx) {
    warnings.forEach(ctx.listener()::warning);
    warnings.clear();
    for (Task handler : handlers) {
      Set<HostState> hosts = notified.remove(handler);
      if (hosts == null) {
        continue;
      }
      List<HostState> active = hosts.stream().filter(HostState::active).toList();
      if (!active.isEmpty()) {
        strategy.runTask(handler, Scope.root(true), active);
      }
    }
  }
}
