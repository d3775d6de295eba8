package io.tightbeam.inventory;

import io.tightbeam.yaml.YamlLoader;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Loads YAML inventories and vars files with SnakeYAML's YAML 1.1 rules, as PyYAML types them.
 * {@code !unsafe} and {@code !vault} scalars load as their plain text (Tightbeam cannot decrypt
 * vault values; they reach the template layer as the ciphertext string).
 */
final class YamlText {
  private YamlText() {}

  static Object load(String text) {
    return new Yaml(new TaggedConstructor()).load(text);
  }

  /** SnakeYAML's message for {@code e}, naming {@code file} where it says {@code 'reader'}. */
  static String describe(RuntimeException e, String file) {
    String message = String.valueOf(e.getMessage());
    return message.replace(" in 'reader',", " in '" + file + "',")
        .replace(" in 'string',", " in '" + file + "',");
  }

  private static final class TaggedConstructor extends SafeConstructor {
    TaggedConstructor() {
      super(YamlLoader.options());
      AbstractConstruct plain =
          new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
              return ((ScalarNode) node).getValue();
            }
          };
      yamlConstructors.put(new Tag("!unsafe"), plain);
      yamlConstructors.put(new Tag("!vault"), plain);
    }
  }
}
