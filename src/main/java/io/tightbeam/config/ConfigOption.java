package io.tightbeam.config;

import java.util.List;

/**
 * The settings Tightbeam reads, with Ansible's setting names (used in error messages), their
 * environment variables and ini keys. When several entries of one kind are set, the last listed
 * wins, as in Ansible's config manager; any environment variable beats the ini file.
 */
enum ConfigOption {
  INVENTORY("DEFAULT_HOST_LIST", Type.PATH_LIST, List.of("ANSIBLE_INVENTORY"),
      List.of("defaults.hostfile", "defaults.inventory")),
  FORKS("DEFAULT_FORKS", Type.INT, List.of("ANSIBLE_FORKS"), List.of("defaults.forks")),
  POLL_INTERVAL("DEFAULT_POLL_INTERVAL", Type.INT, List.of("ANSIBLE_POLL_INTERVAL"),
      List.of("defaults.poll_interval")),
  ASYNC_DIR("async_dir", Type.STRING, List.of("ANSIBLE_ASYNC_DIR"), List.of("defaults.async_dir")),
  REMOTE_USER("DEFAULT_REMOTE_USER", Type.STRING, List.of("ANSIBLE_REMOTE_USER"),
      List.of("defaults.remote_user")),
  REMOTE_TMP("remote_tmp", Type.STRING, List.of("ANSIBLE_REMOTE_TEMP", "ANSIBLE_REMOTE_TMP"),
      List.of("defaults.remote_tmp")),
  TIMEOUT("DEFAULT_TIMEOUT", Type.INT, List.of("ANSIBLE_TIMEOUT"), List.of("defaults.timeout")),
  HOST_KEY_CHECKING("HOST_KEY_CHECKING", Type.BOOL,
      List.of("ANSIBLE_HOST_KEY_CHECKING", "ANSIBLE_SSH_HOST_KEY_CHECKING"),
      List.of("defaults.host_key_checking", "ssh_connection.host_key_checking")),
  STDOUT_CALLBACK("DEFAULT_STDOUT_CALLBACK", Type.STRING, List.of("ANSIBLE_STDOUT_CALLBACK"),
      List.of("defaults.stdout_callback")),
  NOCOLOR("ANSIBLE_NOCOLOR", Type.BOOL, List.of("ANSIBLE_NOCOLOR", "NO_COLOR"),
      List.of("defaults.nocolor")),
  FORCE_COLOR("ANSIBLE_FORCE_COLOR", Type.BOOL, List.of("ANSIBLE_FORCE_COLOR"),
      List.of("defaults.force_color")),
  RETRY_FILES_ENABLED("RETRY_FILES_ENABLED", Type.BOOL, List.of("ANSIBLE_RETRY_FILES_ENABLED"),
      List.of("defaults.retry_files_enabled")),
  ANY_ERRORS_FATAL("ANY_ERRORS_FATAL", Type.BOOL, List.of("ANSIBLE_ANY_ERRORS_FATAL"),
      List.of("defaults.any_errors_fatal")),
  FILTER_PLUGIN_PATH("DEFAULT_FILTER_PLUGIN_PATH", Type.PATH_SPEC, List.of("ANSIBLE_FILTER_PLUGINS"),
      List.of("defaults.filter_plugins")),
  TEST_PLUGIN_PATH("DEFAULT_TEST_PLUGIN_PATH", Type.PATH_SPEC, List.of("ANSIBLE_TEST_PLUGINS"),
      List.of("defaults.test_plugins")),
  LOOKUP_PLUGIN_PATH("DEFAULT_LOOKUP_PLUGIN_PATH", Type.PATH_SPEC, List.of("ANSIBLE_LOOKUP_PLUGINS"),
      List.of("defaults.lookup_plugins")),
  ROLES_PATH("DEFAULT_ROLES_PATH", Type.PATH_SPEC, List.of("ANSIBLE_ROLES_PATH"),
      List.of("defaults.roles_path")),
  BECOME_METHOD("DEFAULT_BECOME_METHOD", Type.STRING, List.of("ANSIBLE_BECOME_METHOD"),
      List.of("privilege_escalation.become_method")),
  BECOME_USER("DEFAULT_BECOME_USER", Type.STRING, List.of("ANSIBLE_BECOME_USER"),
      List.of("privilege_escalation.become_user")),
  BECOME("DEFAULT_BECOME", Type.BOOL, List.of("ANSIBLE_BECOME"),
      List.of("privilege_escalation.become")),
  PRIVATE_KEY_FILE("DEFAULT_PRIVATE_KEY_FILE", Type.PATH, List.of("ANSIBLE_PRIVATE_KEY_FILE"),
      List.of("defaults.private_key_file")),
  KEEP_REMOTE_FILES("DEFAULT_KEEP_REMOTE_FILES", Type.BOOL, List.of("ANSIBLE_KEEP_REMOTE_FILES"),
      List.of("defaults.keep_remote_files")),
  SSH_ARGS("ssh_args", Type.STRING, List.of("ANSIBLE_SSH_ARGS"), List.of("ssh_connection.ssh_args")),
  GATHERING("DEFAULT_GATHERING", Type.STRING, List.of("ANSIBLE_GATHERING"),
      List.of("defaults.gathering")),
  LIBRARY("DEFAULT_MODULE_PATH", Type.PATH_SPEC, List.of("ANSIBLE_LIBRARY"), List.of("defaults.library")),
  HASH_BEHAVIOUR("DEFAULT_HASH_BEHAVIOUR", Type.STRING, List.of("ANSIBLE_HASH_BEHAVIOUR"),
      List.of("defaults.hash_behaviour")),
  JINJA2_NATIVE("DEFAULT_JINJA2_NATIVE", Type.BOOL, List.of("ANSIBLE_JINJA2_NATIVE"),
      List.of("defaults.jinja2_native")),
  FORCE_HANDLERS("DEFAULT_FORCE_HANDLERS", Type.BOOL, List.of("ANSIBLE_FORCE_HANDLERS"),
      List.of("defaults.force_handlers")),
  NO_LOG("DEFAULT_NO_LOG", Type.BOOL, List.of("ANSIBLE_NO_LOG"), List.of("defaults.no_log")),
  STRATEGY("DEFAULT_STRATEGY", Type.STRING, List.of("ANSIBLE_STRATEGY"), List.of("defaults.strategy")),
  REMOTE_PORT("DEFAULT_REMOTE_PORT", Type.INT, List.of("ANSIBLE_REMOTE_PORT"),
      List.of("defaults.remote_port")),
  VERBOSITY("DEFAULT_VERBOSITY", Type.INT, List.of("ANSIBLE_VERBOSITY"),
      List.of("defaults.verbosity")),
  CONTROL_PATH_DIR("control_path_dir", Type.PATH, List.of("ANSIBLE_SSH_CONTROL_PATH_DIR"),
      List.of("ssh_connection.control_path_dir")),
  JOB_REGISTRY("job_registry", Type.STRING, List.of("TIGHTBEAM_JOB_REGISTRY"),
      List.of("tightbeam.job_registry")),
  VAULT_PASSWORD_FILE("DEFAULT_VAULT_PASSWORD_FILE", Type.PATH, List.of("ANSIBLE_VAULT_PASSWORD_FILE"),
      List.of("defaults.vault_password_file")),
  VAULT_IDENTITY_LIST("DEFAULT_VAULT_IDENTITY_LIST", Type.STRING, List.of("ANSIBLE_VAULT_IDENTITY_LIST"),
      List.of("defaults.vault_identity_list")),
  VAULT_IDENTITY("DEFAULT_VAULT_IDENTITY", Type.STRING, List.of("ANSIBLE_VAULT_IDENTITY"),
      List.of("defaults.vault_identity")),
  VAULT_ENCRYPT_IDENTITY("DEFAULT_VAULT_ENCRYPT_IDENTITY", Type.STRING,
      List.of("ANSIBLE_VAULT_ENCRYPT_IDENTITY"), List.of("defaults.vault_encrypt_identity")),
  DISPLAY_SKIPPED_HOSTS("display_skipped_hosts", Type.BOOL, List.of("ANSIBLE_DISPLAY_SKIPPED_HOSTS"),
      List.of("defaults.display_skipped_hosts")),
  DISPLAY_OK_HOSTS("display_ok_hosts", Type.BOOL, List.of("ANSIBLE_DISPLAY_OK_HOSTS"),
      List.of("defaults.display_ok_hosts")),
  DISPLAY_FAILED_STDERR("display_failed_stderr", Type.BOOL, List.of("ANSIBLE_DISPLAY_FAILED_STDERR"),
      List.of("defaults.display_failed_stderr")),
  SHOW_PER_HOST_START("show_per_host_start", Type.BOOL, List.of("ANSIBLE_SHOW_PER_HOST_START"),
      List.of("defaults.show_per_host_start")),
  CHECK_MODE_MARKERS("check_mode_markers", Type.BOOL, List.of("ANSIBLE_CHECK_MODE_MARKERS"),
      List.of("defaults.check_mode_markers")),
  SHOW_TASK_PATH_ON_FAILURE("show_task_path_on_failure", Type.BOOL,
      List.of("ANSIBLE_SHOW_TASK_PATH_ON_FAILURE"), List.of("defaults.show_task_path_on_failure")),
  RESULT_FORMAT("result_format", Type.STRING, List.of("ANSIBLE_CALLBACK_RESULT_FORMAT"),
      List.of("defaults.callback_result_format")),
  PRETTY_RESULTS("pretty_results", Type.BOOL, List.of("ANSIBLE_CALLBACK_FORMAT_PRETTY"),
      List.of("defaults.callback_format_pretty")),
  DIFF_ALWAYS("DIFF_ALWAYS", Type.BOOL, List.of("ANSIBLE_DIFF_ALWAYS"), List.of("diff.always")),
  DIFF_CONTEXT("DIFF_CONTEXT", Type.INT, List.of("ANSIBLE_DIFF_CONTEXT"), List.of("diff.context")),
  INVENTORY_ENABLED("INVENTORY_ENABLED", Type.STRING, List.of("ANSIBLE_INVENTORY_ENABLED"),
      List.of("inventory.enable_plugins")),
  LOAD_CALLBACK_PLUGINS("DEFAULT_LOAD_CALLBACK_PLUGINS", Type.BOOL, List.of("ANSIBLE_LOAD_CALLBACK_PLUGINS"),
      List.of("defaults.bin_ansible_callbacks")),
  CACHE_PLUGIN("CACHE_PLUGIN", Type.STRING, List.of("ANSIBLE_CACHE_PLUGIN"), List.of("defaults.fact_caching")),
  CACHE_PLUGIN_CONNECTION("CACHE_PLUGIN_CONNECTION", Type.PATH, List.of("ANSIBLE_CACHE_PLUGIN_CONNECTION"),
      List.of("defaults.fact_caching_connection")),
  CACHE_PLUGIN_PREFIX("CACHE_PLUGIN_PREFIX", Type.STRING, List.of("ANSIBLE_CACHE_PLUGIN_PREFIX"),
      List.of("defaults.fact_caching_prefix")),
  CACHE_PLUGIN_TIMEOUT("CACHE_PLUGIN_TIMEOUT", Type.INT, List.of("ANSIBLE_CACHE_PLUGIN_TIMEOUT"),
      List.of("defaults.fact_caching_timeout"));

  /** How a raw text value becomes a typed one, as Ansible's {@code ensure_type}. */
  enum Type {
    STRING,
    INT,
    BOOL,
    /** One local path: {@code ~} and {@code $VARS} expanded, relative to the origin's dir. */
    PATH,
    /** Comma-separated paths. */
    PATH_LIST,
    /** Colon-separated paths. */
    PATH_SPEC
  }

  final String setting;
  final Type type;
  final List<String> envNames;
  /** {@code section.key} entries. */
  final List<String> iniEntries;

  ConfigOption(String setting, Type type, List<String> envNames, List<String> iniEntries) {
    this.setting = setting;
    this.type = type;
    this.envNames = envNames;
    this.iniEntries = iniEntries;
  }
}
