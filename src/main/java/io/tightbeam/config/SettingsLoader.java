package io.tightbeam.config;

import io.tightbeam.vault.VaultConfig;
import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import io.tightbeam.yaml.Pos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds and reads settings as Ansible does: {@code ANSIBLE_CONFIG}, {@code ./ansible.cfg}, {@code
 * ~/.ansible.cfg}, {@code /etc/ansible/ansible.cfg} (first found wins), then {@code ANSIBLE_*}
 * environment variables over it. A bad value is an {@code InputException} with exit code 5 and
 * Ansible's message naming the setting and its origin.
 */
public final class SettingsLoader {
  static final Path SYSTEM_CONFIG = Path.of("/etc/ansible/ansible.cfg");

  private SettingsLoader() {}

  /**
   * The settings for a run. {@code env} is the process environment, {@code cwd} the working
   * directory (for {@code ./ansible.cfg} and relative paths from the environment), {@code home}
   * the user's home (for {@code ~}). Throws {@link InputException} (exit code 5) for an unreadable
   * or malformed ansible.cfg and for bad values, listing every bad value found.
   */
  public static Settings load(Map<String, String> env, Path cwd, Path home) {
    return load(env, cwd, home, SYSTEM_CONFIG);
  }

  static Settings load(Map<String, String> env, Path cwd, Path home, Path systemConfig) {
    List<String> warnings = new ArrayList<>();
    Path found = find(env, cwd, home, systemConfig, warnings);
    ConfigFile file = found == null ? null : ConfigFile.read(found);
    OptionValues values = new OptionValues(env, file, cwd, home);
    Settings d = Settings.defaults();
    Settings s =
        new Settings(
            found,
            values.pathList(ConfigOption.INVENTORY, d.inventory()),
            values.integer(ConfigOption.FORKS, d.forks()),
            values.integer(ConfigOption.POLL_INTERVAL, d.pollInterval()),
            values.string(ConfigOption.ASYNC_DIR, d.asyncDir()),
            values.string(ConfigOption.REMOTE_USER, d.remoteUser()),
            values.string(ConfigOption.REMOTE_TMP, d.remoteTmp()),
            values.integer(ConfigOption.TIMEOUT, d.timeout()),
            values.bool(ConfigOption.HOST_KEY_CHECKING, d.hostKeyChecking()),
            values.string(ConfigOption.STDOUT_CALLBACK, d.stdoutCallback()),
            values.bool(ConfigOption.NOCOLOR, d.noColor()),
            values.bool(ConfigOption.FORCE_COLOR, d.forceColor()),
            values.bool(ConfigOption.RETRY_FILES_ENABLED, d.retryFilesEnabled()),
            values.bool(ConfigOption.ANY_ERRORS_FATAL, d.anyErrorsFatal()),
            values.pathList(ConfigOption.ROLES_PATH, d.rolesPath()),
            values.string(ConfigOption.BECOME_METHOD, d.becomeMethod()),
            values.string(ConfigOption.BECOME_USER, d.becomeUser()),
            values.bool(ConfigOption.BECOME, d.become()),
            values.path(ConfigOption.PRIVATE_KEY_FILE, d.privateKeyFile()),
            values.bool(ConfigOption.KEEP_REMOTE_FILES, d.keepRemoteFiles()),
            values.string(ConfigOption.SSH_ARGS, d.sshArgs()),
            values.path(ConfigOption.CONTROL_PATH_DIR, home.resolve(".ansible/cp").toString()),
            values.string(ConfigOption.GATHERING, d.gathering()).strip(),
            values.pathList(ConfigOption.LIBRARY, d.library()),
            values.string(ConfigOption.HASH_BEHAVIOUR, d.hashBehaviour()).strip(),
            values.bool(ConfigOption.JINJA2_NATIVE, d.jinja2Native()),
            values.bool(ConfigOption.FORCE_HANDLERS, d.forceHandlers()),
            values.bool(ConfigOption.NO_LOG, d.noLog()),
            values.string(ConfigOption.STRATEGY, d.strategy()),
            warnings);
    values.atLeast(ConfigOption.POLL_INTERVAL, s.pollInterval(), 0);
    // Checked for Ansible's errors only: the default port and verbosity are not used from the
    // settings (ports come from the inventory).
    values.choice(ConfigOption.GATHERING, List.of("implicit", "explicit", "smart"));
    values.choice(ConfigOption.HASH_BEHAVIOUR, List.of("replace", "merge"));
    values.integer(ConfigOption.REMOTE_PORT, 22);
    values.integer(ConfigOption.VERBOSITY, 0);
    if (s.forks() < 1) {
      values.problem(null, "The number of processes (--forks) must be >= 1");
    }
    if (!values.problems().isEmpty()) {
      throw new InputException(values.problems(), 5);
    }
    return s;
  }

