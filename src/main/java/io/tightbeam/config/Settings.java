package io.tightbeam.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The settings in force for a run, from {@code ansible.cfg}, {@code ANSIBLE_*} environment
 * variables and defaults (flags are applied on top by the CLI with the {@code with*} methods).
 * {@code configFile} is the ansible.cfg that was read, or null.
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
    boolean keepRemoteFiles) {

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
}
