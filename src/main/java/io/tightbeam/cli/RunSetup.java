package io.tightbeam.cli;

import io.tightbeam.config.Settings;
import io.tightbeam.config.SettingsLoader;
import io.tightbeam.executor.RunListener;
import io.tightbeam.executor.RunOptions;
import io.tightbeam.inventory.Inventory;
import io.tightbeam.output.Callbacks;
import io.tightbeam.vault.VaultSecret;
import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Settings, flags, inventory and output for one command, in Ansible's precedence order. */
final class RunSetup {
  final Settings settings;
  final RunOptions options;
  final Path cwd;
  /** The vault secrets of the run, read (and prompted for) before anything else is loaded. */
  final List<VaultSecret> secrets;

  RunSetup(CommonOptions o, Map<String, String> env, PrintStream err) {
    this.cwd = Path.of("").toAbsolutePath();
    Path home = Path.of(System.getProperty("user.home"));
    Settings loaded = SettingsLoader.load(env, cwd, home);
    if (o.forks != null) {
      loaded = loaded.withForks(o.forks);
    }
    this.settings = loaded;
    this.secrets = o.vault.secrets(env, cwd, err, err, false, false);
    String becomePass = o.askBecomePass ? Prompt.secret("BECOME password: ") : null;
    String connPass = o.askPass ? Prompt.secret("SSH password: ") : null;
    this.options = new RunOptions(
        settings, o.check, o.diff, o.verbosity(), ExtraVars.parse(o.extraVars, cwd, secrets), o.limit,
        List.of(), List.of(), null, o.connection, o.user, o.become ? Boolean.TRUE : null,
        o.becomeUser, o.becomeMethod, becomePass, connPass, o.privateKey, o.timeout, env);
  }

  Inventory inventory(CommonOptions o) {
    List<String> sources = o.inventory.isEmpty() ? settings.inventory() : o.inventory;
    return Inventory.load(sources, cwd, secrets);
  }

  RunListener listener(String callback, PrintStream out, PrintStream err) {
    return Callbacks.byName(callback, out, err, options.verbosity(), color());
  }

  boolean color() {
    if (settings.noColor()) {
      return false;
    }
    if (settings.forceColor()) {
      return true;
    }
    Console console = System.console();
    return console != null;
  }
}
