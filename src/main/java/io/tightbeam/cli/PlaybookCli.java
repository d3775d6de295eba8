package io.tightbeam.cli;

import io.tightbeam.config.SettingsLoader;
import io.tightbeam.executor.FactCache;
import io.tightbeam.executor.PlaybookExecutor;
import io.tightbeam.executor.RunOptions;
import io.tightbeam.executor.TagSelection;
import io.tightbeam.inventory.Host;
import io.tightbeam.inventory.Inventory;
import io.tightbeam.module.Modules;
import io.tightbeam.playbook.Block;
import io.tightbeam.playbook.Play;
import io.tightbeam.playbook.Playbook;
import io.tightbeam.playbook.PlaybookParser;
import io.tightbeam.playbook.RoleSearch;
import io.tightbeam.playbook.Task;
import io.tightbeam.playbook.TaskItem;
import io.tightbeam.template.Templar;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tightbeam-playbook}: Ansible's {@code ansible-playbook}. */
@Command(name = "tightbeam-playbook", versionProvider = Version.class, sortOptions = false,
    description = "Runs Ansible playbooks, executing the defined tasks on the targeted hosts.")
public final class PlaybookCli implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "playbook", description = "Playbook(s)")
  List<String> playbooks = new ArrayList<>();

  @Mixin
  CommonOptions common = new CommonOptions();

  @Option(names = "--syntax-check", description = "perform a syntax check on the playbook, but do not execute it")
  boolean syntaxCheck;

  @Option(names = "--list-tasks", description = "list all tasks that would be executed")
  boolean listTasks;

  @Option(names = "--list-tags", description = "list all available tags")
  boolean listTags;

  @Option(names = {"-t", "--tags"}, description = "only run plays and tasks tagged with these values")
  List<String> tags = new ArrayList<>();

  @Option(names = "--skip-tags", description = "only run plays and tasks whose tags do not match these values")
  List<String> skipTags = new ArrayList<>();

  @Option(names = "--start-at-task", description = "start the playbook at the task matching this name")
  String startAtTask;

  @Option(names = "--flush-cache", description = "clear the fact cache for every host in inventory")
  boolean flushCache;

  @Option(names = "--force-handlers", description = "run handlers even if a task fails")
  boolean forceHandlers;

  @Option(names = "--reattach", description = "wait for the async jobs an earlier run of the playbook left running "
      + "(same play, task, host, item and arguments) instead of launching them again")
  boolean reattach;

  /** The run's job registry once it is known (for Ctrl-C). */
  private volatile io.tightbeam.jobs.registry.JobRegistry registry;

  private final PrintStream out;
  private final PrintStream err;
  private final java.util.Map<String, String> env;

  PlaybookCli(PrintStream out, PrintStream err, java.util.Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.env = env;
  }

  public static void main(String[] argv) {
    if (!Version.asked(argv)) {
      Templar.prepare();
      Preload.start();
    }
    System.exit(execute(argv, System.out, System.err, System.getenv()));
  }

  /** Runs the command as the process would, with {@code env} as its environment; returns the exit code. */
  public static int execute(String[] argv, PrintStream out, PrintStream err, java.util.Map<String, String> env) {
    if (Version.asked(argv)) {
      return Version.print("tightbeam-playbook", out, env);
    }
    return Cli.commandLine(new PlaybookCli(out, err, env), out, err).execute(argv);
  }

  @Override
  public Integer call() {
    return Guard.run(out, err, common.verbosity(), this::run,
        () -> InterruptedJobs.handle(registry, err, env, System.console()));
  }

  private int run() {
    RunSetup setup = new RunSetup(common, env, err);
    registry = setup.registry;
    if (setup.options.verbosity() >= 1) { // ansible-playbook -v names its config first
      out.println(setup.settings.configFile() == null ? "No config file found; using defaults"
          : "Using " + setup.settings.configFile() + " as config file");
    }
    for (String p : playbooks) {
      if (!Files.isRegularFile(setup.cwd.resolve(p))) {
        err.println("ERROR! the playbook: " + p + " could not be found");
        return 1;
      }
    }
    // as ansible-playbook: the inventory and its warnings come before the playbooks are read, so a
    // playbook's syntax error follows them and --syntax-check prints them too
    Inventory inventory = setup.inventory(common);
    // wrapped at 80 columns as Ansible's Display wraps them
    io.tightbeam.output.ErrorBlock warnings = new io.tightbeam.output.ErrorBlock(out, err, 0, false);
    setup.settings.warnings().forEach(warnings::warning);
    if (common.verbosity() >= 3) { // Ansible's -vvv notes on the sources (a host range left as written)
      inventory.notes().forEach(out::println);
    }
    inventory.warnings().forEach(warnings::warning);
    String localhostWarning = env.getOrDefault("ANSIBLE_LOCALHOST_WARNING", "true");
    if (inventory.all().isEmpty() && io.tightbeam.playbook.FieldValues.bool(localhostWarning).orElse(true)) {
      warnings.warning("provided hosts list is empty, only localhost is available. Note that the implicit "
          + "localhost does not match 'all'");
    }
    setup.checkLimit(inventory, "all", common.limit, err);
    PlaybookParser parser = new PlaybookParser(new RoleSearch(setup.settings.rolesPath()), setup.secrets);
    List<Playbook> parsed = new ArrayList<>();
    for (String p : playbooks) {
      parsed.add(parser.parsePlaybook(setup.cwd.resolve(p)));
    }
    RunOptions options = withSelection(setup.options);
    Templar templar = setup.templar();
    Modules modules = Modules.builtin(templar, setup.secrets);
    if (syntaxCheck) {
      new PlaybookExecutor(options, null, null, templar, modules, parser).plan(parsed);
      out.println();
      out.println("playbook: " + String.join(" ", playbooks));
      return 0;
    }
    if (common.listHosts || listTasks || listTags) {
      new PlaybookExecutor(options, inventory, null, templar, modules, parser).plan(parsed);
      list(parsed, inventory, options, templar, new io.tightbeam.executor.TaskList(parser,
          setup.settings.rolesPath(), templar));
      return 0;
    }
    String callback = setup.settings.stdoutCallback() == null ? "default" : setup.settings.stdoutCallback();
    FactCache facts = new FactCache(SettingsLoader.factCaching(env, setup.cwd, Path.of(System.getProperty("user.home"))));
    if (flushCache) {
      facts.flush(inventory.all().stream().map(Host::name).toList());
    }
    PlaybookExecutor executor = new PlaybookExecutor(options, inventory, setup.listener(callback, out, err),
        templar, modules, parser, facts).recordingJobs(setup.registry).reattaching(reattach);
    try {
      return executor.run(parsed);
    } finally {
      templar.plugins().close(); // the Python plugin host, if a template started one
    }
  }

  private RunOptions withSelection(RunOptions o) {
    return new RunOptions(forceHandlers ? o.settings().withForceHandlers() : o.settings(), o.check(), o.diff(), o.verbosity(), o.extraVars(), o.limit(),
        split(tags), split(skipTags), startAtTask, o.connection(), o.remoteUser(), o.become(),
        o.becomeUser(), o.becomeMethod(), o.becomePassword(), o.connectionPassword(),
        o.privateKeyFile(), o.timeout(), o.controllerEnv());
  }

  private static List<String> split(List<String> values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> {
      for (String s : v.split(",")) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
    });
    return out;
  }

  private void list(List<Playbook> parsed, Inventory inventory, RunOptions options, Templar templar,
      io.tightbeam.executor.TaskList taskList) {
    TagSelection selection = new TagSelection(options.tags(), options.skipTags());
    out.println();
    out.println("playbook: " + String.join(" ", playbooks));
    for (Playbook pb : parsed) {
      int n = 1;
      for (Play play : pb.plays()) {
        String pattern = play.hosts() instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(play.hosts());
        String name = play.name() == null ? pattern : play.name();
        Map<String, Object> vars = new LinkedHashMap<>(play.vars());
        vars.putAll(options.extraVars());
        TaskTags playTags = new TaskTags(selection, templar, vars, TagSelection.tagsOf(play.keywords().get("tags")));
        out.println();
        out.println("  play #" + n++ + " (" + pattern + "): " + name + "\tTAGS: " + playTags.shown(","));
        if (common.listHosts) {
          // Ansible lists the hosts of pattern and --limit as a Python set (no stable order); ours keep the inventory's.
          List<Host> hosts = inventory.match(pattern, options.limit()).hosts();
          out.println("    pattern: ['" + pattern + "']");
          out.println("    hosts (" + hosts.size() + "):");
          hosts.forEach(h -> out.println("      " + h.name()));
        }
        if (listTasks || listTags) {
          listTasks(taskList.of(play, vars, pb.path().toAbsolutePath().getParent()), playTags);
        }
      }
    }
  }

  /** The tags a task inherits (play's, then its blocks'), rendered and checked as a run would. */
  private record TaskTags(TagSelection selection, Templar templar, Map<String, Object> vars, List<String> inherited) {
    TaskTags with(Object raw) {
      List<String> all = new ArrayList<>(inherited);
      all.addAll(TagSelection.tagsOf(raw));
      return new TaskTags(selection, templar, vars, all);
    }

    List<String> all() {
      return TagSelection.resolved(inherited, templar, vars);
    }

    /** As Ansible lists them: the set, sorted, in brackets; {@code separator}: a play's are joined by "," alone. */
    String shown(String separator) {
      return "[" + String.join(separator, new java.util.TreeSet<>(all())) + "]";
    }
  }

  /**
   * ansible-playbook's task list and tag list of a play: the tasks the tag selection keeps, then
   * every tag they and the play have.
   */
  private void listTasks(List<io.tightbeam.executor.TaskList.Entry> entries, TaskTags playTags) {
    if (listTasks) {
      out.println("    tasks:");
    }
    java.util.Set<String> all = new java.util.TreeSet<>(playTags.all());
    for (io.tightbeam.executor.TaskList.Entry e : entries) {
      TaskTags tags = playTags.with(e.tags());
      if (tags.selection().runs(tags.all())) {
        all.addAll(tags.all());
        if (listTasks) {
          out.println("      " + e.name() + "\tTAGS: " + tags.shown(", "));
        }
      }
    }
    if (listTags) {
      out.println("      TASK TAGS: [" + String.join(", ", all) + "]");
    }
  }
}
