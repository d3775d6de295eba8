package io.tightbeam.module;

import static io.tightbeam.module.FilesTarget.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tightbeam.connection.Become;
import io.tightbeam.connection.Connection;
import io.tightbeam.connection.Connections;
import io.tightbeam.connection.LocalConnection;
import io.tightbeam.connection.SshdExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cases every file module must pass, run against this machine twice: through {@link
 * LocalConnection} and through an {@code SshConnection} to a real OpenSSH sshd (same machine, so
 * the same files). Idempotence, check mode, diff, bad arguments, missing files and permission
 * problems, for copy, file, stat, template and lineinfile.
 */
class FileModuleCasesIT {
  @RegisterExtension static final SshdExtension SSHD = new SshdExtension(1);

  /** A user without privileges, for the permission cases; created when the tests run as root. */
  private static final String USER = "tbmodcases";

  private static Connections connections;
  private static boolean userCreated;

  @TempDir Path dir;

  private final RemoteModule copy = new CopyModule();
  private final RemoteModule file = new FileModule();
  private final RemoteModule stat = new StatModule();
  private final RemoteModule lineinfile = new LineInFileModule();
  private final RemoteModule template = FileAndPackageModules.template((text, vars) -> {
    String out = text;
    for (Map.Entry<String, Object> e : vars.entrySet()) {
      out = out.replace("{{ " + e.getKey() + " }}", String.valueOf(e.getValue()));
    }
    return out;
  });

  @BeforeAll
  static void setUp() throws Exception {
    connections = new Connections();
    if ("root".equals(System.getProperty("user.name"))
        && new ProcessBuilder("id", USER).start().waitFor() != 0) {
      userCreated = new ProcessBuilder("useradd", "-M", "-s", "/bin/sh", USER).start().waitFor() == 0;
    }
  }

  @AfterAll
  static void tearDown() throws Exception {
    connections.close();
    if (userCreated) {
      new ProcessBuilder("userdel", USER).start().waitFor();
    }
  }

  /** One way to reach this machine, with the options a task would give. */
  private record Target(Connection connection, Path baseDir, Become become) {
    Map<String, Object> run(RemoteModule module, Map<String, Object> args, boolean check, boolean diff) {
      TargetContext context = new TargetContext(connection, become, Map.of(), check, diff, baseDir);
      return module.run(module.checkArgs(args), context).orTimeout(120, TimeUnit.SECONDS).join();
    }

    Map<String, Object> run(RemoteModule module, Map<String, Object> args) {
      return run(module, args, false, false);
    }

    Map<String, Object> check(RemoteModule module, Map<String, Object> args) {
      return run(module, args, true, true);
    }

    Map<String, Object> diff(RemoteModule module, Map<String, Object> args) {
      return run(module, args, false, true);
    }

    Target as(Become b) {
      return new Target(connection, baseDir, b);
    }
  }

