package io.tightbeam.executor;

import io.tightbeam.template.Templar;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** {@code --tags} and {@code --skip-tags} with Ansible's special tags {@code always} and {@code never}. */
public record TagSelection(List<String> only, List<String> skip) {

  /**
   * Tags as written, each templated one ({@code tags: "{{ the_tags }}"}) rendered with {@code vars}
   * (Ansible renders tags with the play's variables) and split like a written value.
   */
  public static List<String> resolved(List<String> tags, Templar templar, Map<String, Object> vars) {
    if (tags.stream().noneMatch(Templar::isTemplate)) {
      return tags;
    }
    List<String> out = new ArrayList<>();
    for (String t : tags) {
      out.addAll(Templar.isTemplate(t) ? tagsOf(templar.template(t, vars)) : List.of(t));
    }
    return out;
  }

  public static List<String> tagsOf(Object raw) {
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
  public boolean runs(Collection<String> tags) {
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
