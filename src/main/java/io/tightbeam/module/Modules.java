package io.tightbeam.module;

import java.util.Collection;
import io.tightbeam.vault.VaultSecret;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The registry: every module and action by its short name, found also under {@code
 * ansible.builtin.} and {@code ansible.legacy.}. An explicit map, no class-path scanning.
 */
public final class Modules {
  private final Map<String, RemoteModule> remote;
  private final Map<String, ControllerAction> actions;

  public Modules(Map<String, RemoteModule> remote, Map<String, ControllerAction> actions) {
    this.remote = Map.copyOf(remote);
    this.actions = Map.copyOf(actions);
  }

  /**
   * Actions the executor runs itself; {@link #suggest(String)} knows them so that a misspelt
   * {@code include_task} still gets a hint.
   */
  public static final Set<String> EXECUTOR_ACTIONS =
      Set.of(
          "async_status",
          "include_tasks",
          "import_tasks",
          "include_vars",
          "meta",
          "include_role",
          "import_role",
          "set_fact");

  /** The built-in set. */
  public static Modules builtin() {
    Map<String, RemoteModule> remote = new HashMap<>();
    for (RemoteModule m :
        List.of(
            CommandModule.command(),
            CommandModule.shell(),
            new RawModule(),
            new PingModule(),
            new SetupModule(),
            new GatherFactsModule(),
            new WaitForConnectionModule(),
            new ScriptModule())) {
      remote.put(m.name(), m);
    }
    remote.putAll(FileAndPackageModules.all());
    remote.putAll(TransferModules.all());
    remote.putAll(SystemModules.all());
    remote.putAll(HostModules.all());
    Map<String, ControllerAction> actions = new HashMap<>();
    for (ControllerAction a :
        List.of(
            new DebugAction(),
            new SetFactAction(),
            new FailAction(),
            new AssertAction(),
            new PauseAction(),
            new AddHostAction(),
            new GroupByAction(),
            new SetStatsAction(),
            new ValidateArgumentSpecAction())) {
      actions.put(a.name(), a);
    }
    return new Modules(remote, actions);
  }

  /** The built-in set plus {@code template}, which renders with {@code templar} on the controller. */
  public static Modules builtin(io.tightbeam.template.Templar templar) {
    Modules base = builtin();
    Map<String, RemoteModule> remote = new HashMap<>(base.remote);
    remote.put("template", FileAndPackageModules.template(
        (FileAndPackageModules.Renderer) templar::renderFile));
    return new Modules(remote, base.actions);
  }

  /**
   * As {@link #builtin(io.tightbeam.template.Templar)}, with {@code copy} and {@code template}
   * decrypting vaulted source files on the controller with the run's {@code secrets}.
   */
  public static Modules builtin(io.tightbeam.template.Templar templar, List<VaultSecret> secrets) {
    Modules base = builtin(templar);
    Map<String, RemoteModule> remote = new HashMap<>(base.remote);
    remote.putAll(FileAndPackageModules.withVault(templar::renderFile, secrets));
    return new Modules(remote, base.actions);
  }

  /** The short name for {@code name}: {@code ansible.builtin.command} gives {@code command}. */
  public static String shortName(String name) {
    for (String prefix : new String[] {"ansible.builtin.", "ansible.legacy."}) {
      if (name.startsWith(prefix)) {
        return name.substring(prefix.length());
      }
    }
    return name;
  }

  /**
   * The modules whose action plugin runs another module under {@code ansible.legacy.}: Ansible's
   * argument messages name that one ({@code shell: {bogus: 1}} says {@code ansible.legacy.command}).
   */
  private static final Map<String, String> RUN_BY_ACTION = Map.of("command", "command", "shell", "command",
      "copy", "copy", "template", "copy", "unarchive", "unarchive", "uri", "uri", "assemble", "assemble");

  /**
   * The module name in Ansible's argument messages for a task whose action is {@code written}: the
   * module its action plugin runs, else the action as the task wrote it ({@code file} or {@code
   * ansible.builtin.file}), as ansible-core 2.14 prints them.
   */
  public static String argumentName(String written) {
    String run = RUN_BY_ACTION.get(shortName(written));
    return run == null ? written : "ansible.legacy." + run;
  }

  public Optional<RemoteModule> remote(String name) {
    return Optional.ofNullable(remote.get(shortName(name)));
  }

  public Optional<ControllerAction> action(String name) {
    return Optional.ofNullable(actions.get(shortName(name)));
  }

  /** A near known name for a misspelt module or action (the executor's own actions included). */
  public Optional<String> suggest(String unknownName) {
    return suggest(unknownName, EXECUTOR_ACTIONS);
  }

  /**
   * The known name closest to {@code unknownName} by edit distance, among this registry's names
   * and {@code extraNames}; empty when nothing is close (more than two edits, or a third of a
   * long name).
   */
  public Optional<String> suggest(String unknownName, Collection<String> extraNames) {
    String wanted = shortName(unknownName);
    Set<String> candidates = new TreeSet<>(names());
    candidates.addAll(extraNames);
    int limit = Math.max(2, wanted.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String name : candidates) {
      int d = EditDistance.between(wanted, name);
      if (d > 0 && d <= limit && d < bestDistance) {
        best = name;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  public Set<String> names() {
    Set<String> all = new TreeSet<>(remote.keySet());
    all.addAll(actions.keySet());
    return all;
  }
}
