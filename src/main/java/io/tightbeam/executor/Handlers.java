package io.tightbeam.executor;

import io.tightbeam.playbook.Block;
import io.tightbeam.playbook.Task;
import io.tightbeam.playbook.TaskItem;
import io.tightbeam.template.Templar;
import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The play's handlers (and its roles'): notified by name, by {@code role : name} or by {@code
 * listen} topic when a task changed something, run once per notified host at a flush point, in
 * the order they are written.
 */
final class Handlers {
  /** A handler with the scope it runs in (a role's handlers see the role's variables). */
  private record Entry(Task task, Scope scope) {}

  private final List<Entry> handlers = new ArrayList<>();
  private final Map<Entry, Set<HostState>> notified = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private final boolean errorOnMissing;
  private final boolean force;

  /**
   * {@code errorOnMissing}: Ansible's error_on_missing_handler (a typo must not go unnoticed);
   * {@code force}: force_handlers, under which a host that failed after a notification still runs
   * its handlers at the next flush (an unreachable one does not).
   */
  Handlers(List<TaskItem> items, boolean errorOnMissing, boolean force) {
    this.errorOnMissing = errorOnMissing;
    this.force = force;
    add(items, Scope.root(true));
  }

  /** Adds handlers (a role's), to run in {@code scope}. */
  void add(List<TaskItem> items, Scope scope) {
    for (TaskItem i : items) {
      if (i instanceof Task t) {
        handlers.add(new Entry(t, scope));
      } else if (i instanceof Block b) {
        add(b.block(), scope);
      }
    }
  }

  /**
   * Called on the result thread. Gives the names of the handlers this notification newly queued
   * for the host ({@code role : name} in a role), which Ansible shows at -vv.
   */
  List<String> notify(Object notify, HostState h, Templar templar) {
    List<String> names = TagSelection.tagsOf(notify instanceof String s ? List.of(s) : notify);
    List<String> queued = new java.util.ArrayList<>();
    for (String name : names) {
      boolean found = false;
      for (Entry e : handlers) {
        if (matches(e, name)) {
          if (notified.computeIfAbsent(e, k -> new LinkedHashSet<>()).add(h)) {
            String own = e.task().name() == null ? e.task().action() : e.task().name();
            queued.add(e.scope().role() == null ? own : e.scope().role().name() + " : " + own);
          }
          found = true;
        }
      }
      String missing = "The requested handler '" + name
          + "' was not found in either the main handlers list nor in the listening handlers list";
      if (!found && errorOnMissing) {
        throw new InputException(List.of(new Diagnostic(missing, "", null)), 1);
      } else if (!found) {
        warnings.add(missing);
      }
    }
    return queued;
  }

  private static boolean matches(Entry e, String name) {
    String own = e.task().name();
    if (name.equals(own)) {
      return true;
    }
    if (e.scope().role() != null && own != null && name.equals(e.scope().role().name() + " : " + own)) {
      return true;
    }
    Object listen = e.task().keywords().get("listen");
    return listen != null && TagSelection.tagsOf(listen instanceof String s ? List.of(s) : listen).contains(name);
  }

  /** Runs every notified handler for its hosts (those still in the play), then forgets them. */
  void flush(LinearStrategy strategy, PlayContext ctx) {
    warnings.forEach(ctx.listener()::warning);
    warnings.clear();
    for (Entry e : handlers) {
      Set<HostState> hosts = notified.remove(e);
      if (hosts == null) {
        continue;
      }
      List<HostState> active = hosts.stream()
          .filter(h -> h.active() || force && h.failed && !h.unreachable && !h.ended).toList();
      if (!active.isEmpty()) {
        strategy.dispatch(e.task(), e.scope(), active);
      }
    }
  }
}
