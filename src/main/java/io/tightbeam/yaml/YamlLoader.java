package io.tightbeam.yaml;

import io.tightbeam.py.JsonCheck;
import io.tightbeam.vault.VaultException;
import io.tightbeam.vault.VaultSecret;
import io.tightbeam.vault.VaultText;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one YAML 1.1 document the way Ansible (PyYAML) does, into plain Java values with source
 * positions. Syntax errors become an {@link InputException} (exit code 4) whose diagnostic points
 * at the problem. Thread-safe: every call uses its own SnakeYAML objects.
 */
public final class YamlLoader {
  static final String SYNTAX_ERROR = "Syntax Error while loading YAML.";
  private final List<VaultSecret> secrets;

  /** A loader without vault secrets: vaulted files and values fail when they are opened. */
  public YamlLoader() {
    this(List.of());
  }

  /** A loader that opens vault-encrypted files and inline {@code !vault} values with {@code secrets}. */
  public YamlLoader(List<VaultSecret> secrets) {
    this.secrets = List.copyOf(secrets);
  }

  /** The secrets this loader opens vaulted content with. */
  public List<VaultSecret> secrets() {
    return secrets;
  }

  /** Loads a file; positions name it as given. */
  public YamlDocument load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException(
          List.of(
              new Diagnostic(
                  "Unable to retrieve file contents",
                  "Could not find or access '" + file + "'",
                  null)),
          1);
    }
    return load(file.toString(), text);
  }

  /**
   * SnakeYAML's options without the limits PyYAML does not have: ansible-core reads 100 levels of
   * nesting, 50 nested blocks and hundreds of aliases, which SnakeYAML refuses past 50 by default.
   */
  public static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // we warn ourselves, with Ansible's wording
    options.setNestingDepthLimit(1000); // Python's recursion limit stops PyYAML about here
    options.setMaxAliasesForCollections(Integer.MAX_VALUE);
    options.setCodePointLimit(Integer.MAX_VALUE);
    return options;
  }

  /**
   * {@code text} itself, or what it holds when it is a vault-encrypted file; Ansible's message
   * (exit code 1) when no secret opens it.
   */
  public String plainText(String file, String text) {
    if (!VaultText.isEncrypted(text)) {
      return text;
    }
    try {
      return VaultText.decrypt(text, secrets, file).text();
    } catch (VaultException e) {
      throw new InputException(List.of(new Diagnostic(e.getMessage(), "", null)), 1);
    }
  }

  /**
   * The summary of a YAML syntax error: Ansible reads every file as JSON first, and when both fail
   * it quotes Python's JSON error before the YAML one.
   */
  private static String syntaxError(String source) {
    String json = JsonCheck.error(source);
    return json == null ? SYNTAX_ERROR
        : "We were unable to read either as JSON nor YAML, these are the errors we got from each:\nJSON: "
            + json + "\n\n" + SYNTAX_ERROR;
  }

  /** Loads YAML text; {@code file} is the name used in positions and messages. */
  public YamlDocument load(String file, String text) {
    LoaderOptions options = options();
    String source = plainText(file, text);
    while (true) {
      ValueBuilder builder = new ValueBuilder(file, new ScalarValues(options, secrets));
      try {
        Node root = io.tightbeam.py.PyYamlResolver.yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(options), options).compose(new StringReader(source));
        Object value = builder.build(root);
        return new YamlDocument(
            file, value, builder.nodePositions, builder.keyPositions, builder.warnings);
      } catch (MarkedYAMLException e) {
        String spaced = TabSeparator.spaced(source, e);
        if (spaced != null) {
          source = spaced;
          continue;
        }
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        throw new InputException(new Diagnostic(syntaxError(source), LibyamlWording.problem(e), builder.pos(mark)));
      } catch (YAMLException e) {
        throw new InputException(new Diagnostic(syntaxError(source), e.getMessage(), Pos.unknown(file)));
      } catch (InputException e) { // the builder's: a list as a key, a bad merge
        Diagnostic d = e.diagnostics().get(0);
        if (!d.summary().equals(SYNTAX_ERROR)) {
          throw e;
        }
        throw new InputException(new Diagnostic(syntaxError(source), d.detail(), d.pos()));
      }
    }
  }
}
