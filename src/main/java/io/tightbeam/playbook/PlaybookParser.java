package io.tightbeam.playbook;

import io.tightbeam.vault.VaultSecret;
import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import io.tightbeam.yaml.Pos;
import io.tightbeam.yaml.YamlLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads playbooks and task files (YAML 1.1) into the immutable model, keeping every node's
 * position. Reports all problems of a file together as an {@code InputException} (exit code 4; 1
 * when the only problem is a missing file). Warnings (duplicate keys) go to the sink given to the
 * constructor, or are collected for {@link #warnings()}. Safe to call from several threads.
 */
public final class PlaybookParser {
  private final YamlLoader loader;
  private final List<Diagnostic> collected = Collections.synchronizedList(new ArrayList<>());
  private final Consumer<Diagnostic> warningSink;
  private final RoleSearch roles;

  /** Ansible's message for a task file that holds something other than a list. */
  public static final String NOT_A_TASK_LIST = "included task files must contain a list of tasks";

  /** A parser that collects warnings for {@link #warnings()}. */

  public PlaybookParser() {
    this(new RoleSearch(List.of()), List.of());
  }

  /** A parser that collects warnings and opens vaulted files and {@code !vault} values with {@code secrets}. */
  public PlaybookParser(List<VaultSecret> secrets) {
    this(new RoleSearch(List.of()), secrets);
  }

  /** A parser that collects warnings and looks for a play's roles in {@code roles}' places. */
  public PlaybookParser(RoleSearch roles) {
    this(roles, List.of());
  }

  /** A parser that collects warnings, looks for roles in {@code roles}' places and opens vaulted content. */
  public PlaybookParser(RoleSearch roles, List<VaultSecret> secrets) {
    this.loader = new YamlLoader(secrets);
    this.warningSink = collected::add;
    this.roles = roles;
  }

  /** A parser that hands each warning to {@code warningSink} as it is found. */
  public PlaybookParser(Consumer<Diagnostic> warningSink) {
    this(warningSink, new RoleSearch(List.of()));
  }

  /** A parser that also looks for a play's roles in {@code roles}' places. */
  public PlaybookParser(Consumer<Diagnostic> warningSink, RoleSearch roles) {
    this.loader = new YamlLoader();
    this.warningSink = warningSink;
    this.roles = roles;
  }

  /** The vault secrets of this run (for controller-side files: copy and template sources). */
  public List<VaultSecret> secrets() {
    return loader.secrets();
  }

  /**
   * A variables file ({@code vars_files}, {@code include_vars}, a role's {@code vars/} and {@code
   * defaults/}) as plain values, opened with the run's secrets when it is vaulted; inline {@code
   * !vault} values stay {@code EncryptedString}s until used.
   */
  public Object loadData(Path file) {
    return loader.load(file).root();
  }

  /** Warnings collected so far (empty when a sink was given). */
  public List<Diagnostic> warnings() {
    synchronized (collected) {
      return List.copyOf(collected);
    }
  }

  /** Parses a playbook, expanding {@code import_playbook} and {@code import_tasks}. */
  public Playbook parsePlaybook(Path file) {
    Path path = file.toAbsolutePath().normalize();
    if (!Files.exists(path)) {
      throw missing("the playbook: " + file + " could not be found");
    }
    if (!Files.isRegularFile(path)) {
      throw missing("the playbook: " + file + " does not appear to be a file");
    }
    ParseSession session = new ParseSession(loader, warningSink, roles);
    List<Play> plays = new PlayReader(session).readFile(path, Pos.unknown(path.toString()));
    session.throwIfProblems();
    return new Playbook(file, Collections.unmodifiableList(plays));
  }

  /** Parses a task file read at run time for a dynamic include ({@code include_tasks}, {@code include_role}). */
  public List<TaskItem> parseTaskFile(Path file) {
    return parseTaskFile(file, false);
  }

  /**
   * Parses a task file; {@code staticParents} when it comes from static parents only (a play's
   * role, {@code import_role}), where a plain {@code include} of a fixed file is imported at once.
   */
  public List<TaskItem> parseTaskFile(Path file, boolean staticParents) {
    Path path = file.toAbsolutePath().normalize();
    ParseSession session = new ParseSession(loader, warningSink, roles, staticParents);
    List<TaskItem> items = TaskListReader.readFile(session, path, null);
    session.throwIfProblems();
    return items;
  }

  /**
   * Parses an argument string for {@code action} as Ansible does for ad hoc {@code -a}: free-form
   * modules (command, shell, raw, script) keep their text under {@code _raw_params}, others get
   * {@code k=v} pairs. Throws {@link InputException} (exit code 4) for unbalanced quotes.
   */
  public Map<String, Object> parseArgs(String action, String args) {
    try {
      Map<String, Object> parsed = ModuleArgs.keyValues(action, args == null ? "" : args);
      ModuleArgs.checkRawParams(action, parsed);
      return Collections.unmodifiableMap(parsed);
    } catch (BadInput e) {
      throw new InputException(new Diagnostic(e.getMessage(), "", null));
    }
  }

  /**
   * Ansible's parse error for words that are not {@code k=v} given to an action that takes none
   * ({@code debug: foo bar}), or null. The plan asks it only of actions that resolve: an unknown
   * one gets "couldn't resolve" with a suggestion instead (docs/compatibility.md, row 20).
   */
  public static String extraParams(Task task) {
    try {
      ModuleArgs.checkRawParams(task.action(), task.args());
      return null;
    } catch (BadInput e) {
      return e.getMessage();
    }
  }

  private static InputException missing(String summary) {
    return new InputException(List.of(new Diagnostic(summary, "", null)), 1);
  }
}
