package io.tightbeam.module;

import io.tightbeam.connection.Sh;
import io.tightbeam.module.ArgSpec.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Ansible's {@code setup} without Python: one remote sh command gathers the facts (names with the
 * {@code ansible_} prefix, as Ansible returns them). {@code gather_subset} picks the collectors as
 * Ansible does ({@link GatherSubset}), {@code filter} takes fnmatch patterns over fact names and
 * {@code fact_path} holds the facts.d files.
 */
final class SetupModule implements RemoteModule {
  private final ArgSpec spec =
      new ArgSpec("setup")
          .param("gather_subset", Kind.LIST, List.of("all"))
          .param("gather_timeout", Kind.INT, 10)
          .param("filter", Kind.LIST, List.of())
          .param("fact_path", Kind.STR, "/etc/ansible/facts.d");

  @Override
  public String name() {
    return "setup";
  }

  @Override
  public boolean supportsCheckMode() {
    return true;
  }

  @Override
  public Map<String, Object> checkArgs(Map<String, Object> args) {
    return spec.check(args);
  }

  @Override
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    Map<String, Object> checked = spec.check(args);
    List<String> subset = ((List<?>) checked.get("gather_subset")).stream().map(String::valueOf).toList();
    Set<String> collectors;
    try {
      collectors = GatherSubset.collectors(subset);
    } catch (IllegalArgumentException e) {
      return new RemoteScript(
          "printf '%s\\n' " + Sh.quote(RemoteRun.json(Map.of("failed", true, "msg", e.getMessage()))));
    }
    String filter = filter((List<?>) checked.get("filter"));
    return new RemoteScript(
        "tb_collect="
            + Sh.quote(" " + String.join(" ", collectors) + " ")
            + "\ntb_filter="
            + Sh.quote(filter)
            + "\ntb_subset="
            + Sh.quote(RemoteRun.json(subset))
            + "\ntb_fact_path="
            + Sh.quote(String.valueOf(checked.get("fact_path")))
            + "\ntb_timeout="
            + checked.get("gather_timeout")
            + "\n"
            + SetupScript.BODY);
  }

  @Override
  public CompletableFuture<Map<String, Object>> run(
      Map<String, Object> args, TargetContext target) {
    return RemoteRun.script(script(args, target), target);
  }

  /**
   * The {@code filter} patterns as one ERE over the prefixed fact names, empty for all. As in
   * Ansible, a pattern that does not start with {@code ansible_} (or facter, ohai) also matches
   * with that prefix, and an empty pattern matches everything.
   */
  static String filter(List<?> patterns) {
    List<String> alternatives = new java.util.ArrayList<>();
    for (Object item : patterns) {
      String pattern = String.valueOf(item);
      if (pattern.isEmpty() || pattern.equals("*")) {
        return "";
      }
      alternatives.add(ere(pattern));
      if (!pattern.startsWith("ansible_") && !pattern.startsWith("facter") && !pattern.startsWith("ohai")) {
        alternatives.add(ere("ansible_" + pattern));
      }
    }
    return alternatives.isEmpty() ? "" : "^(" + String.join("|", alternatives) + ")$";
  }

  /**
   * An fnmatch pattern as a POSIX ERE without backslashes (awk's {@code -v} would eat them):
   * every other special character goes into a bracket expression.
   */
  static String ere(String glob) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        s.append(".*");
      } else if (c == '?') {
        s.append('.');
      } else if (c == '[' && glob.indexOf(']', i + 2) > 0) {
        int end = glob.indexOf(']', i + 2);
        String set = glob.substring(i + 1, end);
        s.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
        i = end;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
        s.append(c);
      } else if (c == '^' || c == '\\' || c == ']') {
        s.append("[[:punct:]]"); // no fact name holds these; a bracket cannot quote them portably
      } else {
        s.append('[').append(c).append(']');
      }
    }
    return s.toString();
  }
}
