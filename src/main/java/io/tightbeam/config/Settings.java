package io.tightbeam.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The settings in force for a run, from {@code ansible.cfg}, {@code ANSIBLE_*} environment
 * variables and defaults (flags are applied on top by the CLI with the {@code with*} methods).
 * {@code configFile} is the ansible.cfg that was read, or null. {@code warnings} are Ansible's
 * warnings from finding the file (e.g. a world-writable current directory), without the {@code
 * [WARNING]: } prefix, for the caller to print. {@code sshArgs} and {@code controlPathDir} are
 * Ansible's {@code ssh_args} and {@code control_path_dir}: Tightbeam reads ControlMaster and
 * ControlPersist from the former (see {@code connection.ControlPersist}). {@code gathering} is
 * Ansible's fact gathering policy: implicit, explicit or smart. {@code library} is Ansible's
 * {@code library} (DEFAULT_MODULE_PATH): more folders of custom modules. {@code hashBehaviour} is
 * {@code hash_behaviour}: {@code replace} or {@code merge}; {@code jinja2Native} is {@code
 * jinja2_native}; {@code forceHandlers} is {@code force_handlers} (notified handlers also run on
 * hosts that failed); {@code noLog} is {@code no_log} (DEFAULT_NO_LOG: every task's result hidden); {@code strategy} is
 * DEFAULT_STRATEGY, the strategy of a play without the keyword.
 */
public record Settings(
    Path configFile,
    List<String> inventory,
    int forks,
    int pollInterval,
    String asyncDir,
    String remoteUser,
    String remoteTmp,
    int timeout,
    boolean hostKeyChecking,
    String stdoutCallback,
    boolean noColor,
    boolean forceColor,
    boolean retryFilesEnabled,
    boolean anyErrorsFatal,
    List<String> rolesPath,
    String becomeMethod,
    String becomeUser,
    boolean become,
    String privateKeyFile,
    boolean keepRemoteFiles,
    String sshArgs,
    String controlPathDir,
    String gathering,
    List<String> library,
    String hashBehaviour,
    boolean jinja2Native,
    boolean forceHandlers,
    boolean noLog,
    String strategy,
    List<String> warnings) {

  public Settings {
    inventory = List.copyOf(inventory);
    rolesPath = List.copyOf(rolesPath);
    library = library == null ? List.of() : List.copyOf(library);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** Ansible's default {@code ssh_args}: its ssh connections persist 60 s after a run. */
  public static final String DEFAULT_SSH_ARGS = "-C -o ControlMaster=auto -o ControlPersist=60s";
  /** Ansible's default {@code control_path_dir}. */
  public static final String DEFAULT_CONTROL_PATH_DIR = "~/.ansible/cp";

  /** The settings without warnings and SSH arguments (the shape before they were added). */
  public Settings(
      Path configFile,
      List<String> inventory,
      int forks,
      int pollInterval,
      String asyncDir,
      String remoteUser,
      String remoteTmp,
      int timeout,
      boolean hostKeyChecking,
      String stdoutCallback,
      boolean noColor,
      boolean forceColor,
      boolean retryFilesEnabled,
      boolean anyErrorsFatal,
      List<String> rolesPath,
      String becomeMethod,
      String becomeUser,
      boolean become,
      String privateKeyFile,
      boolean keepRemoteFiles) {
    this(configFile, inventory, forks, pollInterval, asyncDir, remoteUser, remoteTmp, timeout,
        hostKeyChecking, stdoutCallback, noColor, forceColor, retryFilesEnabled, anyErrorsFatal,
        rolesPath, becomeMethod, becomeUser, become, privateKeyFile, keepRemoteFiles, DEFAULT_SSH_ARGS,
        DEFAULT_CONTROL_PATH_DIR, "implicit",
        List.of("~/.ansible/plugins/modules", "/usr/share/ansible/plugins/modules"), "replace", false, false, false, "linear", List.of());
  }

  /** Ansible's defaults, as with no ansible.cfg and no environment. */
  public static Settings defaults() {
    return new Settings(
        null,
        List.of("/etc/ansible/hosts"),
        5,
        15,
        "~/.ansible_async",
        null,
        "~/.ansible/tmp",
        10,
        true,
        "default",
        false,
        false,
        false,
        false,
        List.of("~/.ansible/roles", "/usr/share/ansible/roles", "/etc/ansible/roles"),
        "sudo",
        "root",
        false,
        null,
        false);
  }

  /** With {@code -i} sources replacing the configured inventory. */
  /** With {@code force_handlers} on (ansible-playbook's --force-handlers). */
  public Settings withForceHandlers() {
    return new Settings(configFile, inventory, forks, pollInterval, asyncDir, remoteUser, remoteTmp,
        timeout, hostKeyChecking, stdoutCallback, noColor, forceColor, retryFilesEnabled, anyErrorsFatal,
        rolesPath, becomeMethod, becomeUser, become, privateKeyFile, keepRemoteFiles, sshArgs,
        controlPathDir, gathering, library, hashBehaviour, jinja2Native, true, noLog, strategy, warnings);
  }

  public Settings withInventory(List<String> sources) {
    return new Settings(configFile, sources, forks, pollInterval, asyncDir, remoteUser, remoteTmp,
        timeout, hostKeyChecking, stdoutCallback, noColor, forceColor, retryFilesEnabled,
        anyErrorsFatal, rolesPath, becomeMethod, becomeUser, become, privateKeyFile,
        keepRemoteFiles, sshArgs, controlPathDir, gathering, library, hashBehaviour, jinja2Native, forceHandlers, noLog, strategy, warnings);
  }

  /** With {@code -f}. */
  public Settings withForks(int value) {
    return new Settings(configFile, inventory, value, pollInterval, asyncDir, remoteUser,
        remoteTmp, timeout, hostKeyChecking, stdoutCallback, noColor, forceColor,
        retryFilesEnabled, anyErrorsFatal, rolesPath, becomeMethod, becomeUser, become,
        privateKeyFile, keepRemoteFiles, sshArgs, controlPathDir, gathering, library, hashBehaviour, jinja2Native, forceHandlers, noLog, strategy, warnings);
  }

  /** With {@code -P}. */
  public Settings withPollInterval(int value) {
    return new Settings(configFile, inventory, forks, value, asyncDir, remoteUser, remoteTmp,
        timeout, hostKeyChecking, stdoutCallback, noColor, forceColor, retryFilesEnabled,
        anyErrorsFatal, rolesPath, becomeMethod, becomeUser, become, privateKeyFile,
        keepRemoteFiles, sshArgs, controlPathDir, gathering, library, hashBehaviour, jinja2Native, forceHandlers, noLog, strategy, warnings);
  }

  /** With {@code -u}. */
  public Settings withRemoteUser(String value) {
    return new Settings(configFile, inventory, forks, pollInterval, asyncDir, value, remoteTmp,
        timeout, hostKeyChecking, stdoutCallback, noColor, forceColor, retryFilesEnabled,
        anyErrorsFatal, rolesPath, becomeMethod, becomeUser, become, privateKeyFile,
        keepRemoteFiles, sshArgs, controlPathDir, gathering, library, hashBehaviour, jinja2Native, forceHandlers, noLog, strategy, warnings);
  }

  /** With {@code -T}. */
  public Settings withTimeout(int value) {
    return new Settings(configFile, inventory, forks, pollInterval, asyncDir, remoteUser,
        remoteTmp, value, hostKeyChecking, stdoutCallback, noColor, forceColor,
        retryFilesEnabled, anyErrorsFatal, rolesPath, becomeMethod, becomeUser, become,
        privateKeyFile, keepRemoteFiles, sshArgs, controlPathDir, gathering, library, hashBehaviour, jinja2Native, forceHandlers, noLog, strategy, warnings);
  }

  /** With {@code -b}, {@code --become-method} and {@code --become-user} (null keeps the value). */
  public Settings withBecome(boolean on, String method, String user) {
    return new Settings(configFile, inventory, forks, pollInterval, asyncDir, remoteUser,
        remoteTmp, timeout, hostKeyChecking, stdoutCallback, noColor, forceColor,
        retryFilesEnabled, anyErrorsFatal, rolesPath, method == null ? becomeMethod : method,
        user == null ? becomeUser : user, on, privateKeyFile, keepRemoteFiles, sshArgs, controlPathDir, gathering, library, hashBehaviour, jinja2Native, forceHandlers, noLog, strategy, warnings);
  }

  /** With {@code --private-key}. */
  public Settings withPrivateKeyFile(String value) {
    return new Settings(configFile, inventory, forks, pollInterval, asyncDir, remoteUser,
        remoteTmp, timeout, hostKeyChecking, stdoutCallback, noColor, forceColor,
        retryFilesEnabled, anyErrorsFatal, rolesPath, becomeMethod, becomeUser, become, value,
        keepRemoteFiles, sshArgs, controlPathDir, gathering, library, hashBehaviour, jinja2Native, forceHandlers, noLog, strategy, warnings);
  }
}
