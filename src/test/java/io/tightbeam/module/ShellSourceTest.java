package io.tightbeam.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every target-side {@code .sh} resource parses in sh and dash and passes ShellCheck as POSIX sh. */
class ShellSourceTest {
  private static final Path DIR = Path.of("src/main/resources" + ShellSource.DIRECTORY);

  static Stream<String> files() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sh")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void parsesAndLints(String name) throws Exception {
    String file = DIR.resolve(name).toString();
    for (List<String> command : List.of(List.of("sh", "-n", file), List.of("dash", "-n", file),
        List.of("shellcheck", "-s", "sh", "-S", "warning", file))) {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
    }
    assertThat(ShellSource.load(name)).isNotEmpty();
  }
}
