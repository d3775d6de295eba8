package io.tightbeam.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad YAML files (src/test/resources/yaml-errors/caseNN.yml) give the message ansible-playbook 2.14
 * printed for them as a vars file (caseNN.expected, after "ERROR! ", the path shown as {@code <file>}):
 * the JSON attempt, libyaml's wording, the position and the hints for the offending line.
 */
class YamlErrorsTest {
  private static final Path CASES = Path.of("src/test/resources/yaml-errors");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(CASES)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml"))
          .map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void messageIsAnsibles(String name) throws IOException {
    Path file = CASES.resolve(name + ".yml");
    InputException e = catchThrowableOfType(InputException.class, () -> new YamlLoader().load(file));
    String shown = SourceExcerpt.render(e.diagnostics().get(0)).replace(file.toString(), "<file>");
    assertThat(shown.stripTrailing()).isEqualTo(Files.readString(CASES.resolve(name + ".expected")).stripTrailing());
  }
}
