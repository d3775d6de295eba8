package io.tightbeam.cli;

import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
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
    // "-e @vars.json" names a vars file for Ansible; picocli would read it as more arguments.
    cl.setExpandAtFiles(false);
    cl.setParameterExceptionHandler((ex, args) -> {
      String name = ex.getCommandLine().getCommandName();
      err.println("usage: " + name + " [-h] [--version] [-v] ...");
      err.println(name + ": error: " + ex.getMessage());
      return 2;
    });
    return cl;
  }

  static Map<String, Object> yamlMap(String text) {
    Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    if (loaded instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), v));
      return out;
    }
    throw new InputException(List.of(new Diagnostic("module arguments must be a mapping: " + text, "", null)), 1);
  }
}
