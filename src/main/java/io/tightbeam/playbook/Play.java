package io.tightbeam.playbook;

import io.tightbeam.yaml.Pos;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One play as written. {@code hosts} is the raw host pattern (string or list, may be templated).
 * {@code keywords} holds the other play keywords raw ({@code name}, {@code gather_facts}, {@code
 * remote_user}, {@code become*}, {@code serial}, {@code strategy}, {@code any_errors_fatal}, {@code
 * max_fail_percentage}, {@code environment}, {@code tags}, {@code connection}, {@code check_mode},
 * ...). {@code varsFiles} are the raw entries of {@code vars_files}.
 */
public record Play(
    Object hosts,
    Map<String, Object> keywords,
    Map<String, Object> vars,
    List<Object> varsFiles,
    List<TaskItem> preTasks,
    List<TaskItem> tasks,
    List<TaskItem> postTasks,
    List<TaskItem> handlers,
    Path baseDir,
    Pos pos) {

  public String name() {
    Object n = keywords.get("name");
    return n == null ? null : n.toString();
  }
}
