package io.tightbeam.cli;

import io.tightbeam.executor.PlaybookExecutor;
import io.tightbeam.executor.RunListener;
import io.tightbeam.inventory.Host;
import io.tightbeam.inventory.Inventory;
import io.tightbeam.module.Modules;
import io.tightbeam.playbook.HostsField;
import io.tightbeam.playbook.Play;
import io.tightbeam.playbook.PlaybookParser;
import io.tightbeam.playbook.Task;
import io.tightbeam.template.Templar;
import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import io.tightbeam.yaml.Pos;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tightbeam}: Ansible's {@code ansible} command, one module on a pattern of hosts. */
@Command(name = "tightbeam", versionProvider = Version.class, sortOptions = false,
    description = "Define and run a single task 'playbook' against a set of hosts")
public final class AdHocCli implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "pattern", description = "host pattern")
  String pattern;

  @Mixin
  CommonOptions common = new CommonOptions();

  @Option(names = {"-m", "--module-name"}, description = "Name of the action to execute (default=command)")
  String module = "command";

  @Option(names = {"-a", "--args"}, description = "The action's options in space separated k=v format or JSON")
  String args = "";

  @Option(names = {"-B", "--background"}, description = "run asynchronously, failing after X seconds (default=N/A)")
  int background;

  @Option(names = {"-P", "--poll"}, description = "set the poll interval if using -B (default=15)")
  Integer poll;

  @Option(names = "--task-timeout", paramLabel = "TASK_TIMEOUT",
      description = "set task timeout limit in seconds, must be positive integer.")
  int taskTimeout;

  @Option(names = {"-o", "--one-line"}, description = "condense output")
  boolean oneLine;

  private final PrintStream out;
  private final PrintStream err;
  private final java.util.Map<String, String> env;

  AdHocCli(PrintStream out, PrintStream err, java.util.Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.env = env;
  }

  public static void main(String[] argv) {
    // Most ad hoc commands template nothing: the engine is built ahead only when the arguments
    // show a template (otherwise on first use, e.g. for an inventory variable that is one).
    if (!Version.asked(argv)) {
      Preload.start();
      if (Preload.launchesJobs(argv)) {
        Preload.startRegistry();
      }
      if (java.util.Arrays.stream(argv).anyMatch(Templar::isTemplate)) {
        Templar.prepare();
      }
    }
    System.exit(execute(argv, System.out, System.err, System.getenv()));
  }

  /** Runs the command as the process would, with {@code env} as its environment; returns the exit code. */
  public static int execute(String[] argv, PrintStream out, PrintStream err, java.util.Map<String, String> env) {
    if (Version.asked(argv)) {
      return Version.print("tightbeam", out, env);
    }
    CommandLine cl = Cli.commandLine(new AdHocCli(out, err, env), out, err);
    return cl.execute(argv);
  }

  /** The run's job registry once it is known (for Ctrl-C, as tightbeam-playbook's). */
  private volatile io.tightbeam.jobs.registry.JobRegistry registry;

  @Override
  public Integer call() {
    return Guard.run(out, err, common.verbosity(), this::run,
        () -> InterruptedJobs.handle(registry, err, env, System.console()));
  }

  private int run() {
    RunSetup setup = new RunSetup(common, env, err);
    registry = setup.registry;
    Inventory inventory = setup.inventory(common);
    // wrapped at 80 columns as Ansible's Display wraps them
    io.tightbeam.output.ErrorBlock warnings = new io.tightbeam.output.ErrorBlock(out, err, 0, false);
    setup.settings.warnings().forEach(warnings::warning);
    if (common.verbosity() >= 3) { // Ansible's -vvv notes on the sources (a host range left as written)
      inventory.notes().forEach(out::println);
    }
    inventory.warnings().forEach(warnings::warning);
    if (pattern.isEmpty() || HostsField.blank(pattern)) {
      // An unset $HOSTS must not mean every host.
      throw new InputException(List.of(new Diagnostic(
          pattern.isEmpty() ? HostsField.EMPTY : HostsField.BLANK, "", null)), 4);
    }
    setup.checkLimit(inventory, pattern, common.limit, err);
    io.tightbeam.inventory.PatternMatch match = inventory.match(pattern, common.limit);
    match.unmatched().forEach(u -> err.println("[WARNING]: Could not match supplied host pattern, ignoring: " + u));
    List<Host> hosts = match.hosts();
    if (common.listHosts) {
      out.println("  hosts (" + hosts.size() + "):");
      hosts.forEach(h -> out.println("    " + h.name()));
      return 0;
    }
    if (hosts.isEmpty()) {
      err.println("[WARNING]: No hosts matched, nothing to do");
      return 0;
    }
    String callback = setup.adHocCallback(oneLine);
    RunListener listener = setup.listener(callback, out, err);
    Path base = common.playbookDir != null ? setup.cwd.resolve(common.playbookDir) : setup.cwd;
    Templar templar = setup.templar();
    PlaybookExecutor executor = new PlaybookExecutor(setup.options, inventory, listener, templar,
        Modules.builtin(templar, setup.secrets), new PlaybookParser(setup.secrets))
        .recordingJobs(setup.registry);
    try {
      return executor.runAdHoc(play(base, setup.settings.pollInterval()));
    } finally {
      templar.plugins().close(); // the Python plugin host, if a template started one
    }
  }

  private Play play(Path base, int defaultPoll) {
    Pos pos = new Pos("<ad-hoc>", 1, 1);
    Map<String, Object> taskKeywords = new LinkedHashMap<>();
    int pollValue = poll != null ? poll : defaultPoll;
    if (background != 0 || pollValue != 0) {
      taskKeywords.put("async", background);
      taskKeywords.put("poll", pollValue);
    }
    if (taskTimeout > 0) {
      taskKeywords.put("timeout", taskTimeout);
    }
    Map<String, Object> moduleArgs = args.trim().startsWith("{") ? Cli.yamlMap(args) : null;
    if (moduleArgs == null) {
      moduleArgs = new PlaybookParser().parseArgs(module, args);
    }
    Task task = new Task(module, moduleArgs, taskKeywords, base, pos);
    Map<String, Object> playKeywords = new LinkedHashMap<>();
    playKeywords.put("name", "Ansible Ad-Hoc");
    playKeywords.put("gather_facts", false);
    return new Play(pattern, playKeywords, Map.of(), List.of(), List.of(), List.of(task), List.of(), List.of(), base, pos);
  }
}
