package io.tightbeam.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tightbeam.yaml.InputException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigFileTest {
  static Path resource(String name) {
    try {
      return Path.of(ConfigFileTest.class.getResource("/config/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void readsSectionsKeysAndInlineComments() {
    ConfigFile cfg = ConfigFile.read(resource("full.cfg"));

    assertThat(cfg.get("defaults", "forks")).isEqualTo("20");
    assertThat(cfg.get("defaults", "async_dir")).isEqualTo("/var/tmp/async");
    assertThat(cfg.get("privilege_escalation", "become_user")).isEqualTo("admin");
    assertThat(cfg.get("ssh_connection", "pipelining")).isEqualTo("True");
    assertThat(cfg.get("defaults", "nosuch")).isNull();
    assertThat(cfg.get("nosuch", "forks")).isNull();
  }

  @Test
  void colonDelimiterLowerCaseKeysAndContinuationLines() {
    ConfigFile cfg = ConfigFile.read(resource("continuation.cfg"));

    assertThat(cfg.get("defaults", "forks")).isEqualTo("7");
    assertThat(cfg.get("defaults", "roles_path")).isEqualTo("/a\n/b");
    assertThat(cfg.get("defaults", "stdout_callback")).isEqualTo("minimal#not a comment");
  }

  @Test
  void duplicateOptionIsAConfigError() {
    Path p = Path.of("/x/ansible.cfg");
    assertThatThrownBy(() -> ConfigFile.parse(p, "[defaults]\nforks=1\nforks=2\n"))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "Error reading config file (/x/ansible.cfg): While reading from '/x/ansible.cfg'"
                + " [line  3]: option 'forks' in section 'defaults' already exists")
        .satisfies(e -> assertThat(((InputException) e).exitCode()).isEqualTo(5));
  }

  @Test
  void keyBeforeAnySectionIsAConfigError() {
    assertThatThrownBy(() -> ConfigFile.parse(Path.of("/x/ansible.cfg"), "forks=1\n"))
        .hasMessageContaining("File contains no section headers.");
  }

  @Test
  void lineWithoutDelimiterIsAConfigError() {
    assertThatThrownBy(() -> ConfigFile.parse(Path.of("/x/ansible.cfg"), "[defaults]\ngarbage\n"))
        .hasMessageContaining("Source contains parsing errors")
        .hasMessageContaining("[line  2]: 'garbage");
  }
}