  private Target target(String via) {
    // over SSH as the same user as the local target (the temp dir is private to this process's user)
    Connection c = via.equals("ssh")
        ? connections.get(SSHD.endpointAs("web1", 0, System.getProperty("user.name")))
        : new LocalConnection("localhost");
    return new Target(c, dir, Become.NONE);
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"local", "ssh"})
  void copyChecksDiffsAndIsIdempotent(String via) throws Exception {
    Target t = target(via);
    Path dest = dir.resolve("motd");
    Map<String, Object> a = args("content", "hello\n", "dest", dest.toString(), "mode", "0640");
    Map<String, Object> checked = t.check(copy, a);
    assertThat(checked).containsEntry("changed", true);
    assertThat((List<?>) checked.get("diff")).singleElement().asInstanceOf(
        org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("before", "").containsEntry("after", "hello\n").containsKey("after_header");
    assertThat(dest).doesNotExist();
    assertThat(t.run(copy, a)).containsEntry("changed", true).containsEntry("mode", "0640");
    assertThat(t.run(copy, a)).containsEntry("changed", false).doesNotContainKey("failed");
    assertThat(t.check(copy, a)).containsEntry("changed", false);
    Map<String, Object> changed = t.diff(copy, args("content", "hello again\n", "dest", dest.toString()));
    assertThat(changed.get("diff")).isEqualTo(List.of(Map.of("before", "hello\n", "before_header", dest.toString(),
        "after", "hello again\n", "after_header", changed.get("src"))));
    assertThat(t.run(copy, args("content", "hello again\n", "dest", dest.toString(), "mode", "0600")).get("diff"))
        .isEqualTo(Map.of("before", Map.of("path", dest.toString(), "mode", "0640"),
            "after", Map.of("path", dest.toString(), "mode", "0600")));
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"local", "ssh"})
  void fileChecksDiffsAndIsIdempotent(String via) throws Exception {
    Target t = target(via);
    Path d = dir.resolve("conf.d");
    Map<String, Object> a = args("path", d.toString(), "state", "directory", "mode", "0750");
    assertThat(t.check(file, a)).containsEntry("changed", true).containsEntry("diff", Map.of(
        "before", Map.of("path", d.toString(), "state", "absent"),
        "after", Map.of("path", d.toString(), "state", "directory")));
    assertThat(d).doesNotExist();
    assertThat(t.run(file, a)).containsEntry("changed", true).containsEntry("mode", "0750");
    assertThat(t.run(file, a)).containsEntry("changed", false)
        .containsEntry("diff", Map.of("before", Map.of("path", d.toString()), "after", Map.of("path", d.toString())));
    Map<String, Object> narrower = args("path", d.toString(), "mode", "0700");
    assertThat(t.check(file, narrower)).containsEntry("changed", true);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(d))).isEqualTo("rwxr-x---");
    assertThat(t.run(file, narrower)).containsEntry("diff", Map.of(
        "before", Map.of("path", d.toString(), "mode", "0750"), "after", Map.of("path", d.toString(), "mode", "0700")));
    assertThat(t.run(file, args("path", d.toString(), "state", "absent"))).containsEntry("changed", true);
    assertThat(t.run(file, args("path", d.toString(), "state", "absent"))).containsEntry("changed", false);
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"local", "ssh"})
  void statReportsWhatIsThereAndNeverChanges(String via) throws Exception {
    Target t = target(via);
    Path f = Files.writeString(dir.resolve("f.txt"), "abc");
    Map<String, Object> r = t.check(stat, args("path", f.toString()));
    assertThat(r).containsEntry("changed", false);
    @SuppressWarnings("unchecked")
    Map<String, Object> facts = (Map<String, Object>) r.get("stat");
    assertThat(facts).containsEntry("exists", true).containsEntry("isreg", true)
        .containsEntry("size", 3).containsEntry("checksum", "a9993e364706816aba3e25717850c26c9cd0d89d");
    assertThat(t.run(stat, args("path", dir.resolve("nothing").toString())))
        .containsEntry("changed", false).containsEntry("stat", Map.of("exists", false));
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"local", "ssh"})
  void templateChecksDiffsAndIsIdempotent(String via) throws Exception {
    Target t = target(via);
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("templates/app.j2"), "port={{ port }}\n");
    Path dest = Files.writeString(dir.resolve("app.conf"), "port=80\n");
    Map<String, Object> a = args("src", "app.j2", "dest", dest.toString(), FileAndPackageModules.TEMPLATE_VARS,
        Map.of("port", 8080));
    Map<String, Object> checked = t.check(template, a);
    assertThat(checked).containsEntry("changed", true);
    assertThat((List<?>) checked.get("diff")).singleElement().asInstanceOf(
        org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("before", "port=80\n").containsEntry("before_header", dest.toString())
        .containsEntry("after", "port=8080\n");
    assertThat(Files.readString(dest)).isEqualTo("port=80\n");
    assertThat(t.run(template, a)).containsEntry("changed", true);
    assertThat(Files.readString(dest)).isEqualTo("port=8080\n");
    assertThat(t.run(template, a)).containsEntry("changed", false);
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"local", "ssh"})
  void lineinfileChecksDiffsAndIsIdempotent(String via) throws Exception {
    Target t = target(via);
    Path f = Files.writeString(dir.resolve("sshd_config"), "Port 22\nPermitRootLogin yes\n");
    Map<String, Object> a = args("path", f.toString(), "regexp", "^PermitRootLogin", "line", "PermitRootLogin no");
    Map<String, Object> checked = t.check(lineinfile, a);
    String header = f + " (content)";
    assertThat(checked).containsEntry("changed", true).containsEntry("msg", "line replaced");
    assertThat(checked.get("diff")).isEqualTo(List.of(
        Map.of("before", "Port 22\nPermitRootLogin yes\n", "after", "Port 22\nPermitRootLogin no\n",
            "before_header", header, "after_header", header),
        Map.of("before_header", f + " (file attributes)", "after_header", f + " (file attributes)")));
    assertThat(Files.readString(f)).isEqualTo("Port 22\nPermitRootLogin yes\n");
    assertThat(t.run(lineinfile, a)).containsEntry("changed", true);
    assertThat(t.run(lineinfile, a)).containsEntry("changed", false).containsEntry("msg", "");
    // without diff mode the content is left out, as Ansible's module does
    assertThat(((List<?>) t.run(lineinfile, a).get("diff")).get(0))
        .isEqualTo(Map.of("before", "", "after", "", "before_header", header, "after_header", header));
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"local", "ssh"})
  void badArgumentsAreRefusedNamingTheArgument(String via) {
    Target t = target(via);
    String dest = dir.resolve("x").toString();
    assertThatThrownBy(() -> t.run(copy, args("content", "x", "dest", dest, "owner_name", "root")))
        .hasMessageStartingWith("Unsupported parameters for (ansible.legacy.copy) module: owner_name. Supported parameters include:");
    assertThatThrownBy(() -> t.run(file, args("path", dest, "state", "present")))
        .hasMessage("value of state must be one of: absent, directory, file, hard, link, touch, got: present");
    assertThatThrownBy(() -> t.run(file, args("path", dest, "mode", "u+q")))
        .hasMessage("bad symbolic permission for mode: u+q");
    assertThatThrownBy(() -> t.run(stat, args("path", dest, "checksum_algorithm", "crc")))
        .hasMessage("value of checksum_algorithm must be one of: md5, sha1, sha256, got: crc");
    assertThatThrownBy(() -> t.run(lineinfile, args("path", dest)))
        .hasMessage("state is present but all of the following are missing: line");
    assertThatThrownBy(() -> t.run(template, args("dest", dest)))
        .hasMessage("missing required arguments: src");
    assertThatThrownBy(() -> t.run(lineinfile, args("path", dest, "line", "x", "create", "maybe")))
        .hasMessageStartingWith("argument 'create' is of type <class 'str'> and we were unable to convert to bool:"
            + " The value 'maybe' is not a valid boolean.");
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"local", "ssh"})
  void missingFilesFailWithTheirPath(String via) {
    Target t = target(via);
    String missing = dir.resolve("missing").toString();
    assertThat((String) t.run(copy, args("src", "nope.txt", "dest", missing)).get("msg"))
        .startsWith("Could not find or access 'nope.txt'\nSearched in:\n\t")
        .endsWith(" on the Ansible Controller.\nIf you are using a module and expect the file to exist on "
            + "the remote, see the remote_src option");
    assertThat(t.run(copy, args("src", missing, "dest", dir.resolve("y").toString(), "remote_src", true)))
        .containsEntry("failed", true).containsEntry("msg", "Source " + missing + " not found");
    assertThat(t.run(file, args("path", missing, "mode", "0644")))
        .containsEntry("failed", true).containsEntry("msg", "file (" + missing + ") is absent, cannot continue")
        .containsEntry("path", missing).containsEntry("state", "absent");
    assertThat(t.run(lineinfile, args("path", missing, "line", "x")))
        .containsEntry("failed", true).containsEntry("rc", 257).containsEntry("msg", "Destination " + missing + " does not exist !");
    assertThat((String) t.run(template, args("src", "nope.j2", "dest", missing)).get("msg"))
        .startsWith("Could not find or access 'nope.j2'");
    assertThat(t.run(copy, args("content", "x", "dest", dir.resolve("no/such/dir/f").toString())))
        .containsEntry("failed", true).containsEntry("msg", "Destination directory " + dir.resolve("no/such/dir") + " does not exist");
  }

  /** A path under a regular file cannot be made by anyone, root included. */
  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"local", "ssh"})
  void aPathUnderARegularFileFailsForEveryUser(String via) throws Exception {
    Target t = target(via);
    Files.writeString(dir.resolve("plain.txt"), "x\n");
    String under = dir.resolve("plain.txt/sub").toString();
    assertThat(t.run(copy, args("content", "x", "dest", under))).containsEntry("failed", true)
        .containsEntry("changed", false)
        .containsEntry("msg", "Failed to get information on remote file (" + under + "): Not a directory");
    assertThat(t.run(file, args("path", under, "state", "directory"))).containsEntry("failed", true)
        .containsEntry("msg", "There was an issue creating " + under + " as requested: Not a directory");
    assertThat(t.run(file, args("path", under, "state", "touch")))
        .containsEntry("msg", "Error, could not touch target: Not a directory");
    assertThat(t.run(lineinfile, args("path", under, "line", "x", "create", true)))
        .containsEntry("msg", "Error creating " + under + " (Not a directory)");
    assertThat(t.run(stat, args("path", under))).containsEntry("failed", true).containsEntry("msg", "Not a directory");
    Files.writeString(dir.resolve("templates.j2"), "x\n");
    assertThat(t.run(template, args("src", "templates.j2", "dest", under)))
        .containsEntry("msg", "Failed to get information on remote file (" + under + "): Not a directory");
  }

  /** An unprivileged user (root's sudo to a user this test creates) meets a root-owned directory. */
  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"local", "ssh"})
  void aDirectoryTheUserCannotWriteFailsWithPermissionDenied(String via) throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")) && isUser(USER),
        "needs root, to create the unprivileged user " + USER + " and sudo to it");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path ro = Files.createDirectories(dir.resolve("ro"));
    Path existing = Files.writeString(ro.resolve("existing.conf"), "a=1\n");
    Target t = target(via).as(new Become(true, "sudo", USER, "", null));
    assertThat(t.run(copy, args("content", "x", "dest", ro.resolve("new.conf").toString())))
        .containsEntry("failed", true).containsEntry("changed", false).containsEntry("msg", "Destination " + ro + " not writable");
    assertThat(t.run(file, args("path", ro.resolve("d").toString(), "state", "directory")))
        .containsEntry("msg", "There was an issue creating " + ro.resolve("d") + " as requested: Permission denied");
    assertThat(t.run(lineinfile, args("path", existing.toString(), "line", "b=2"))).containsEntry("failed", true)
        .containsEntry("msg", "The destination directory (" + ro + ") is not writable by the current user."
            + " Error was: Permission denied");
    assertThat((String) t.run(file, args("path", existing.toString(), "mode", "0600")).get("msg"))
        .startsWith("chmod failed: ").endsWith("Operation not permitted");
    assertThat(Files.readString(existing)).isEqualTo("a=1\n");
    // unsafe_writes: a file the user may write, in a directory it may not, is written in place
    Path shared = Files.writeString(ro.resolve("shared.conf"), "a=1\n");
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-rw-"));
    assertThat(t.run(copy, args("content", "a=2\n", "dest", shared.toString(), "unsafe_writes", true)))
        .containsEntry("changed", true).doesNotContainKey("failed");
    assertThat(Path.of("/tmp/.tb-copy-" + CopyModule.sha1("a=2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
        + "-" + CopyModule.sha1(shared.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 12)))
        .as("the staged copy is removed by the login user").doesNotExist();
    assertThat(t.run(lineinfile, args("path", shared.toString(), "line", "b=3", "unsafe_writes", true)))
        .containsEntry("changed", true).doesNotContainKey("failed");
    assertThat(Files.readString(shared)).isEqualTo("a=2\nb=3\n");
  }

  private static boolean isUser(String name) throws Exception {
    return new ProcessBuilder("id", name).start().waitFor() == 0;
  }
}
