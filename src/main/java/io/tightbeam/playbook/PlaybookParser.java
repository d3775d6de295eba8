package io.tightbeam.playbook;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads playbooks and task files (YAML 1.1) into the immutable model, keeping every node's
 * position. Reports all problems of a file together as an {@code InputException}.
 */
public final class PlaybookParser {
  /** Parses a playbook, expanding {@code import_playbook} and {@code import_tasks}. */
  public Playbook parsePlaybook(Path file) {
    throw new UnsupportedOperationException("TODO(playbook helper)");
  }

  /** Parses a task file (for {@code include_tasks} at run time and {@code import_tasks}). */
  public List<TaskItem> parseTaskFile(Path file) {
    throw new UnsupportedOperationException("TODO(playbook helper)");
  }
}
