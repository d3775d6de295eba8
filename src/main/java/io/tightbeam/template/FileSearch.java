package io.tightbeam.template;

import io.tightbeam.py.Py;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/** Where the file-reading lookups find a named file, and the option and path rules they share. */
final class FileSearch {
  private FileSearch() {}

  /**
   * The file {@code name} as Ansible's find_file_in_search_path finds it: an absolute path as is,
   * a relative one in the search path for {@code subdir}; null when there is none.
   */
  static Path find(Env env, String subdir, String name) {
    Path given = Paths.get(expandUser(name));
    if (given.isAbsolute()) {
      return Files.exists(given) ? given : null;
    }
    for (Path dir : env.searchPath(subdir)) {
      Path p = dir.resolve(given);
      if (Files.exists(p)) {
        return p.normalize();
      }
    }
    return null;
  }

  /** As {@link #find}, warning as Ansible does when nothing is found. */
  static Path findOrWarn(Env env, String subdir, String name) {
    Path p = find(env, subdir, name);
    if (p == null) {
      env.warn("Unable to find '" + name + "' in expected paths (use -vvvvv to see paths)");
    }
    return p;
  }

  static String expandUser(String path) {
    if (path.equals("~") || path.startsWith("~/")) {
      return System.getProperty("user.home") + path.substring(1);
    }
    return path;
  }

  /**
   * The directory lookups run commands in and resolve bare names against: the playbook's (the
   * last place of the search path).
   */
  static Path basedir(Env env) {
    List<Path> paths = env.searchPath("");
    return paths.isEmpty() ? Paths.get("").toAbsolutePath() : paths.get(paths.size() - 1);
  }

  /** A bool option as Ansible's config reads it (yes/on/1/true, anything else false). */
  static boolean flag(Map<String, Object> options, String name, boolean fallback) {
    if (!options.containsKey(name)) {
      return fallback;
    }
    return Boolean.TRUE.equals(CoreTests.booleanWord(options.get(name)));
  }

  /** A string option, or {@code fallback} when absent or None. */
  static String text(Map<String, Object> options, String name, String fallback) {
    Object v = options.get(name);
    return v == null ? fallback : Py.str(v);
  }
}
