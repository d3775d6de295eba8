package io.tightbeam.executor;

import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a role loads from one of its folders ({@code tasks}, {@code handlers}, {@code vars},
 * {@code defaults}), found as Ansible finds them: {@code main.yml}, {@code .yaml}, {@code .json},
 * then {@code main} itself; a name given by {@code tasks_from} & co. is tried bare first. In
 * {@code vars}/{@code defaults} a directory stands for every file in it and its subdirectories, by
 * name (merged in that order). A file outside the folder, or a named one that is missing, is an
 * error (exit 4).
 */
final class RoleFiles {
  private static final List<String> EXTENSIONS = List.of(".yml", ".yaml", ".json");

  private RoleFiles() {}

  /** {@code from} is null for {@code main}; {@code allowDir} for vars and defaults. */
  static List<Path> of(Path role, String roleName, String subdir, String from, boolean allowDir) {
    Path dir = role.resolve(subdir);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> suffixes = new ArrayList<>(EXTENSIONS);
    if (from == null) {
      suffixes.add("");
    } else {
      suffixes.add(0, "");
    }
    String base = from == null ? "main" : from;
    for (String suffix : suffixes) {
      Path p = dir.resolve(base + suffix).normalize();
      List<Path> found;
      if (Files.isDirectory(p)) {
        if (!allowDir) {
          continue;
        }
        found = inDirectory(p);
      } else if (Files.isRegularFile(p)) {
        found = List.of(p);
      } else {
        continue;
      }
      for (Path f : found) {
        if (!f.normalize().startsWith(dir.normalize())) {
          throw new InputException(Diagnostic.at(null, "Failed loading '" + f + "' for role (" + roleName
              + ") as it is not inside the expected role path: '" + dir + "'"));
        }
      }
      return found;
    }
    if (from != null) {
      throw new InputException(Diagnostic.at(null, "Could not find specified file in role: " + subdir + "/" + from));
    }
    return List.of();
  }

  /** Hidden files and editor backups ({@code ~}) are left out; so are files of other extensions. */
  private static List<Path> inDirectory(Path dir) {
    List<Path> entries;
    try (Stream<Path> list = Files.list(dir)) {
      entries = list.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    }
    List<Path> found = new ArrayList<>();
    for (Path p : entries) {
      String n = p.getFileName().toString();
      if (n.startsWith(".") || n.endsWith("~")) {
        continue;
      }
      String ext = n.lastIndexOf('.') < 0 ? "" : n.substring(n.lastIndexOf('.'));
      if (Files.isDirectory(p) && ext.isEmpty()) {
        found.addAll(inDirectory(p));
      } else if (Files.isRegularFile(p) && (ext.isEmpty() || EXTENSIONS.contains(ext))) {
        found.add(p);
      }
    }
    return found;
  }
}
