package io.tightbeam.cli;

import io.tightbeam.config.SettingsLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: our version, the Ansible version we follow, and the config file in use. */
final class Version implements IVersionProvider {
  static final String NUMBER = "0.1.0";

  @Override
  public String[] getVersion() {
    return lines("${COMMAND-NAME}", System.getenv());
  }

  /**
   * True when {@code argv} asks for the version (before any {@code --}), which, as argparse's version
   * action, answers before anything else is checked. Answering it without picocli saves a third of
   * the start-up: picocli's classes are Java 5 class files, which class-data sharing cannot keep.
   */
  static boolean asked(String[] argv) {
    for (String arg : argv) {
      if (arg.equals("--")) {
        return false;
      }
      if (arg.equals("--version")) {
        return true;
      }
    }
    return false;
  }

  static String[] lines(String command, Map<String, String> env) {
    Path cfg = null;
    try {
      cfg = SettingsLoader.load(env, Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home"))).configFile();
    } catch (RuntimeException e) {
      // a bad config is reported when a command runs; --version still answers
    }
    return new String[] {
      command + " " + NUMBER + " [core 2.14.18 compatible]",
      "  config file = " + (cfg == null ? "None" : cfg),
      "  java version = " + System.getProperty("java.version"),
    };
  }

  static int print(String command, PrintStream out, Map<String, String> env) {
    for (String line : lines(command, env)) {
      out.println(line);
    }
    out.flush();
    return 0;
  }
}
