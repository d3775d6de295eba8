package io.tightbeam.executor;

import io.tightbeam.module.LocalFiles;
import io.tightbeam.playbook.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a task's relative files are found, as Ansible's {@code ansible_search_path}: the role's
 * folder, the task file's folder, then the play's folder (an imported playbook's own). Each folder
 * is tried with the kind's subfolder ({@code vars/}, {@code files/}, {@code templates/}, {@code
 * tasks/}) and without.
 */
record SearchPath(List<Path> dirs) {

  static SearchPath of(PlayContext ctx, Task task, Scope scope) {
    Set<Path> dirs = new LinkedHashSet<>();
    if (scope.role() != null) {
      dirs.add(scope.role().path());
    }
    if (task != null) {
      dirs.add(task.baseDir().toAbsolutePath().normalize());
    }
    dirs.add(ctx.play().baseDir().toAbsolutePath().normalize());
    return new SearchPath(List.copyOf(dirs));
  }

  /** Every place {@code name} may be, in order ({@code subdir} first in each folder). */
  List<Path> candidates(String subdir, String name) {
    return LocalFiles.candidates(dirs, subdir, name);
  }

  /** The first readable file among the candidates. */
  Optional<Path> find(String subdir, String name) {
    return candidates(subdir, name).stream().filter(Files::isRegularFile).findFirst();
  }

  List<String> strings() {
    return dirs.stream().map(Path::toString).toList();
  }
}
