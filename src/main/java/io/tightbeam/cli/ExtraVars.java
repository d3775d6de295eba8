package io.tightbeam.cli;

import io.tightbeam.playbook.PlaybookParser;
import io.tightbeam.vault.VaultSecret;
import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import io.tightbeam.yaml.Pos;
import io.tightbeam.yaml.YamlLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -e}: {@code k=v} pairs, inline YAML/JSON, or {@code @file}; later ones win. Bad values
 * end the command with Ansible's messages and exit codes (1 unreadable file, 4 bad YAML, 5 not a
 * mapping).
 */
final class ExtraVars {
  private static final String UNREADABLE =
      "We were unable to read either as JSON nor YAML, these are the errors we got from each:";

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
        merge(out, loadFile(cwd.resolve(text.substring(1)).normalize(), secrets), text);
      } else if (text.startsWith("{") || text.startsWith("[")) {
        merge(out, loadText(text), text);
      } else {
        out.putAll(new PlaybookParser().parseArgs("set_fact", text));
      }
    }
    return out;
  }

  private static Object loadFile(Path file, List<VaultSecret> secrets) {
    if (Files.isDirectory(file)) {
      String why = "[Errno 21] Is a directory: b'" + file + "'";
      throw new InputException(List.of(new Diagnostic(
          "an error occurred while trying to read the file '" + file + "': " + why + ". " + why,
          "", null)), 4);
    }
    if (!Files.isReadable(file)) {
      throw new InputException(List.of(new Diagnostic("Unable to retrieve file contents\n"
          + "Could not find or access '" + file + "' on the Ansible Controller.\n"
          + "If you are using a module and expect the file to exist on the remote, see the"
          + " remote_src option", "", null)), 1);
    }
    return new YamlLoader(secrets).load(file).root();
  }

  private static Object loadText(String text) {
    try {
      return new YamlLoader().load("<string>", text).root();
    } catch (InputException e) {
      // The text is not a file: the place is said in words, with no offending line to show.
      Diagnostic yaml = e.diagnostics().get(0);
      Pos pos = yaml.pos() == null ? new Pos("<string>", 1, 1) : yaml.pos();
      throw new InputException(List.of(new Diagnostic(UNREADABLE + "\n\n" + yaml.summary()
          + "\n  " + yaml.detail() + "\n\nThe error appears to be in '<string>': line "
          + pos.line() + ", column " + pos.column() + ", but may\nbe elsewhere in the file"
          + " depending on the exact syntax problem.", "", null)), 4);
    }
  }

  private static void merge(Map<String, Object> out, Object loaded, String source) {
    if (loaded instanceof Map<?, ?> m) {
      m.forEach((k, val) -> out.put(String.valueOf(k), val));
    } else if (loaded != null) {
      throw new InputException(List.of(new Diagnostic(
          "Invalid extra vars data supplied. '" + source + "' could not be made into a dictionary", "", null)), 5);
    }
  }
}
