package io.tightbeam.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlPersistTest {
  private static Long idle(String args) {
    return ControlPersist.idleSeconds(SshSettings.words(args));
  }

  @Test
  void ansiblesDefaultSshArgsPersistSixtySeconds() {
    assertThat(idle("-C -o ControlMaster=auto -o ControlPersist=60s")).isEqualTo(60L);
  }

  @Test
  void persistenceNeedsAMasterAndAPersistOtherThanNo() {
    assertThat(idle("-C -o ControlPersist=60s")).as("no ControlMaster: ssh's default is no").isNull();
    assertThat(idle("-o ControlMaster=no -o ControlPersist=60s")).isNull();
    assertThat(idle("-o ControlMaster=auto -o ControlPersist=no")).isNull();
    assertThat(idle("-o ControlMaster=auto")).isNull();
    assertThat(idle("")).isNull();
  }

  @Test
  void optionsAreReadInEverySpellingSshAcceptsAndTheFirstValueWins() {
    assertThat(idle("-oControlMaster=yes -oControlPersist=10m")).isEqualTo(600L);
    assertThat(idle("-o 'ControlMaster auto' -o 'controlpersist 1h30m'")).isEqualTo(5400L);
    assertThat(idle("-o ControlMaster=auto -o ControlPersist=30 -o ControlPersist=no")).isEqualTo(30L);
    assertThat(idle("-o ControlMaster=auto -o ControlPersist=yes")).as("for ever").isZero();
    assertThat(idle("-o ControlMaster=auto -o ControlPersist=0")).as("for ever").isZero();
  }

  @Test
  void sshTimeFormat() {
    assertThat(ControlPersist.seconds("90")).isEqualTo(90);
    assertThat(ControlPersist.seconds("1w1d1h1m1s")).isEqualTo(604800 + 86400 + 3600 + 60 + 1);
    assertThatThrownBy(() -> ControlPersist.seconds("5x")).hasMessageContaining("5x");
    assertThatThrownBy(() -> ControlPersist.seconds("m")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSocketDirectoryIsControlPathDirWithTildeAsTheControllersHome() {
    Endpoint e = new Endpoint("h", "ssh", "h", 22, null, Duration.ofSeconds(10),
        Map.of("ssh_args", "-o ControlMaster=auto -o ControlPersist=5", "control_path_dir", "~/.ansible/cp"));
    ControlPersist p = ControlPersist.of(e, Map.of("HOME", "/home/ops"));
    assertThat(p).isEqualTo(new ControlPersist(5, Path.of("/home/ops/.ansible/cp")));
    Endpoint unparsable = new Endpoint("h", "ssh", "h", 22, null, Duration.ofSeconds(10),
        Map.of("ssh_args", "-o ControlMaster=auto -o ControlPersist=soon", "control_path_dir", "/tmp/cp"));
    assertThat(ControlPersist.of(unparsable, Map.of())).as("ssh would refuse it; we run without").isNull();
  }
}
