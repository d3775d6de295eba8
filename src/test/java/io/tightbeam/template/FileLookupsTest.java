package io.tightbeam.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tightbeam.py.Py;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lookups that read files, run commands and render templates, on the fixture tree
 * {@code template/lookup-files} (as a playbook's directory); expected values from ansible 2.14
 * run on the same files.
 */
class FileLookupsTest {
  private static final Path BASE =
      Path.of("src/test/resources/template/lookup-files").toAbsolutePath();
  private final LookupEnv env = new LookupEnv();

  FileLookupsTest() {
    env.base = BASE;
    env.with("who", "World");
  }

  private String query(String name, Object... terms) {
    return queryWith(name, Map.of(), terms);
  }

  private String queryWith(String name, Map<String, Object> options, Object... terms) {
    Catalogue.Lookup lookup = Catalogue.builtin().lookup(name);
    assertThat(lookup).as(name).isNotNull();
    return Py.repr(lookup.body().run(new ArrayList<>(Arrays.asList(terms)), options, env));
  }

  private static Map<String, Object> opts(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void csvfileFindsTheRowByItsFirstField() {
    Map<String, Object> comma = opts("file", "crew.csv", "delimiter", ",");
    assertThat(queryWith("csvfile", comma, "Ripley")).isEqualTo("['warrant officer']");
    assertThat(queryWith("csvfile", opts("file", "crew.csv", "delimiter", ",", "col", 2),
        "Ripley")).isEqualTo("['C, aft']");
    assertThat(queryWith("csvfile", opts("file", "crew.csv", "delimiter", ",", "col", "1"),
        "Parker \"Brett\" Jr")).isEqualTo("['engineer']");
    assertThat(query("csvfile", "Lambert file=crew.csv delimiter=, col=-1")).isEqualTo("['A']");
    assertThat(queryWith("csvfile", comma, "Nobody")).isEqualTo("[]");
    assertThat(queryWith("csvfile", opts("file", "crew.csv", "delimiter", ",", "default", "none"),
        "Nobody")).isEqualTo("['none']");
    assertThat(queryWith("csvfile", opts("file", "greek.tsv"), "beta")).isEqualTo("['second']");
    assertThat(query("csvfile", "alpha file=greek.tsv delimiter=TAB")).isEqualTo("['first']");
    assertThat(queryWith("csvfile", opts("file", "crew.csv", "delimiter", ",", "col", 2),
        "# name")).isEqualTo("['deck']");
  }

  @Test
  void iniReadsAsConfigparserDoes() {
    Map<String, Object> ship = opts("section", "nostromo", "file", "ship.ini");
    assertThat(queryWith("ini", ship, "crew")).isEqualTo("['7']");
    assertThat(queryWith("ini", ship, "class", "cargo", "motto", "percent", "owner")).isEqualTo(
        "['tug', '20000000 tons\\nof ore', 'built by Weyland', '100%', 'Weyland']");
    assertThat(query("ini", "crew section=narcissus file=ship.ini")).isEqualTo("['1']");
    assertThat(queryWith("ini", ship, "nope")).isEqualTo("['']");
    assertThat(queryWith("ini", opts("section", "nostromo", "file", "ship.ini", "re", true), ".*"))
        .isEqualTo("['Weyland', '7', 'tug', '20000000 tons\\nof ore', 'built by Weyland', "
            + "'100%']");
    assertThat(queryWith("ini", opts("section", "nostromo", "file", "ship.ini", "re", true),
        "c.*")).isEqualTo("['7', 'tug', '20000000 tons\\nof ore']");
    Map<String, Object> exact = opts("section", "nostromo", "file", "ship.ini", "case_sensitive",
        true);
    assertThat(queryWith("ini", exact, "Crew")).isEqualTo("['7']");
    assertThat(queryWith("ini", exact, "crew")).isEqualTo("['']");
    assertThat(queryWith("ini", opts("section", "nostromo", "file", "ship.ini", "bogus", 1),
        "crew")).isEqualTo("['7']");
  }

  @Test
  void iniKeysWithoutValuesAndProperties() {
    assertThat(queryWith("ini", opts("section", "mysqld", "file", "flags.ini",
        "allow_no_value", true), "user")).isEqualTo("['mysql']");
    assertThat(queryWith("ini", opts("section", "mysqld", "file", "flags.ini",
        "allow_none", true), "skip-name-resolve")).isEqualTo("[]");
    assertThat(queryWith("ini", opts("section", "a", "file", "dup.ini", "case_sensitive", true),
        "key")).isEqualTo("['1']");
    assertThat(queryWith("ini", opts("type", "properties", "file", "app.properties"),
        "app.name", "app.port", "app.desc"))
        .isEqualTo("['tightbeam', '8080', 'a long\\ndescription']");
  }

  @Test
  void iniErrors() {
    assertThatThrownBy(() -> queryWith("ini", opts("section", "nope", "file", "ship.ini"), "crew"))
        .hasMessage("No section 'nope' in ship.ini");
    assertThatThrownBy(() -> queryWith("ini", opts("section", "mysqld", "file", "flags.ini"),
        "user")).hasMessage("Source contains parsing errors: '<???>'\n\t[line  2]: "
            + "'skip-name-resolve\\n'");
    assertThatThrownBy(() -> queryWith("ini", opts("section", "a", "file", "dup.ini"), "key"))
        .hasMessage("Duplicate option in 'dup.ini': While reading from '<???>' [line  3]: "
            + "option 'key' in section 'a' already exists");
    assertThatThrownBy(() -> queryWith("ini", opts("section", "a", "file", "nope.ini"), "key"))
        .hasMessage("Invalid filename: 'None'");
    assertThatThrownBy(() -> query("ini", "crew bogus=1 file=ship.ini"))
        .hasMessage("crew bogus is not a valid option.");
    assertThatThrownBy(() -> query("ini", "section=nostromo file=ship.ini")).hasMessage(
        "No key to lookup was provided as first term with in string inline options: "
            + "section=nostromo file=ship.ini");
  }

  @Test
  void fileSearchesFilesThenTheBaseAndStrips() {
    assertThat(query("file", "padded.txt")).isEqualTo("['  padded text']");
    assertThat(queryWith("file", opts("lstrip", true), "padded.txt")).isEqualTo("['padded text']");
    assertThat(queryWith("file", opts("rstrip", false), "padded.txt"))
        .isEqualTo("['  padded text  \\n\\n']");
    assertThat(query("file", "only-in-files.txt", "at-root.txt", "files/only-in-files.txt"))
        .isEqualTo("['in files', 'at root', 'in files']");
    assertThatThrownBy(() -> query("file", "nope.txt"))
        .hasMessage("could not locate file in lookup: nope.txt");
    assertThat(env.warnings)
        .containsExactly("Unable to find 'nope.txt' in expected paths (use -vvvvv to see paths)");
    assertThat(query("file", "/dev/null")).isEqualTo("['']");
  }

  @Test
  void fileglobOfABareNameLooksInTheRoleFirst() {
    // ansible-core's lookup_fileglob target: a role's files/ is searched before the play's.
    env.role = BASE.resolve("roles/crew");
    assertThat(query("fileglob", "in-role.*"))
        .isEqualTo("['" + BASE.resolve("roles/crew/files/in-role.txt") + "']");
  }

  @Test
  void fileglobFirstFoundTemplatePipe() {
    String files = BASE.resolve("files").toString();
    assertThat(query("fileglob", "*.txt")).isIn(
        "['" + files + "/only-in-files.txt', '" + files + "/padded.txt']",
        "['" + files + "/padded.txt', '" + files + "/only-in-files.txt']");
    assertThat(query("fileglob", "*.nope")).isEqualTo("[]");
    assertThat(query("fileglob", "/usr/share/common-licenses")).isEqualTo("[]");
    assertThat(query("first_found", "nope.txt", "only-in-files.txt"))
        .isEqualTo("['" + files + "/only-in-files.txt']");
    assertThat(query("first_found", "at-root.txt")).isEqualTo("['" + BASE + "/at-root.txt']");
    assertThat(query("first_found", Map.of("files", List.of("x", "padded.txt"),
        "paths", List.of("files")))).isEqualTo("['" + files + "/padded.txt']");
    assertThat(query("template", "greeting.j2")).isEqualTo("['Hello World from greeting.j2\\n']");
    assertThat(queryWith("template", opts("template_vars", Map.of("who", "Ash")), "greeting.j2"))
        .isEqualTo("['Hello Ash from greeting.j2\\n']");
    // convert_data (the default): a result that reads as a dict is one
    assertThat(query("template", "as-dict.j2")).isEqualTo("[{'who': 'World', 'n': [1, 2]}]");
    assertThat(queryWith("template", opts("convert_data", false), "as-dict.j2"))
        .isEqualTo("['{\"who\": \"World\", \"n\": [1, 2]}\\n']");
    assertThatThrownBy(() -> query("template", "nope.j2"))
        .hasMessage("the template file nope.j2 could not be found for the lookup");
    assertThat(query("pipe", "ls at-root.txt")).isEqualTo("['at-root.txt']");
  }

  @Test
  void firstFoundTermsAndOptions() {
    assertThat(query("first_found", "/nonexistent", "/etc/passwd", "/etc/group"))
        .isEqualTo("['/etc/passwd']");
    assertThat(query("first_found", List.of("/nonexistent", "/etc/group")))
        .isEqualTo("['/etc/group']");
    assertThat(query("first_found", Map.of("files", "nope,group", "paths", "/nonexistent:/etc")))
        .isEqualTo("['/etc/group']");
    assertThat(queryWith("first_found", opts("skip", true), "/nonexistent")).isEqualTo("[]");
    assertThat(queryWith("first_found", opts("files", List.of("/etc/group")), "x"))
        .isEqualTo("['/etc/group']");
    assertThat(query("first_found", "/etc/hosts", Map.of("files", List.of("/etc/group"))))
        .isEqualTo("['/etc/group']");
    assertThatThrownBy(() -> query("first_found", "/nonexistent"))
        .hasMessage("No file was found when using first_found.");
    assertThatThrownBy(() -> query("first_found", 5)).hasMessage(
        "Invalid term supplied, can handle string, mapping or list of strings but got: "
            + "<class 'int'> for 5");
    // lookup('first_found') fails on a name it cannot template (with_first_found skips it)
    env.with("fname", "group");
    assertThat(query("first_found", "/nonexistent/{{ fname }}", "/etc/{{ fname }}"))
        .isEqualTo("['/etc/group']");
    assertThatThrownBy(() -> query("first_found", "/nonexistent/{{ undef_y }}", "/etc/{{ fname }}"))
        .hasMessage("'undef_y' is undefined");
  }

  @Test
  void envPipeLines() {
    assertThat(query("env", "TIGHTBEAM_SURELY_UNSET")).isEqualTo("['']");
    assertThat(queryWith("env", opts("default", "d"), "TIGHTBEAM_SURELY_UNSET"))
        .isEqualTo("['d']");
    assertThat(query("env", "PATH extra words")).isEqualTo(Py.repr(List.of(System.getenv("PATH"))));
    assertThatThrownBy(() -> queryWith("env", opts("default", Undefined.variable("nope")),
        "TIGHTBEAM_SURELY_UNSET")).hasMessage(
            "The \"env\" lookup, found an undefined variable: TIGHTBEAM_SURELY_UNSET");
    assertThatThrownBy(() -> query("env", "")).hasMessage("list index out of range");
    assertThat(query("pipe", "echo hi", "printf 'a\\nb\\n\\n'", "true"))
        .isEqualTo("['hi', 'a\\nb', '']");
    assertThat(query("pipe", "echo é; echo err 1>&2")).isEqualTo("['é']");
    assertThatThrownBy(() -> query("pipe", "exit 3"))
        .hasMessage("lookup_plugin.pipe(exit 3) returned 3");
    assertThat(query("lines", "printf 'a\\nb\\r\\nc'", "true")).isEqualTo("['a', 'b', 'c']");
    assertThatThrownBy(() -> query("lines", "false"))
        .hasMessage("lookup_plugin.lines(false) returned 1");
  }
}
