package io.tightbeam.yaml;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * SnakeYAML's YAML 1.1 scalar rules (yes/no booleans, 0755 octal, sexagesimal ints), with dates
 * kept as strings and Ansible's {@code !vault} and {@code !unsafe} tags read as their text.
 */
final class ScalarValues extends SafeConstructor {
  ScalarValues(LoaderOptions options) {
    super(options);
    AbstractConstruct asText =
        new AbstractConstruct() {
          @Override
          public Object construct(Node node) {
            return constructScalar((ScalarNode) node);
          }
        };
    yamlConstructors.put(Tag.TIMESTAMP, asText);
    yamlConstructors.put(new Tag("!vault"), asText);
    yamlConstructors.put(new Tag("!unsafe"), asText);
  }

  Object value(ScalarNode node) {
    return constructObject(node);
  }
}
