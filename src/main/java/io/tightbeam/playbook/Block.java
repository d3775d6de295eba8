package io.tightbeam.playbook;

import io.tightbeam.yaml.Pos;
import java.util.List;
import java.util.Map;

/**
 * {@code block}/{@code rescue}/{@code always} with the keywords its tasks inherit; {@code
 * includeParams} are the vars of a static {@code include} the block stands for, which Ansible
 * ranks above set_fact (empty for a written block).
 */
public record Block(
    List<TaskItem> block,
    List<TaskItem> rescue,
    List<TaskItem> always,
    Map<String, Object> keywords,
    Pos pos,
    Map<String, Object> includeParams)
    implements TaskItem {

  public Block(List<TaskItem> block, List<TaskItem> rescue, List<TaskItem> always, Map<String, Object> keywords, Pos pos) {
    this(block, rescue, always, keywords, pos, Map.of());
  }
}
