package io.tightbeam.cli;

import io.tightbeam.playbook.PlaybookParser;
import io.tightbeam.vault.VaultSecret;
import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import io.tightbeam.yaml.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** {@code -e}: {@code k=v} pairs, inline YAML/JSON, or {@code @file}; later ones win. */
final class ExtraVars {
  private ExtraVars() {}

  static Map<String, Object> parse(List<String> values, Path cwd) {
    return parse(values, cwd, List.of());
  }

  /** As {@link #parse(List, Path)}; a vaulted {@code @file} is opened with {@code secrets}. */
  static Map<String, Object> parse(List<String> values, Path cwd, List<VaultSecret> secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String v : values) {
      String text = v.trim();
      if (text.isEmpty()) {
        continue;
      }
      if (text.startsWith("@")) {
        Path file = cwd.resolve(text.substring(1));
        try {
          merge(out, load(new YamlLoader(secrets).plainText(file.toString(), Files.readString(file))), text);
        } catch (IOException e) {
          throw new InputException(List.of(new Diagnostic(
              "the file_name '" + file + "' does not exist, or is not readable", "", null)), 1);
        }
      } else if (text.startsWith("{") || text.startsWith("[")) {
        merge(out, load(text), text);
      } else {
        out.putAll(new PlaybookParser().parseArgs("set_fact", text));
      }
    }
    return out;
  }

  private static Object load(String text) {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
  }

  private static void merge(Map<String, Object> out, Object loaded, String source) {
    if (loaded instanceof Map<?, ?> m) {
      m.forEach((k, val) -> out.put(String.valueOf(k), val));
    } else if (loaded != null) {
      throw new InputException(List.of(new Diagnostic(
          "Invalid extra vars data supplied. '" + source + "' could not be made into a dictionary", "", null)), 1);
    }
  }
}
