package io.tightbeam.executor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** {@code --tags} and {@code --skip-tags} with Ansible's special tags {@code always} and {@code never}. */
record TagSelection(List<String> only, List<String> skip) {

  static List<String> tagsOf(Object raw) {
    List<String> out = new ArrayList<>();
    if (raw instanceof Collection<?> c) {
      c.forEach(t -> out.add(String.valueOf(t)));
    } else if (raw != null) {
      for (String t : raw.toString().split(",")) {
        if (!t.isBlank()) {
          out.add(t.trim());
        }
      }
    }
    return out;
  }

  /** Whether a task with {@code tags} runs under this selection. */
  boolean runs(Collection<String> tags) {
    if (!skip.isEmpty() && (tags.stream().anyMatch(skip::contains) || (skip.contains("tagged") && !tags.isEmpty()))) {
      return false;
    }
    if (tags.contains("always") && !skip.contains("always")) {
      return true;
    }
    if (only.isEmpty() || only.contains("all")) {
      return !tags.contains("never");
    }
    if (only.contains("tagged") && !tags.isEmpty()) {
      return true;
    }
    if (only.contains("untagged") && tags.isEmpty()) {
      return true;
    }
    return tags.stream().anyMatch(only::contains);
  }
}
