package io.tightbeam.py;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.BaseConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML 1.1's implicit types as PyYAML (Ansible's loader) resolves them: a float needs a dot, and an
 * exponent needs its sign, so {@code 1e3} and {@code 1.5e3} are strings there, floats in SnakeYAML.
 */
public final class PyYamlResolver extends Resolver {
  private static final Pattern PY_FLOAT = Pattern.compile("^(?:[-+]?[0-9][0-9_]*\\.[0-9_]*(?:[eE][-+][0-9]+)?"
      + "|[-+]?\\.[0-9_]+(?:[eE][-+][0-9]+)?"
      + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
      + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");

  /** A SnakeYAML reader with {@code constructor} and these implicit types. */
  public static Yaml yaml(BaseConstructor constructor, LoaderOptions options) {
    DumperOptions dumper = new DumperOptions();
    return new Yaml(constructor, new Representer(dumper), dumper, options, new PyYamlResolver());
  }

  @Override
  protected void addImplicitResolvers() {
    // SnakeYAML's own list and order, its FLOAT replaced
    addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
    addImplicitResolver(Tag.INT, INT, "-+0123456789");
    addImplicitResolver(Tag.FLOAT, PY_FLOAT, "-+0123456789.");
    addImplicitResolver(Tag.MERGE, MERGE, "<");
    addImplicitResolver(Tag.NULL, NULL, "~nN\0");
    addImplicitResolver(Tag.NULL, EMPTY, null);
    addImplicitResolver(Tag.TIMESTAMP, TIMESTAMP, "0123456789");
    addImplicitResolver(Tag.YAML, YAML, "!&*");
  }
}
