package io.tightbeam.cli;

import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.tightbeam.yaml.YamlLoader;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import picocli.CommandLine;

/** picocli set up as argparse behaves for Ansible's commands: usage errors exit 2. */
final class Cli {
  private Cli() {}

  static CommandLine commandLine(Object command, PrintStream out, PrintStream err) {
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setAllowOptionsAsOptionParameters(true);
    cl.setOverwrittenOptionsAllowed(true);
    // "@file" is Ansible's extra-vars file (-e @vars.yml), never picocli's argument file.
    cl.setExpandAtFiles(false);
    cl.setParameterExceptionHandler((ex, args) -> {
      String name = ex.getCommandLine().getCommandName();
      err.println("usage: " + name + " [-h] [--version] [-v] ...");
      err.println(name + ": error: " + ex.getMessage());
      return 2;
    });
    return cl;
  }

  /**
   * Module arguments given as JSON/YAML ({@code -a '{"msg": "hi"}'}); null when the text is not
   * valid YAML, which Ansible then reads as {@code k=v} words.
   */
  static Map<String, Object> yamlMap(String text) {
    Object loaded;
    try {
      loaded = io.tightbeam.py.PyYamlResolver.yaml(new SafeConstructor(YamlLoader.options()), YamlLoader.options()).load(text);
    } catch (YAMLException e) {
      return null;
    }
    if (loaded instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), v));
      return out;
    }
    throw new InputException(List.of(new Diagnostic("module arguments must be a mapping: " + text, "", null)), 1);
  }
}
