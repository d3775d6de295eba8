package io.tightbeam.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tightbeam.yaml.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
  @TempDir Path tmp;
  Path cwd;
  Path home;
  Path system;
  final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void dirs() throws IOException {
    cwd = Files.createDirectories(tmp.resolve("project"));
    Files.setPosixFilePermissions(cwd, PosixFilePermissions.fromString("rwxr-xr-x"));
    home = Files.createDirectories(tmp.resolve("home"));
    system = tmp.resolve("etc/ansible/ansible.cfg");
  }

  private Settings load() {
    return SettingsLoader.load(env, cwd, home, system);
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  @Test
  void noFileAndNoEnvironmentGiveAnsiblesDefaults() {
    Settings s = load();
    Settings d = Settings.defaults();

    assertThat(s.configFile()).isNull();
    assertThat(s.forks()).isEqualTo(5);
    assertThat(s.pollInterval()).isEqualTo(15);
    assertThat(s.inventory()).containsExactly("/etc/ansible/hosts");
    assertThat(s.asyncDir()).isEqualTo("~/.ansible_async");
    assertThat(s.remoteTmp()).isEqualTo(d.remoteTmp());
    assertThat(s.rolesPath())
        .containsExactly(
            home.resolve(".ansible/roles").toString(), "/usr/share/ansible/roles",
            "/etc/ansible/roles");
    assertThat(s.hostKeyChecking()).isTrue();
    assertThat(s.warnings()).isEmpty();
  }

  @Test
  void discoveryOrderIsEnvThenCwdThenHomeThenSystem() throws IOException {
    Path sys = write(system, "[defaults]\nforks=1\n");
    assertThat(load().configFile()).isEqualTo(sys);

    Path user = write(home.resolve(".ansible.cfg"), "[defaults]\nforks=2\n");
    assertThat(load().configFile()).isEqualTo(user);

    Path local = write(cwd.resolve("ansible.cfg"), "[defaults]\nforks=3\n");
    assertThat(load().configFile()).isEqualTo(local);
    assertThat(load().forks()).isEqualTo(3);

    Path chosen = write(tmp.resolve("elsewhere/custom.cfg"), "[defaults]\nforks=4\n");
    env.put("ANSIBLE_CONFIG", chosen.toString());
    assertThat(load().configFile()).isEqualTo(chosen);
    assertThat(load().forks()).isEqualTo(4);
  }

  /** Checked with ansible-playbook 2.14: gathering = explicit in ansible.cfg skips the implicit gathering; the variable wins. */
  @Test
  void gatheringComesFromTheFileUnlessTheEnvironmentSaysOtherwise() throws IOException {
    assertThat(load().gathering()).isEqualTo("implicit");
    write(cwd.resolve("ansible.cfg"), "[defaults]\ngathering = explicit\n");
    assertThat(load().gathering()).isEqualTo("explicit");
    env.put("ANSIBLE_GATHERING", "smart");
    assertThat(load().gathering()).isEqualTo("smart");
  }

  /** The default callback's options by Ansible's names: ini keys of [defaults], ANSIBLE_* over them. */
  @Test
  void callbackOptionsComeFromDefaultsOrTheEnvironment() throws IOException {
    assertThat(SettingsLoader.callbackOptions(env, cwd, home)).isEmpty();
    write(cwd.resolve("ansible.cfg"), "[defaults]\ndisplay_ok_hosts = no\ncallback_result_format = yaml\n"
        + "check_mode_markers = true\ncallback_format_pretty = false\n");
    env.put("ANSIBLE_DISPLAY_SKIPPED_HOSTS", "0");
    env.put("ANSIBLE_SHOW_PER_HOST_START", "yes");
    assertThat(SettingsLoader.callbackOptions(env, cwd, home)).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
        "display_ok_hosts", false, "display_skipped_hosts", false, "show_per_host_start", true,
        "check_mode_markers", true, "pretty_results", false, "result_format", "yaml"));
  }

  /**
   * hash_behaviour, library (colon-separated, relative to the file's folder) and jinja2_native from
   * ansible.cfg; the message for ANSIBLE_HASH_BEHAVIOUR=bogus (exit code 5) is ansible-playbook
   * 2.14's.
   */
  @Test
  void hashBehaviourLibraryAndJinja2NativeComeFromTheFileOrTheEnvironment() throws IOException {
    assertThat(load().hashBehaviour()).isEqualTo("replace");
    assertThat(load().jinja2Native()).isFalse();
    write(cwd.resolve("ansible.cfg"), "[defaults]\nhash_behaviour = merge\nlibrary = mods:/opt/m\njinja2_native = yes\n");
    assertThat(load().hashBehaviour()).isEqualTo("merge");
    assertThat(load().library()).containsExactly(cwd.resolve("mods").toString(), "/opt/m");
    assertThat(load().jinja2Native()).isTrue();
    env.put("ANSIBLE_HASH_BEHAVIOUR", "bogus");
    assertThatThrownBy(this::load).hasMessageContaining(
        "Invalid value \"bogus\" for configuration option \"setting: DEFAULT_HASH_BEHAVIOUR \", valid values are: replace, merge");
  }

  @Test
  void ansibleConfigMayNameADirectory() throws IOException {
    Path cfg = write(tmp.resolve("confdir/ansible.cfg"), "[defaults]\nforks=9\n");
    env.put("ANSIBLE_CONFIG", tmp.resolve("confdir").toString());

    assertThat(load().configFile()).isEqualTo(cfg);
  }

  @Test
  void missingAnsibleConfigFallsThrough() throws IOException {
    Path user = write(home.resolve(".ansible.cfg"), "[defaults]\nforks=2\n");
    env.put("ANSIBLE_CONFIG", tmp.resolve("nope.cfg").toString());

    assertThat(load().configFile()).isEqualTo(user);
  }

  @Test
  void worldWritableCwdIsIgnoredWithAnsiblesWarning() throws IOException {
    write(cwd.resolve("ansible.cfg"), "[defaults]\nforks=3\n");
    Files.setPosixFilePermissions(cwd, PosixFilePermissions.fromString("rwxrwxrwx"));

    Settings s = load();

    assertThat(s.configFile()).isNull();
    assertThat(s.warnings())
        .containsExactly(
            "Ansible is being run in a world writable directory (" + cwd + "), ignoring it as an"
                + " ansible.cfg source. For more information see"
                + " https://docs.ansible.com/ansible/devel/reference_appendices/config.html"
                + "#cfg-in-world-writable-dir");
  }

  @Test
  void fileValuesAreTypedAndPathsResolveAgainstTheFile() throws IOException {
    Path cfg = tmp.resolve("conf/ansible.cfg");
    write(cfg, Files.readString(ConfigFileTest.resource("full.cfg")));
    env.put("ANSIBLE_CONFIG", cfg.toString());
    env.put("USER", "alice");

    Settings s = load();
    Path dir = cfg.getParent();

    assertThat(s.inventory())
        .containsExactly(dir.resolve("hosts").toString(), home.resolve("more-hosts").toString());
    assertThat(s.forks()).isEqualTo(20);
    assertThat(s.pollInterval()).isEqualTo(3);
    assertThat(s.asyncDir()).isEqualTo("/var/tmp/async");
    assertThat(s.remoteUser()).isEqualTo("deploy");
    assertThat(s.remoteTmp()).isEqualTo("/tmp/.ansible-${USER}");
    assertThat(s.timeout()).isEqualTo(30);
    assertThat(s.hostKeyChecking()).isFalse();
    assertThat(s.stdoutCallback()).isEqualTo("yaml");
    assertThat(s.noColor()).isTrue();
    assertThat(s.forceColor()).isFalse();
    assertThat(s.retryFilesEnabled()).isTrue();
    assertThat(s.anyErrorsFatal()).isTrue();
    assertThat(s.rolesPath())
        .containsExactly(
            dir.resolve("roles").toString(), "/opt/roles", home.resolve("roles").toString());
    assertThat(s.privateKeyFile()).isEqualTo(dir.resolve("keys/id_ed25519").toString());
    assertThat(s.keepRemoteFiles()).isTrue();
    assertThat(s.become()).isTrue();
    assertThat(s.becomeMethod()).isEqualTo("su");
    assertThat(s.becomeUser()).isEqualTo("admin");
  }

  @Test
  void sshArgsAndControlPathDirComeFromTheSshConnectionSectionOrTheEnvironment() throws IOException {
    Settings defaults = load();
    assertThat(defaults.sshArgs()).isEqualTo("-C -o ControlMaster=auto -o ControlPersist=60s");
    assertThat(defaults.controlPathDir()).isEqualTo(home.resolve(".ansible/cp").toString());

    write(cwd.resolve("ansible.cfg"), "[ssh_connection]\nssh_args = -o ControlMaster=no\ncontrol_path_dir = ~/cp\n");
    Settings fromFile = load();
    assertThat(fromFile.sshArgs()).isEqualTo("-o ControlMaster=no");
    assertThat(fromFile.controlPathDir()).isEqualTo(home.resolve("cp").toString());

    env.put("ANSIBLE_SSH_ARGS", "");
    env.put("ANSIBLE_SSH_CONTROL_PATH_DIR", "/run/cp");
    Settings fromEnv = load();
    assertThat(fromEnv.sshArgs()).as("an empty value turns the default off").isEmpty();
    assertThat(fromEnv.controlPathDir()).isEqualTo("/run/cp");
  }

  @Test
  void environmentBeatsTheFile() throws IOException {
    write(cwd.resolve("ansible.cfg"), "[defaults]\nforks=3\npoll_interval=7\nremote_user=a\n");
    env.put("ANSIBLE_FORKS", "11");
    env.put("ANSIBLE_REMOTE_USER", "b");
    env.put("ANSIBLE_INVENTORY", "inv/one.yml,/abs/two");
    env.put("ANSIBLE_BECOME", "yes");
    env.put("ANSIBLE_BECOME_USER", "ops");
    env.put("ANSIBLE_BECOME_METHOD", "doas");
    env.put("ANSIBLE_PRIVATE_KEY_FILE", "~/.ssh/key");
    env.put("ANSIBLE_ROLES_PATH", "r1:/r2");
    env.put("ANSIBLE_REMOTE_TMP", "/tmp/rt");
    env.put("ANSIBLE_ASYNC_DIR", "/tmp/ad");
    env.put("ANSIBLE_TIMEOUT", " 42 ");
    env.put("ANSIBLE_STDOUT_CALLBACK", "json");
    env.put("ANSIBLE_KEEP_REMOTE_FILES", "1");

    Settings s = load();

    assertThat(s.forks()).isEqualTo(11);
    assertThat(s.pollInterval()).isEqualTo(7);
    assertThat(s.remoteUser()).isEqualTo("b");
    assertThat(s.inventory()).containsExactly(cwd.resolve("inv/one.yml").toString(), "/abs/two");
    assertThat(s.become()).isTrue();
    assertThat(s.becomeUser()).isEqualTo("ops");
    assertThat(s.becomeMethod()).isEqualTo("doas");
    assertThat(s.privateKeyFile()).isEqualTo(home.resolve(".ssh/key").toString());
    assertThat(s.rolesPath()).containsExactly(cwd.resolve("r1").toString(), "/r2");
    assertThat(s.remoteTmp()).isEqualTo("/tmp/rt");
    assertThat(s.asyncDir()).isEqualTo("/tmp/ad");
    assertThat(s.timeout()).isEqualTo(42);
    assertThat(s.stdoutCallback()).isEqualTo("json");
    assertThat(s.keepRemoteFiles()).isTrue();
  }

  @Test
  void booleansFollowAnsiblesNonStrictRules() {
    env.put("ANSIBLE_HOST_KEY_CHECKING", "OFF");
    env.put("ANSIBLE_FORCE_COLOR", "Yes");
    env.put("ANSIBLE_ANY_ERRORS_FATAL", "t");
    env.put("ANSIBLE_RETRY_FILES_ENABLED", "maybe");

    Settings s = load();

    assertThat(s.hostKeyChecking()).isFalse();
    assertThat(s.forceColor()).isTrue();
    assertThat(s.anyErrorsFatal()).isTrue();
    assertThat(s.retryFilesEnabled()).isFalse();
  }

  @Test
  void noColorComesFromEitherVariable() {
    env.put("NO_COLOR", "1");
    assertThat(load().noColor()).isTrue();
    env.put("ANSIBLE_NOCOLOR", "true");
    env.put("NO_COLOR", "0");
    assertThat(load().noColor()).as("NO_COLOR is listed last, so it wins").isFalse();
  }

  @Test
  void sshSectionHostKeyCheckingBeatsDefaults() throws IOException {
    write(cwd.resolve("ansible.cfg"),
        "[defaults]\nhost_key_checking=True\n[ssh_connection]\nhost_key_checking=False\n");

    assertThat(load().hostKeyChecking()).isFalse();
  }

  @Test
  void badIntegerFromEnvironmentHasAnsiblesExactMessage() {
    env.put("ANSIBLE_POLL_INTERVAL", "abc");

    assertThatThrownBy(this::load)
        .isInstanceOf(InputException.class)
        .hasMessage(
            "Invalid type for configuration option setting: DEFAULT_POLL_INTERVAL (from env:"
                + " ANSIBLE_POLL_INTERVAL): invalid literal for int() with base 10: 'abc'")
        .satisfies(e -> assertThat(((InputException) e).exitCode()).isEqualTo(5));
  }

  @Test
  void badIntegerFromTheFileNamesTheFile() throws IOException {
    Path cfg = write(cwd.resolve("ansible.cfg"), "[defaults]\nforks = 2.5\n");

    assertThatThrownBy(this::load)
        .hasMessage(
            "Invalid type for configuration option setting: DEFAULT_FORKS (from " + cfg
                + "): invalid literal for int() with base 10: '2.5'");
  }

  @Test
  void everyBadValueIsReportedTogether() {
    env.put("ANSIBLE_TIMEOUT", "it's");
    env.put("ANSIBLE_FORKS", "");

    assertThatThrownBy(this::load)
        .isInstanceOfSatisfying(
            InputException.class,
            e ->
                assertThat(e.diagnostics())
                    .extracting(d -> d.summary())
                    .containsExactly(
                        "Invalid type for configuration option setting: DEFAULT_FORKS (from env:"
                            + " ANSIBLE_FORKS): invalid literal for int() with base 10: ''",
                        "Invalid type for configuration option setting: DEFAULT_TIMEOUT (from env:"
                            + " ANSIBLE_TIMEOUT): invalid literal for int() with base 10: \"it's\""));
  }

  @Test
  void negativePollIntervalIsRefused() {
    env.put("ANSIBLE_POLL_INTERVAL", "-1");

    assertThatThrownBy(this::load)
        .isInstanceOf(InputException.class)
        .hasMessage(
            "Invalid value for configuration option setting: DEFAULT_POLL_INTERVAL (from env:"
                + " ANSIBLE_POLL_INTERVAL): must be 0 or greater, got -1");
  }

  @Test
  void zeroPollIntervalIsAllowed() {
    env.put("ANSIBLE_POLL_INTERVAL", "0");

    assertThat(load().pollInterval()).isZero();
  }

  @Test
  void zeroForksIsRefused() {
    env.put("ANSIBLE_FORKS", "0");

    assertThatThrownBy(this::load).hasMessage("The number of processes (--forks) must be >= 1");
  }

  @Test
  void withMethodsApplyFlagsOverSettings() {
    Settings s =
        Settings.defaults()
            .withForks(50)
            .withPollInterval(2)
            .withInventory(List.of("a,"))
            .withRemoteUser("u")
            .withTimeout(3)
            .withBecome(true, null, "svc")
            .withPrivateKeyFile("/k");

    assertThat(s.forks()).isEqualTo(50);
    assertThat(s.pollInterval()).isEqualTo(2);
    assertThat(s.inventory()).containsExactly("a,");
    assertThat(s.remoteUser()).isEqualTo("u");
    assertThat(s.timeout()).isEqualTo(3);
    assertThat(s.become()).isTrue();
    assertThat(s.becomeMethod()).isEqualTo("sudo");
    assertThat(s.becomeUser()).isEqualTo("svc");
    assertThat(s.privateKeyFile()).isEqualTo("/k");
  }
}
