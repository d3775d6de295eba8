package io.tightbeam.playbook;

import io.tightbeam.yaml.Pos;
import java.nio.file.Path;
import java.util.Map;

/**
 * One task as written. {@code action} is the module or action name as the user wrote it ({@code
 * ansible.builtin.command}); {@code args} are its raw arguments, free-form text under {@code
 * _raw_params} ({@code command: /bin/sleep 15}) and {@code k=v} pairs split out. {@code keywords}
 * holds every task keyword present ({@code name}, {@code register}, {@code when}, {@code loop},
 * {@code loop_control}, {@code async}, {@code poll}, {@code until}, {@code retries}, {@code delay},
 * {@code vars}, {@code become}, {@code tags}, ...), raw. {@code baseDir} is the directory of the
 * file the task was read from (relative includes and {@code files/} resolve from it).
 */
public record Task(
    String action, Map<String, Object> args, Map<String, Object> keywords, Path baseDir, Pos pos)
    implements TaskItem {

  /** The task's name, or null when it has none. */
  public String name() {
    Object n = keywords.get("name");
    return n == null ? null : n.toString();
  }
}
