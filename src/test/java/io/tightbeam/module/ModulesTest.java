package io.tightbeam.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tightbeam.connection.Become;
import io.tightbeam.connection.LocalConnection;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModulesTest {
  private final Modules modules = Modules.builtin();

  @Test
  void builtinRegistersEveryModuleAndActionByShortAndLongName() {
    assertThat(modules.names())
        .containsExactlyInAnyOrder(
            "command", "shell", "raw", "ping", "setup", "debug", "set_fact", "fail", "assert",
            "pause", "validate_argument_spec", "stat", "copy", "file", "lineinfile", "wait_for", "apt", "yum", "dnf", "package",
            "service", "systemd", "systemd_service",
            "tempfile", "slurp", "replace", "find", "fetch", "getent", "uri", "get_url", "assemble",
            "user", "group", "sysctl", "ansible.posix.sysctl", "ini_file", "community.general.ini_file",
            "authorized_key", "ansible.posix.authorized_key", "cron", "hostname", "known_hosts", "blockinfile", "yum_repository", "package_facts", "apt_repository", "debconf", "rpm_key", "timezone",
            "community.general.timezone", "add_host", "group_by", "set_stats", "gather_facts",
            "wait_for_connection", "script", "unarchive", "reboot", "service_facts", "git", "dpkg_selections",
            "iptables", "sysvinit", "subversion", "expect", "apt_key", "pip", "mount", "ansible.posix.mount", "pkgng", "community.general.pkgng", "selinux", "ansible.posix.selinux", "pam_limits", "community.general.pam_limits", "pkg5", "community.general.pkg5", "zypper_repository", "community.general.zypper_repository");
    assertThat(Modules.builtin(new io.tightbeam.template.Templar()).remote("ansible.builtin.template"))
        .isPresent();
    assertThat(modules.remote("ansible.builtin.command")).get().extracting(RemoteModule::name)
        .isEqualTo("command");
    assertThat(modules.remote("ansible.legacy.shell")).get().extracting(RemoteModule::name)
        .isEqualTo("shell");
    assertThat(modules.action("ansible.builtin.debug")).isPresent();
    assertThat(modules.remote("debug")).isEmpty();
    assertThat(modules.action("command")).isEmpty();
  }

  @Test
  void suggestsTheNearestNameIncludingExecutorActions() {
    assertThat(modules.suggest("comand")).contains("command");
    assertThat(modules.suggest("ansible.builtin.shel")).contains("shell");
    assertThat(modules.suggest("include_task")).contains("include_tasks");
    assertThat(modules.suggest("asycn_status")).contains("async_status");
    assertThat(modules.suggest("setfact")).contains("set_fact");
    assertThat(modules.suggest("frobnicate")).isEmpty();
    assertThat(modules.suggest("command")).isEmpty();
    assertThat(modules.suggest("templat", Set.of("template"))).contains("template");
  }

  @Test
  void rawRefusesAsyncWithAnsiblesMessage() {
    RemoteModule raw = modules.remote("raw").orElseThrow();
    assertThat(raw.supportsAsync()).isFalse();
    assertThat(modules.remote("command").orElseThrow().supportsAsync()).isTrue();
    TargetContext target =
        new TargetContext(new LocalConnection("h"), Become.NONE, Map.of(), false, false, Path.of("."));
    assertThatThrownBy(() -> raw.script(Map.of("_raw_params", "true"), target))
        .hasMessage("async is not supported for this task.");
  }

  @Test
  void missingRequiredArgumentIsNamed() {
    assertThatThrownBy(() -> modules.remote("raw").orElseThrow().checkArgs(Map.of()))
        .isInstanceOf(ModuleArgumentException.class)
        .hasMessage("missing required arguments: _raw_params");
  }

  @Test
  void commandSupportsCheckModeAndRawDoesNot() {
    assertThat(modules.remote("command").orElseThrow().supportsCheckMode()).isTrue();
    assertThat(modules.remote("raw").orElseThrow().supportsCheckMode()).isFalse();
  }

  /** As ansible-playbook 2.14 printed each for a task with an unknown argument {@code bogus}. */
  @Test
  void argumentMessagesNameTheModuleAsAnsibleDoes() {
    assertThat(Modules.argumentName("copy")).isEqualTo("ansible.legacy.copy");
    assertThat(Modules.argumentName("ansible.builtin.copy")).isEqualTo("ansible.legacy.copy");
    assertThat(Modules.argumentName("ansible.builtin.shell")).isEqualTo("ansible.legacy.command");
    assertThat(Modules.argumentName("command")).isEqualTo("ansible.legacy.command");
    assertThat(Modules.argumentName("file")).isEqualTo("file");
    assertThat(Modules.argumentName("ansible.builtin.file")).isEqualTo("ansible.builtin.file");
    assertThat(Modules.argumentName("user")).isEqualTo("user");
    assertThat(Modules.argumentName("get_url")).isEqualTo("get_url");
    assertThat(Modules.argumentName("async_status")).isEqualTo("async_status");
    assertThat(Modules.argumentName("unarchive")).isEqualTo("ansible.legacy.unarchive");
    assertThat(Modules.argumentName("ansible.posix.sysctl")).isEqualTo("ansible.posix.sysctl");
    ModuleArgumentException e = new ModuleArgumentException(
        "Unsupported parameters for (file) module: bogus. Supported parameters include: path.");
    assertThat(e.naming("ansible.builtin.file")).hasMessage(
        "Unsupported parameters for (ansible.builtin.file) module: bogus. Supported parameters include: path.");
    ModuleArgumentException missing = new ModuleArgumentException("missing required arguments: path");
    assertThat(missing.naming("ansible.builtin.file")).isSameAs(missing);
  }
}
