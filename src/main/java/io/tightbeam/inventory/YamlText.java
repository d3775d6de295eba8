package io.tightbeam.inventory;

import io.tightbeam.vault.EncryptedString;
import io.tightbeam.vault.VaultSecret;
import io.tightbeam.yaml.YamlLoader;
import java.util.List;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Loads YAML inventories and vars files with SnakeYAML's YAML 1.1 rules, as PyYAML types them.
 * {@code !unsafe} scalars load as {@link io.tightbeam.yaml.UnsafeText}, {@code !vault} ones as an {@link
 * EncryptedString} opened with the run's secrets when used.
 */
final class YamlText {
  private YamlText() {}

  static Object load(String text) {
    return load(text, List.of());
  }

  static Object load(String text, List<VaultSecret> secrets) {
    return io.tightbeam.py.PyYamlResolver.yaml(new TaggedConstructor(secrets), new org.yaml.snakeyaml.LoaderOptions()).load(text);
  }

  /** SnakeYAML's message for {@code e}, naming {@code file} where it says {@code 'reader'}. */
  static String describe(RuntimeException e, String file) {
    String message = String.valueOf(e.getMessage());
    return message.replace(" in 'reader',", " in '" + file + "',")
        .replace(" in 'string',", " in '" + file + "',");
  }

  private static final class TaggedConstructor extends SafeConstructor {
    TaggedConstructor(List<VaultSecret> secrets) {
      super(YamlLoader.options());
      yamlConstructors.put(new Tag("!unsafe"), new AbstractConstruct() {
        @Override
        public Object construct(Node node) {
          return io.tightbeam.yaml.UnsafeText.of(((ScalarNode) node).getValue());
        }
      });
      yamlConstructors.put(new Tag("!vault"), new AbstractConstruct() {
        @Override
        public Object construct(Node node) {
          return new EncryptedString(((ScalarNode) node).getValue(), secrets);
        }
      });
    }
  }
}
