package io.tightbeam.playbook;

import io.tightbeam.yaml.Pos;
import java.util.List;
import java.util.Map;

/** {@code block}/{@code rescue}/{@code always} with the keywords its tasks inherit. */
public record Block(
    List<TaskItem> block,
    List<TaskItem> rescue,
    List<TaskItem> always,
    Map<String, Object> keywords,
    Pos pos)
    implements TaskItem {}
