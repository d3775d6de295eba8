package io.tightbeam.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the real CLIs in this JVM with their own environment and captures what they print. */
final class CliRunner {
  /** What a command left: its exit code and its output, raw and normalised. */
  record Run(int exitCode, String out, String err) {
    /** The output with job ids, timestamps and durations replaced by placeholders. */
    String normalizedOut() {
      return normalize(out);
    }
  }

  private final Map<String, String> env = new HashMap<>(System.getenv());

  CliRunner() {
    env.put("ANSIBLE_CONFIG", "/nonexistent/ansible.cfg");
    env.remove("ANSIBLE_STDOUT_CALLBACK");
    env.put("ANSIBLE_NOCOLOR", "1");
    env.put("TIGHTBEAM_JOB_REGISTRY", TEST_REGISTRY.toString());
  }

  /** The job registry of the tests' runs: never the user's ~/.tightbeam. */
  static final Path TEST_REGISTRY = testRegistry();

  private static Path testRegistry() {
    try {
      Path dir = java.nio.file.Files.createTempDirectory("tb-registry");
      dir.toFile().deleteOnExit();
      Path file = dir.resolve("jobs.db");
      for (String f : new String[] {"jobs.db", "jobs.db-wal", "jobs.db-shm"}) {
        dir.resolve(f).toFile().deleteOnExit();
      }
      return file;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  CliRunner env(String key, String value) {
    env.put(key, value);
    return this;
  }

  Run playbook(String... argv) {
    return run(true, argv);
  }

  Run adHoc(String... argv) {
    return run(false, argv);
  }

  /**
   * Runs {@code tightbeam-playbook} as a separate JVM whose whole environment is this runner's, for
   * tests where the targets (through the local connection) must see it, e.g. a PATH.
   */
  Run playbookProcess(String... argv) {
    try {
      List<String> cmd = new java.util.ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), "io.tightbeam.cli.PlaybookCli"));
      cmd.addAll(List.of(argv));
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.environment().clear();
      pb.environment().putAll(env);
      Path out = java.nio.file.Files.createTempFile("tb-out", ".txt");
      Path err = java.nio.file.Files.createTempFile("tb-err", ".txt");
      Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      int rc = p.waitFor();
      Run run = new Run(rc, java.nio.file.Files.readString(out), java.nio.file.Files.readString(err));
      java.nio.file.Files.delete(out);
      java.nio.file.Files.delete(err);
      return run;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Run run(boolean playbook, String... argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      int rc = playbook
          ? PlaybookCli.execute(argv, o, e, env)
          : AdHocCli.execute(argv, o, e, env);
      return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  static String normalize(String text) {
    return text
        .replaceAll("\"(delta|start|end)\": \"[^\"]*\"", "\"$1\": \"<$1>\"")
        .replaceAll("j\\d+\\.\\d+", "<jid>");
  }

  static String resource(String name) {
    return Path.of("src/test/resources/cli", name).toAbsolutePath().toString();
  }

  static List<String> lines(String text) {
    return text.lines().toList();
  }
}
