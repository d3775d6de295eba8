package io.tightbeam.playbook;

import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import io.tightbeam.yaml.Pos;
import io.tightbeam.yaml.YamlDocument;
import io.tightbeam.yaml.YamlLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * One call of the parser: the problems found so far in every file it read, and the files being
 * imported (to stop import cycles). Problems are collected, not thrown, so that the user sees them
 * all at once.
 */
final class ParseSession {
  private final YamlLoader loader;
  private final Consumer<Diagnostic> warnings;
  private final List<Diagnostic> problems = new ArrayList<>();
  private final Deque<Path> importing = new ArrayDeque<>();
  private boolean onlyMissingFiles = true;

  private final RoleSearch roles;
  private final boolean staticParents;

  ParseSession(YamlLoader loader, Consumer<Diagnostic> warnings, RoleSearch roles) {
    this(loader, warnings, roles, true);
  }

  /** {@code staticParents} is false for a file read at run time for a dynamic include. */
  ParseSession(YamlLoader loader, Consumer<Diagnostic> warnings, RoleSearch roles, boolean staticParents) {
    this.loader = loader;
    this.warnings = warnings;
    this.roles = roles;
    this.staticParents = staticParents;
  }

  /** Whether every parent of what is read is static (the play, blocks, imports): a plain include is then imported. */
  boolean staticParents() {
    return staticParents;
  }

  RoleSearch roles() {
    return roles;
  }

  /**
   * A problem Ansible reports with exit code 1 (a role that is not there, a bad register name):
   * the code stays 1 when there is nothing worse.
   */
  void missing(Diagnostic diagnostic) {
    problems.add(diagnostic);
  }

  void problem(Pos pos, String summary) {
    problem(Diagnostic.at(pos, summary));
  }

  void warn(Pos pos, String message) {
    warnings.accept(Diagnostic.at(pos, message));
  }

  void problem(Diagnostic diagnostic) {
    problems.add(diagnostic);
    onlyMissingFiles = false;
  }

  /**
   * Loads a file to be imported from {@code from}; null (with the problem recorded) when it is
   * missing, unreadable, bad YAML or already being imported.
   */
  YamlDocument load(Path file, Pos from) {
    if (importing.contains(file)) {
      problem(from, "'" + file + "' imports itself (directly or through other files)");
      return null;
    }
    if (!Files.isRegularFile(file)) {
      problems.add(
          new Diagnostic(
              "Unable to retrieve file contents", "Could not find or access '" + file + "'", from));
      return null;
    }
    try {
      YamlDocument doc = loader.load(file);
      doc.warnings().forEach(warnings);
      return doc;
    } catch (InputException e) {
      problems.addAll(e.diagnostics());
      onlyMissingFiles &= e.exitCode() != 4;
      return null;
    }
  }

  void enter(Path file) {
    importing.push(file);
  }

  void leave() {
    importing.pop();
  }

  /** Throws every problem found, if any: exit code 4, or 1 when only files were missing. */
  void throwIfProblems() {
    if (!problems.isEmpty()) {
      throw new InputException(problems, onlyMissingFiles ? 1 : 4);
    }
  }
}
