package io.tightbeam.cli;

import io.tightbeam.config.Settings;
import io.tightbeam.config.SettingsLoader;
import io.tightbeam.executor.RunListener;
import io.tightbeam.executor.RunOptions;
import io.tightbeam.inventory.HashBehaviour;
import io.tightbeam.inventory.Inventory;
import io.tightbeam.inventory.PatternMatch;
import io.tightbeam.jobs.registry.JobRegistry;
import io.tightbeam.output.Callbacks;
import io.tightbeam.vault.VaultSecret;
import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
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
  /** Where the run records its async jobs; nothing is read or opened before the first one. */
  final JobRegistry registry;
  /** Ansible's {@code jinja2_native}: templates keep their values' native types. */
  final boolean jinja2Native;
  /** The output's options by Ansible's names ({@code SettingsLoader.callbackOptions}). */
  private final Map<String, Object> outputOptions;

  RunSetup(CommonOptions o, Map<String, String> env, PrintStream err) {
    this.cwd = Path.of("").toAbsolutePath();
    Path home = Path.of(System.getProperty("user.home"));
    Settings loaded = SettingsLoader.load(env, cwd, home);
    if (o.forks != null) {
      loaded = loaded.withForks(o.forks);
    }
    this.settings = loaded;
    this.registry = JobRegistry.at(() -> SettingsLoader.jobRegistry(env, cwd, home), home, env);
    this.jinja2Native = loaded.jinja2Native();
    this.outputOptions = SettingsLoader.callbackOptions(env, cwd, home);
    boolean diff = o.diff || Boolean.TRUE.equals(outputOptions.get("diff_always"));
    this.secrets = o.vault.secrets(env, cwd, err, err, false, false);
    String becomePass = o.askBecomePass ? Prompt.secret("BECOME password: ") : null;
    String connPass = o.askPass ? Prompt.secret("SSH password: ") : null;
    this.options = new RunOptions(
        settings, o.check, diff, o.verbosity(), ExtraVars.parse(o.extraVars, cwd, secrets), o.limit,
        List.of(), List.of(), null, o.connection, o.user, o.become ? Boolean.TRUE : null,
        o.becomeUser, o.becomeMethod, becomePass, connPass, o.privateKey, o.timeout, env);
  }

  /**
   * The run's templar, with the Python plugins in the folders ansible.cfg and {@code
   * ANSIBLE_*_PLUGINS} name (the executor adds the playbook's and roles' own).
   */
  io.tightbeam.template.Templar templar() {
    io.tightbeam.config.PluginPaths paths = SettingsLoader.pluginPaths(options.controllerEnv(), cwd,
        Path.of(System.getProperty("user.home")));
    return new io.tightbeam.template.Templar(secrets, new io.tightbeam.template.PythonPlugins(paths.filter(),
        paths.test(), paths.lookup(), "python3"), jinja2Native);
  }

  Inventory inventory(CommonOptions o) {
    List<String> sources = o.inventory.isEmpty() ? settings.inventory() : o.inventory;
    return Inventory.load(sources, cwd, secrets, HashBehaviour.of(settings.hashBehaviour()),
        SettingsLoader.inventoryPlugins(options.controllerEnv(), cwd, Path.of(System.getProperty("user.home"))));
  }

  /**
   * Ansible's check of {@code --limit}: when the inventory has hosts but the pattern and the limit
   * together leave none, the command ends with exit code 1 before touching any.
   */
  void checkLimit(Inventory inventory, String pattern, String limit, PrintStream err) {
    if (limit == null || limit.isEmpty() || inventory.all().isEmpty()) {
      return;
    }
    PatternMatch match = inventory.match(pattern, limit);
    if (match.hosts().isEmpty()) {
      match.unmatched().forEach(u -> err.println("[WARNING]: Could not match supplied host pattern, ignoring: " + u));
      throw new InputException(List.of(new Diagnostic(
          "Specified inventory, host pattern and/or --limit leaves us with no hosts to target.", "", null)), 1);
    }
  }

  RunListener listener(String callback, PrintStream out, PrintStream err) {
    // the status line of async jobs: only when stdout is the process's own terminal, so that
    // output to a file or pipe stays byte for byte Ansible's
    if (out == System.out && System.console() != null && !"json".equals(callback)
        && !"dumb".equals(options.controllerEnv().get("TERM"))) {
      io.tightbeam.output.LiveStatus.Builder live = io.tightbeam.output.LiveStatus.on(out, err);
      io.tightbeam.output.LiveStatus.Streams streams = live.streams();
      return live.around(Callbacks.byName(callback, streams.out(), streams.err(), options.verbosity(), color(),
          callbackOptions()));
    }
    return Callbacks.byName(callback, out, err, options.verbosity(), color(), callbackOptions());
  }

  /**
   * The ad hoc command's callback: oneline for {@code -o}, the configured stdout_callback when
   * {@code bin_ansible_callbacks} is on and it is not default, else minimal (as ansible's).
   */
  String adHocCallback(boolean oneLine) {
    if (oneLine) {
      return "oneline";
    }
    boolean load = Boolean.TRUE.equals(outputOptions.get("load_callback_plugins"));
    String configured = settings.stdoutCallback();
    return load && configured != null && !configured.equals("default") ? configured : "minimal";
  }

  /** The default callback's options from ansible.cfg and ANSIBLE_*, with --check for its markers. */
  private io.tightbeam.output.CallbackOptions callbackOptions() {
    return io.tightbeam.output.CallbackOptions.of(outputOptions, options.check());
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
