package io.tightbeam.module;

import io.tightbeam.connection.Connection;
import io.tightbeam.connection.Connections;
import io.tightbeam.connection.LocalConnection;
import io.tightbeam.connection.SshdExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scenarios of the modules that drive a target's tools ({@link HostModules}) run over the
 * local connection and over SSH to a real sshd on this machine, sync and async, as {@link
 * SystemModulesTest} runs them locally.
 */
class HostModulesIT {
  @RegisterExtension static final SshdExtension SSHD = new SshdExtension(1);

  private static final Path ROOT = Path.of("src/test/resources/system");
  private static Connections connections;

  @TempDir Path tmp;

  @BeforeAll
  static void setUp() {
    connections = new Connections();
  }

  @AfterAll
  static void tearDown() throws Exception {
    connections.close();
  }

  static Stream<Arguments> scenarios() throws IOException {
    List<String> names = SystemModulesTest.scenarios()
        .filter(n -> HostModules.all().containsKey(n.substring(0, n.indexOf('/')))).toList();
    return Stream.of("local", "ssh").flatMap(via -> names.stream().map(n -> Arguments.of(via, n)));
  }

  @ParameterizedTest(name = "{1} over {0}")
  @MethodSource("scenarios")
  void scenario(String via, String name) throws Exception {
    SystemModulesTest cases = new SystemModulesTest();
    cases.tmp = tmp;
    if (via.equals("local")) {
      try (LocalConnection conn = new LocalConnection("localhost")) {
        cases.play(name, conn);
      }
    } else {
      // the same user as the local run: the temp dir is private to this process's user
      Connection conn = connections.get(SSHD.endpointAs("web1", 0, System.getProperty("user.name")));
      cases.play(name, conn);
    }
  }
}