  /**
   * Tightbeam's {@code job_registry} ({@code [tightbeam]} in ansible.cfg, {@code
   * TIGHTBEAM_JOB_REGISTRY}) from the same ansible.cfg and environment as {@link #load}; null when
   * unset (the default registry).
   */
  public static String jobRegistry(Map<String, String> env, Path cwd, Path home) {
    Path found = find(env, cwd, home, SYSTEM_CONFIG, new ArrayList<>());
    OptionValues values = new OptionValues(env, found == null ? null : ConfigFile.read(found), cwd, home);
    return values.string(ConfigOption.JOB_REGISTRY, null);
  }

  /**
   * The vault settings from the same ansible.cfg and environment as {@link #load}: {@code
   * vault_password_file}, {@code vault_identity_list} (comma-separated {@code label@source}),
   * {@code vault_identity} and {@code vault_encrypt_identity}.
   */
  public static VaultConfig vault(Map<String, String> env, Path cwd, Path home) {
    Path found = find(env, cwd, home, SYSTEM_CONFIG, new ArrayList<>());
    OptionValues values = new OptionValues(env, found == null ? null : ConfigFile.read(found), cwd, home);
    List<String> identities = new ArrayList<>();
    for (String item : values.string(ConfigOption.VAULT_IDENTITY_LIST, "").split(",")) {
      if (!item.isBlank()) {
        identities.add(item.strip());
      }
    }
    return new VaultConfig(values.path(ConfigOption.VAULT_PASSWORD_FILE, null), identities,
        values.string(ConfigOption.VAULT_IDENTITY, VaultConfig.defaults().identity()),
        values.string(ConfigOption.VAULT_ENCRYPT_IDENTITY, null));
  }

  /**
   * The stdout callback's options from the same ansible.cfg and environment as {@link #load}, by
   * Ansible's option names (display_skipped_hosts, result_format, pretty_results...), with {@code
   * [diff]}'s always and context as diff_always and diff_context and bin_ansible_callbacks (ad hoc
   * commands use stdout_callback) as load_callback_plugins; an option with no value set is
   * absent, so that the callback applies its own default.
   */
  public static Map<String, Object> callbackOptions(Map<String, String> env, Path cwd, Path home) {
    Path found = find(env, cwd, home, SYSTEM_CONFIG, new ArrayList<>());
    OptionValues values = new OptionValues(env, found == null ? null : ConfigFile.read(found), cwd, home);
    Map<String, Object> options = new java.util.LinkedHashMap<>();
    for (ConfigOption o : List.of(ConfigOption.DISPLAY_SKIPPED_HOSTS, ConfigOption.DISPLAY_OK_HOSTS,
        ConfigOption.DISPLAY_FAILED_STDERR, ConfigOption.SHOW_PER_HOST_START,
        ConfigOption.CHECK_MODE_MARKERS, ConfigOption.SHOW_TASK_PATH_ON_FAILURE,
        ConfigOption.PRETTY_RESULTS)) {
      if (values.string(o, null) != null) {
        options.put(o.setting, values.bool(o, false));
      }
    }
    String format = values.string(ConfigOption.RESULT_FORMAT, null);
    if (format != null) {
      options.put(ConfigOption.RESULT_FORMAT.setting, format.strip());
    }
    if (values.string(ConfigOption.DIFF_ALWAYS, null) != null) {
      options.put("diff_always", values.bool(ConfigOption.DIFF_ALWAYS, false));
    }
    if (values.string(ConfigOption.LOAD_CALLBACK_PLUGINS, null) != null) {
      options.put("load_callback_plugins", values.bool(ConfigOption.LOAD_CALLBACK_PLUGINS, false));
    }
    if (values.string(ConfigOption.DIFF_CONTEXT, null) != null) {
      options.put("diff_context", values.integer(ConfigOption.DIFF_CONTEXT, 3));
    }
    return options;
  }

