package io.tightbeam.module;

import io.tightbeam.connection.Become;
import io.tightbeam.connection.Connection;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a remote module may use on one host for one task: the connection, the become settings,
 * the task's environment, check and diff mode, and the directory that relative local files
 * ({@code files/}, {@code library/}) are found under.
 */
public record TargetContext(
    Connection connection,
    Become become,
    Map<String, String> environment,
    boolean checkMode,
    boolean diff,
    Path baseDir) {}
