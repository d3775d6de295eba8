package io.tightbeam.module;

import io.tightbeam.connection.Become;
import io.tightbeam.connection.Connection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a remote module may use on one host for one task: the connection, the become settings,
 * the task's environment, check and diff mode, and the directory of {@code library/} and the
 * search path of relative local files ({@code files/}, {@code templates/}).
 */
public record TargetContext(
    Connection connection,
    Become become,
    Map<String, String> environment,
    boolean checkMode,
    boolean diff,
    Path baseDir,
    List<Path> searchPath) {

  /** A context whose relative files are found under one folder. */
  public TargetContext(Connection connection, Become become, Map<String, String> environment,
      boolean checkMode, boolean diff, Path baseDir) {
    this(connection, become, environment, checkMode, diff, baseDir, baseDir == null ? List.of() : List.of(baseDir));
  }

  /** Where a relative local file of the given kind ({@code files}, {@code templates}) may be. */
  public List<Path> localCandidates(String subdir, String name) {
    return LocalFiles.candidates(searchPath, subdir, name);
  }
}