  /**
   * The enabled inventory plugins ({@code [inventory] enable_plugins}, {@code
   * ANSIBLE_INVENTORY_ENABLED}) from the same ansible.cfg and environment as {@link #load};
   * Ansible's default list when unset.
   */
  public static List<String> inventoryPlugins(Map<String, String> env, Path cwd, Path home) {
    Path found = find(env, cwd, home, SYSTEM_CONFIG, new ArrayList<>());
    OptionValues values = new OptionValues(env, found == null ? null : ConfigFile.read(found), cwd, home);
    String given = values.string(ConfigOption.INVENTORY_ENABLED, null);
    if (given == null) {
      return List.of("host_list", "script", "auto", "yaml", "ini", "toml");
    }
    List<String> plugins = new ArrayList<>();
    for (String p : given.split(",")) {
      if (!p.isBlank()) {
        plugins.add(p.strip());
      }
    }
    return plugins;
  }

  /**
   * The fact cache settings from the same ansible.cfg and environment as {@link #load}: {@code
   * fact_caching} (the plugin, {@code memory} by default), {@code fact_caching_connection}, {@code
   * fact_caching_prefix} and {@code fact_caching_timeout} (seconds; 0 never expires).
   */
  public static FactCaching factCaching(Map<String, String> env, Path cwd, Path home) {
    Path found = find(env, cwd, home, SYSTEM_CONFIG, new ArrayList<>());
    OptionValues values = new OptionValues(env, found == null ? null : ConfigFile.read(found), cwd, home);
    String connection = values.path(ConfigOption.CACHE_PLUGIN_CONNECTION, null);
    return new FactCaching(values.string(ConfigOption.CACHE_PLUGIN, "memory"),
        connection == null ? null : Path.of(connection),
        values.string(ConfigOption.CACHE_PLUGIN_PREFIX, ""),
        values.integer(ConfigOption.CACHE_PLUGIN_TIMEOUT, 86400));
  }

  /**
   * The folders of controller-side Python plugins from the same ansible.cfg and environment as
   * {@link #load} ({@code filter_plugins}, {@code test_plugins}, {@code lookup_plugins}), with
   * Ansible's defaults under {@code ~/.ansible/plugins} and {@code /usr/share/ansible/plugins}.
   */
  public static PluginPaths pluginPaths(Map<String, String> env, Path cwd, Path home) {
    Path found = find(env, cwd, home, SYSTEM_CONFIG, new ArrayList<>());
    OptionValues values = new OptionValues(env, found == null ? null : ConfigFile.read(found), cwd, home);
    return new PluginPaths(pluginPath(values, ConfigOption.FILTER_PLUGIN_PATH, "filter"),
        pluginPath(values, ConfigOption.TEST_PLUGIN_PATH, "test"),
        pluginPath(values, ConfigOption.LOOKUP_PLUGIN_PATH, "lookup"));
  }

  private static List<Path> pluginPath(OptionValues values, ConfigOption option, String kind) {
    return values.pathList(option, List.of("~/.ansible/plugins/" + kind, "/usr/share/ansible/plugins/" + kind))
        .stream().map(Path::of).toList();
  }

  /** The first of Ansible's candidate files that exists and is readable, or null. */
  static Path find(
      Map<String, String> env, Path cwd, Path home, Path systemConfig, List<String> warnings) {
    List<Path> candidates = new ArrayList<>();
    Path fromEnv = null;
    String configured = env.get("ANSIBLE_CONFIG");
    if (configured != null) {
      fromEnv = PathText.resolve(configured, cwd, env, home);
      if (Files.isDirectory(fromEnv)) {
        fromEnv = fromEnv.resolve("ansible.cfg");
      }
      candidates.add(fromEnv);
    }
    Path cwdConfig = cwd.resolve("ansible.cfg");
    boolean skippedCwd = false;
    if (worldWritable(cwd)) {
      // Ansible refuses a config anyone could have planted, but says so.
      skippedCwd = Files.exists(cwdConfig);
    } else {
      candidates.add(cwdConfig);
    }
    candidates.add(home.resolve(".ansible.cfg"));
    candidates.add(systemConfig);
    Path found = null;
    for (Path p : candidates) {
      if (Files.exists(p) && Files.isReadable(p)) {
        found = p;
        break;
      }
    }
    if (skippedCwd && (fromEnv == null || !fromEnv.equals(found))) {
      warnings.add(
          "Ansible is being run in a world writable directory (" + cwd + "), ignoring it as an"
              + " ansible.cfg source. For more information see"
              + " https://docs.ansible.com/ansible/devel/reference_appendices/config.html"
              + "#cfg-in-world-writable-dir");
    }
    return found;
  }

  private static boolean worldWritable(Path dir) {
    try {
      return Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_WRITE);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  static Diagnostic diagnostic(Path file, String message) {
    return Diagnostic.at(file == null ? null : Pos.unknown(file.toString()), message);
  }
}
