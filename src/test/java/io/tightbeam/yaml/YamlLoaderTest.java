package io.tightbeam.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlLoaderTest {
  private final YamlLoader loader = new YamlLoader();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @Test
  void scalarsFollowYaml11LikePyYaml() {
    YamlDocument doc =
        loader.load(
            "t.yml",
            "a: yes\nb: no\nc: On\nd: 0755\ne: '0755'\nf: 2024-01-02\ng: ~\nh: 1.5\n"
                + "i: 12345678901\nj: 123456789012345678901234\nk: y\nl: 1_000\nm: 0x1F\n");
    Map<String, Object> m = map(doc.root());
    assertThat(m.get("a")).isEqualTo(true);
    assertThat(m.get("b")).isEqualTo(false);
    assertThat(m.get("c")).isEqualTo(true);
    assertThat(m.get("d")).isEqualTo(493);
    assertThat(m.get("e")).isEqualTo("0755");
    assertThat(m.get("f")).isEqualTo("2024-01-02");
    assertThat(m).containsEntry("g", null);
    assertThat(m.get("h")).isEqualTo(1.5);
    assertThat(m.get("i")).isEqualTo(12345678901L);
    assertThat(m.get("j")).isEqualTo(new BigInteger("123456789012345678901234"));
    assertThat(m.get("k")).isEqualTo("y");
    assertThat(m.get("l")).isEqualTo(1000);
    assertThat(m.get("m")).isEqualTo(31);
    assertThat(doc.warnings()).isEmpty();
  }

  @Test
  void mappingsSequencesAndKeysRememberTheirPositions() {
    YamlDocument doc =
        loader.load("play.yml", "---\n- hosts: all\n  tasks:\n    - name: one\n      ping:\n");
    List<?> plays = (List<?>) doc.root();
    Map<String, Object> play = map(plays.get(0));
    List<?> tasks = (List<?>) play.get("tasks");
    assertThat(doc.posOf(plays)).isEqualTo(new Pos("play.yml", 2, 1));
    assertThat(doc.posOf(play)).isEqualTo(new Pos("play.yml", 2, 3));
    assertThat(doc.posOf(tasks)).isEqualTo(new Pos("play.yml", 4, 5));
    assertThat(doc.posOf(tasks.get(0))).isEqualTo(new Pos("play.yml", 4, 7));
    assertThat(doc.keyPos(play, "tasks")).isEqualTo(new Pos("play.yml", 3, 3));
    assertThat(doc.keyPos(map(tasks.get(0)), "ping")).isEqualTo(new Pos("play.yml", 5, 7));
    assertThat(doc.posOf("not a node")).isEqualTo(Pos.unknown("play.yml"));
  }

  @Test
  void vaultAndUnsafeTagsAreReadAsTheirText() {
    YamlDocument doc =
        loader.load(
            "v.yml",
            "secret: !vault |\n"
                + "  $ANSIBLE_VAULT;1.1;AES256\n"
                + "  6162\n"
                + "raw: !unsafe '{{ not templated }}'\n");
    // An inline vault value stays vaulted until used: its text is the envelope as written.
    assertThat(map(doc.root()).get("secret")).isInstanceOfSatisfying(io.tightbeam.vault.EncryptedString.class,
        e -> assertThat(e.vaulttext()).isEqualTo("$ANSIBLE_VAULT;1.1;AES256\n6162\n"));
    // An unsafe text's markers are written to print themselves: templating gives it back as written.
    assertThat(map(doc.root())).containsEntry("raw", "{{ '{{' }} not templated }}");
  }

  @Test
  void duplicateKeyKeepsTheLastValueAndWarnsAtTheSecondKey() {
    YamlDocument doc = loader.load("d.yml", "- name: x\n  command: echo 1\n  command: echo 2\n");
    Map<String, Object> task = map(((List<?>) doc.root()).get(0));
    assertThat(task).containsEntry("command", "echo 2").hasSize(2);
    assertThat(doc.warnings())
        .containsExactly(
            Diagnostic.at(
                new Pos("d.yml", 3, 3),
                "While constructing a mapping from d.yml, line 1, column 3, found a duplicate"
                    + " dict key (command). Using last defined value only."));
  }

  @Test
  void mergeKeysCopyTheAnchoredMappingAndExplicitKeysWin() {
    YamlDocument doc = loader.load("m.yml", "base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n");
    assertThat(map(map(doc.root()).get("use")))
        .containsExactly(Map.entry("x", 1), Map.entry("y", 3));
    assertThat(doc.warnings()).isEmpty();
  }

  @Test
  void syntaxErrorPointsAtTheProblem() {
    InputException e =
        catchThrowableOfType(
            InputException.class,
            () -> loader.load("bad.yml", "- name: x\n  command: y\n   bad: z\n"));
    assertThat(e.exitCode()).isEqualTo(4);
    Diagnostic d = e.diagnostics().get(0);
    assertThat(d.summary()).isEqualTo("We were unable to read either as JSON nor YAML, these are the errors "
        + "we got from each:\nJSON: Expecting value: line 1 column 1 (char 0)\n\nSyntax Error while loading YAML.");
    assertThat(d.detail()).isEqualTo("mapping values are not allowed in this context");
    assertThat(d.pos()).isEqualTo(new Pos("bad.yml", 3, 7));
  }

  @Test
  void unterminatedQuoteIsReportedAtTheEndOfTheStream() {
    InputException e =
        catchThrowableOfType(InputException.class, () -> loader.load("q.yml", "a: \"open\nb: 1\n"));
    assertThat(e.diagnostics().get(0).detail()).isEqualTo("found unexpected end of stream");
    assertThat(e.diagnostics().get(0).pos()).isEqualTo(new Pos("q.yml", 3, 1));
  }

  @Test
  void unquotedTemplateAsAMappingKeyIsASyntaxError() {
    InputException e =
        catchThrowableOfType(
            InputException.class, () -> loader.load("t.yml", "- name: x\n  command: {{ foo }}\n"));
    Diagnostic d = e.diagnostics().get(0);
    assertThat(d.detail()).isEqualTo("found unacceptable key (unhashable type: 'AnsibleMapping')");
    assertThat(d.pos()).isEqualTo(new Pos("t.yml", 2, 13));
  }

  @Test
  void unknownTagIsASyntaxError() {
    InputException e =
        catchThrowableOfType(InputException.class, () -> loader.load("t.yml", "a: !foo bar\n"));
    assertThat(e.diagnostics().get(0).detail()).contains("!foo");
    assertThat(e.diagnostics().get(0).pos().line()).isEqualTo(1);
  }

  @Test
  void emptyFileIsNull() {
    assertThat(loader.load("e.yml", "").root()).isNull();
    assertThat(loader.load("e.yml", "# only a comment\n").root()).isNull();
  }
}
