package io.tightbeam.playbook;

import io.tightbeam.yaml.Pos;
import java.util.Map;

/** An entry of a task list: a task or a block. */
public sealed interface TaskItem permits Task, Block {
  /** Keywords as written (raw YAML values, templated at run time), e.g. {@code when}, {@code tags}. */
  Map<String, Object> keywords();

  Pos pos();
}
