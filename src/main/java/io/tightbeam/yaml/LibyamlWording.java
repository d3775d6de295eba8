package io.tightbeam.yaml;

import java.util.List;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML syntax error's problem in libyaml's words: ansible-core reads YAML with PyYAML's C loader,
 * whose messages differ from SnakeYAML's (ported from PyYAML's pure-Python one) for the same input.
 */
final class LibyamlWording {
  private LibyamlWording() {}

  /** SnakeYAML's problem text beginning, the context it may need, and libyaml's text for it. */
  private record Rule(String snake, String context, String libyaml) {}

  private static final List<Rule> RULES = List.of(
      new Rule("expected '<document start>'", null, "did not find expected <document start>"),
      new Rule("expected <block end>", "while parsing a block mapping", "did not find expected key"),
      new Rule("expected <block end>", "while parsing a block collection", "did not find expected '-' indicator"),
      new Rule("expected ',' or ']'", null, "did not find expected ',' or ']'"),
      new Rule("expected ',' or '}'", null, "did not find expected ',' or '}'"),
      new Rule("expected the node content", null, "did not find expected node content"),
      new Rule("mapping values are not allowed here", null, "mapping values are not allowed in this context"),
      new Rule("sequence entries are not allowed here", null, "block sequence entries are not allowed in this context"),
      new Rule("found character ", null, "found character that cannot start any token"),
      new Rule("found unknown escape character", null, "found unknown escape character"),
      new Rule("found undefined alias", null, "found undefined alias"));

  /** libyaml's text for the error's problem, or SnakeYAML's when we know no other. */
  static String problem(MarkedYAMLException e) {
    String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
    if (problem == null) {
      return null;
    }
    for (Rule rule : RULES) {
      if (problem.startsWith(rule.snake())
          && (rule.context() == null || rule.context().equals(e.getContext()))) {
        return rule.libyaml();
      }
    }
    return problem;
  }
}
