package io.tightbeam.module;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Ansible's order for a task's relative controller files: in each folder of the search path the
 * kind's subfolder ({@code files/}, {@code templates/}, {@code vars/}) and then the folder itself;
 * the last folder (the play's) is tried once more, so a failure lists it twice as Ansible does.
 */
public final class LocalFiles {
  private LocalFiles() {}

  public static List<Path> candidates(List<Path> dirs, String subdir, String name) {
    Path given = Path.of(name);
    if (given.isAbsolute() || dirs.isEmpty()) {
      return List.of(given);
    }
    boolean hasSubdir = name.startsWith(subdir + "/");
    List<Path> out = new ArrayList<>();
    for (Path d : dirs) {
      add(out, d, subdir, name, hasSubdir);
    }
    add(out, dirs.get(dirs.size() - 1), subdir, name, hasSubdir);
    return out;
  }

  private static void add(List<Path> out, Path dir, String subdir, String name, boolean hasSubdir) {
    if (!hasSubdir) {
      out.add(dir.resolve(subdir).resolve(name).normalize());
    }
    out.add(dir.resolve(name).normalize());
  }
}
