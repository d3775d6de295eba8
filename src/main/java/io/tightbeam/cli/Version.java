package io.tightbeam.cli;

import io.tightbeam.config.SettingsLoader;
import java.nio.file.Path;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: our version, the Ansible version we follow, and the config file in use. */
final class Version implements IVersionProvider {
  static final String NUMBER = "0.1.0";

  @Override
  public String[] getVersion() {
    Path cfg = null;
    try {
      cfg = SettingsLoader.load(System.getenv(), Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home"))).configFile();
    } catch (RuntimeException e) {
      // a bad config is reported when a command runs; --version still answers
    }
    return new String[] {
      "${COMMAND-NAME} " + NUMBER + " [core 2.14.18 compatible]",
      "  config file = " + (cfg == null ? "None" : cfg),
      "  java version = " + System.getProperty("java.version"),
    };
  }
}
