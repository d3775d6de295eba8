package io.tightbeam.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Finds and reads settings as Ansible does: {@code ANSIBLE_CONFIG}, {@code ./ansible.cfg}, {@code
 * ~/.ansible.cfg}, {@code /etc/ansible/ansible.cfg} (first found wins), then {@code ANSIBLE_*}
 * environment variables over it. A bad value is an {@code InputException} with exit code 5 and
 * Ansible's message naming the setting and its origin.
 */
public final class SettingsLoader {
  public static Settings load(Map<String, String> env, Path cwd, Path home) {
    return Settings.defaults(); // TODO(config helper)
  }
}
