package io.tightbeam.playbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a role is looked for, in Ansible's order: the playbook's {@code roles/}, {@code
 * roles_path}, the folder of the file that names the role, the playbook's folder.
 */
public record RoleSearch(List<String> rolesPath) {
  public RoleSearch {
    rolesPath = List.copyOf(rolesPath);
  }

  /** The role's folder, if one of the places has it. */
  public Optional<Path> find(String name, Path playbookDir, Path relativeTo) {
    for (Path c : candidates(name, playbookDir, relativeTo)) {
      if (Files.isDirectory(c)) {
        return Optional.of(c.toAbsolutePath().normalize());
      }
    }
    return Optional.empty();
  }

  /** Ansible's message for a role none of the places has, naming them. */
  public String notFound(String name, Path playbookDir, Path relativeTo) {
    return "the role '" + name + "' was not found in "
        + String.join(":", candidates(name, playbookDir, relativeTo).stream()
            .filter(p -> !Path.of(name).isAbsolute() || !p.equals(Path.of(name)))
            .map(p -> p.getParent().toString()).distinct().toList());
  }

  private List<Path> candidates(String name, Path playbookDir, Path relativeTo) {
    List<Path> candidates = new ArrayList<>();
    Path asPath = Path.of(name);
    if (asPath.isAbsolute()) {
      candidates.add(asPath);
    }
    candidates.add(playbookDir.resolve("roles").resolve(name));
    for (String dir : rolesPath) {
      String expanded = dir.startsWith("~/") ? System.getProperty("user.home") + dir.substring(1) : dir;
      candidates.add(Path.of(expanded).resolve(name));
    }
    if (relativeTo != null) {
      candidates.add(relativeTo.resolve("roles").resolve(name));
      candidates.add(relativeTo.resolve(name));
    }
    candidates.add(playbookDir.resolve(name));
    return candidates;
  }
}
