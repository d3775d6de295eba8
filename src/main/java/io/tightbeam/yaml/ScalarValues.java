package io.tightbeam.yaml;

import io.tightbeam.vault.EncryptedString;
import io.tightbeam.vault.VaultSecret;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * SnakeYAML's YAML 1.1 scalar rules (yes/no booleans, 0755 octal, sexagesimal ints), with dates
 * kept as strings, Ansible's {@code !unsafe} tag read as {@link UnsafeText} and {@code !vault} as an
 * {@link EncryptedString} opened with the run's secrets when it is used.
 */
final class ScalarValues extends SafeConstructor {
  ScalarValues(LoaderOptions options, List<VaultSecret> secrets) {
    super(options);
    AbstractConstruct asText =
        new AbstractConstruct() {
          @Override
          public Object construct(Node node) {
            return constructScalar((ScalarNode) node);
          }
        };
    yamlConstructors.put(Tag.TIMESTAMP, asText);
    yamlConstructors.put(new Tag("!vault"), new AbstractConstruct() {
      @Override
      public Object construct(Node node) {
        return new EncryptedString(constructScalar((ScalarNode) node), secrets);
      }
    });
    yamlConstructors.put(new Tag("!unsafe"), new AbstractConstruct() {
      @Override
      public Object construct(Node node) {
        return UnsafeText.of(constructScalar((ScalarNode) node));
      }
    });
  }

  Object value(ScalarNode node) {
    return constructObject(node);
  }
}
