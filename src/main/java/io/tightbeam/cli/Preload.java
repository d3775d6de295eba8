package io.tightbeam.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/**
 * Start-up work moved off the critical path: while the main thread parses the command line
 * (picocli's model alone is ~70 ms), a background thread initialises what every run's first
 * remote commands need: Jackson's classes (its date format pulls in the locale providers), the
 * SecureRandom provider for job ids and status tokens, and the classes of the kept connection.
 * Nothing here is state the run depends on: a failure only means the run does it itself later.
 */
final class Preload {
  private Preload() {}

  private static final List<String> CLASSES = List.of(
      "io.tightbeam.module.RemoteRun",
      "io.tightbeam.jobs.JobLauncher",
      "io.tightbeam.jobs.StatusScript",
      "io.tightbeam.connection.KeeperLink",
      "io.tightbeam.connection.KeeperWire",
      "io.tightbeam.connection.KeptConnection");

  static void start() {
    Thread t = new Thread(Preload::run, "tightbeam-preload");
    t.setDaemon(true);
    t.start();
  }

  /**
   * For a command that launches async jobs (ad hoc {@code -B}): SQLite's classes and JNI library
   * are loaded now, on a thread of their own. Measured with the registry on, an ad hoc launch
   * waited for the registry's opening (~0.1 s, most of it this loading) before it was reported:
   * its first launch comes sooner than a playbook's, which gets the same overlap from {@code
   * Plan.launchesJobs}. The store itself is opened later, once the settings name it.
   */
  static void startRegistry() {
    Thread t = new Thread(() -> {
      try {
        org.sqlite.SQLiteJDBCLoader.initialize();
        ClassLoader loader = Preload.class.getClassLoader();
        for (String name : List.of("org.sqlite.SQLiteConfig", "org.sqlite.jdbc4.JDBC4Connection",
            "io.tightbeam.jobs.registry.JdbcStore")) {
          Class.forName(name, true, loader);
        }
      } catch (Exception | LinkageError e) {
        // the registry loads them itself when it opens, where a failure is reported
      }
    }, "tightbeam-preload-registry");
    t.setDaemon(true);
    t.start();
  }

  /** Whether ad hoc {@code argv} asks for async jobs ({@code -B N}, {@code --background N}). */
  static boolean launchesJobs(String[] argv) {
    for (String a : argv) {
      if (a.startsWith("-B") || a.startsWith("--background")) {
        return true;
      }
      if (a.equals("--")) {
        break;
      }
    }
    return false;
  }

  private static void run() {
    try {
      ObjectMapper json = new ObjectMapper();
      String text = json.writeValueAsString(Map.of("k", List.of(1, "v", true)));
      json.readValue(text, new TypeReference<Map<String, Object>>() {});
      new SecureRandom().nextLong();
      ClassLoader loader = Preload.class.getClassLoader();
      for (String name : CLASSES) {
        Class.forName(name, true, loader);
      }
    } catch (Exception | LinkageError e) {
      // the run does the same work itself, where a real failure is reported
    }
  }
}
