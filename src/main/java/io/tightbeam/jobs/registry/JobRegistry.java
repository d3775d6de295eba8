package io.tightbeam.jobs.registry;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where the controller keeps its async jobs: an SQLite file (by default {@code
 * ~/.tightbeam/jobs.db}) shared by every run and by {@code tightbeam-jobs}. Holds only the
 * location: nothing is opened until a run launches a job ({@link #journal}) or a command reads.
 */
public final class JobRegistry {
  /** No registry: runs record nothing (the warm-up run, tests of other things). */
  public static final JobRegistry OFF = new JobRegistry(null, Map.of());

  private final Supplier<String> location;
  private final Map<String, String> env;
  private volatile String resolved;
  private final List<JobJournal> journals = new java.util.concurrent.CopyOnWriteArrayList<>();

  private JobRegistry(Supplier<String> location, Map<String, String> env) {
    this.location = location;
    this.env = env;
  }

  /**
   * The registry at {@code configured} ({@code job_registry} or {@code TIGHTBEAM_JOB_REGISTRY}: a
   * file path, {@code sqlite:PATH}, or a {@code postgresql://} URL), else {@code
   * ~/.tightbeam/jobs.db} under {@code home}. {@code configured} is asked only when the registry
   * is first used: runs without async jobs read no more settings. {@code env} is the
   * controller's environment ({@code PGPASSWORD}).
   */
  public static JobRegistry at(Supplier<String> configured, Path home, Map<String, String> env) {
    return new JobRegistry(() -> {
      String s = configured.get();
      if (s == null || s.isBlank()) {
        return home.resolve(".tightbeam").resolve("jobs.db").toString();
      }
      s = s.strip();
      return s.startsWith("~/") ? home.resolve(s.substring(2)).toString() : s;
    }, Map.copyOf(env));
  }

  /** Whether runs record their jobs: a registry is located and is not {@code off}. */
  public boolean enabled() {
    return location != null && !OFF_VALUE.equalsIgnoreCase(location());
  }

  /** {@code job_registry = off}: runs record nothing (Ansible's behaviour; the bench's baseline). */
  static final String OFF_VALUE = "off";

  private String location() {
    String l = resolved;
    if (l == null) {
      l = location.get();
      resolved = l;
    }
    return l;
  }

  /** The location as a user may be shown it (a URL's password left out). */
  public String describe() {
    return location == null
        ? "(none)"
        : location().replaceFirst("^(postgres(?:ql)?://[^:/@]*):[^@/]*@", "$1@");
  }

  /** A run's record of the jobs it launches; it opens the store on its first job. */
  public JobJournal journal(Consumer<String> warnings) {
    JobJournal journal = new JobJournal(this, warnings);
    if (location != null) { // (enabled() would read the settings at every start)
      journals.add(journal);
    }
    return journal;
  }

  /**
   * The jobs this process's runs launched and saw no end of (for Ctrl-C), once what their
   * journals hold is written.
   */
  public List<JobRecord> unfinished() {
    journals.forEach(JobJournal::flush);
    return journals.stream().flatMap(j -> j.unfinished().stream()).toList();
  }

  /** The jobs {@code query} selects, oldest first. */
  public List<JobRecord> list(JobQuery query) {
    try (JobStore store = open()) {
      return store.list(query);
    }
  }

  /** Records the ends of jobs in one transaction (jid, host and end each). */
  public void end(List<JobEnded> ends) {
    try (JobStore store = open()) {
      store.end(ends);
    }
  }

  /** Deletes the records of ended jobs in one transaction (running jobs' records stay). */
  public void remove(List<JobRecord> jobs) {
    try (JobStore store = open()) {
      store.remove(jobs);
    }
  }

  /** Opens the store; the caller closes it. Throws {@link RegistryException} with the reason. */
  JobStore open() {
    if (location == null) {
      throw new IllegalStateException("no job registry is configured");
    }
    String location = location();
    if (OFF_VALUE.equalsIgnoreCase(location)) {
      throw new RegistryException("the job registry is off (job_registry = off)", null);
    }
    if (location.startsWith("postgresql://") || location.startsWith("postgres://")) {
      try {
        return new JdbcStore(PostgresDatabase.open(location, env));
      } catch (SQLException e) {
        throw new RegistryException("could not open the job registry " + describe() + ": " + e.getMessage(), e);
      }
    }
    Path file = Path.of(location.startsWith("sqlite:") ? location.substring(7) : location);
    try {
      return new JdbcStore(SqliteFile.open(file));
    } catch (IOException | SQLException e) {
      throw new RegistryException("could not open the job registry " + file + ": " + e.getMessage(), e);
    }
  }
}
