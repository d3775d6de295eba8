package io.tightbeam.executor;

import io.tightbeam.yaml.Pos;

/**
 * A task as the output shows it: the name as displayed ({@code TASK [name]}; the action name when
 * the task has no name; {@code role : name} inside roles), the action's short name ({@code
 * command}), whether it is a handler, and where it was written.
 */
public record TaskHeader(String name, String action, boolean handler, Pos pos) {}
