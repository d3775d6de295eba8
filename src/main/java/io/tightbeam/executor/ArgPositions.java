package io.tightbeam.executor;

import io.tightbeam.playbook.Task;
import io.tightbeam.yaml.Pos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an argument's value was written, for errors Ansible places there (its YAML strings keep
 * their position): the model keeps the task's position only, so the task's lines are read again
 * for a block-style {@code key: value} below it. Null when there is none: a {@code k=v} value
 * has no position of its own in Ansible either, and its error then names no place.
 */
final class ArgPositions {
  private static final Pattern KEY = Pattern.compile("^(\\s*)([A-Za-z_]+):[ \\t]+(\\S)");
  /** A task's arguments sit within a few lines of its start. */
  private static final int LINES = 40;

  private ArgPositions() {}

  static Pos valueOf(Task t, String... keys) {
    Pos task = t.pos();
    if (task == null || task.line() <= 0 || task.file() == null) {
      return null;
    }
    try {
      List<String> lines = Files.readAllLines(Path.of(task.file()));
      for (int i = task.line(); i <= Math.min(lines.size(), task.line() + LINES); i++) {
        Matcher m = KEY.matcher(lines.get(i - 1));
        if (i > task.line() && m.find() && m.group(1).length() < task.column() - 1) {
          break; // back at the task's own level or above: the next task
        }
        if (m.find(0) && List.of(keys).contains(m.group(2)) && m.group(1).length() >= task.column() - 1) {
          return new Pos(task.file(), i, m.start(3) + 1);
        }
      }
    } catch (IOException | RuntimeException e) {
      return null; // the file went away: the message alone, as for a k=v value
    }
    return null;
  }
}
