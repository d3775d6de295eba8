package io.tightbeam.executor;

import io.tightbeam.inventory.Host;
import io.tightbeam.playbook.FieldValues;
import io.tightbeam.playbook.HostsField;
import io.tightbeam.playbook.Play;
import io.tightbeam.playbook.Task;
import io.tightbeam.template.Literal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One play: its hosts (pattern, limit), in {@code serial} batches; per batch the facts, then
 * pre_tasks, tasks and post_tasks, each followed by a handler flush.
 */
final class PlayRun {
  private final PlayContext.Services services;
  private final RunStats stats;
  private final Map<String, HostState> states;

  PlayRun(PlayContext.Services services, RunStats stats, Map<String, HostState> states) {
    this.services = services;
    this.stats = stats;
    this.states = states;
  }

  /**
   * Runs the play; true when a whole batch failed (every host of it failed or became unreachable
   * in this play), after which ansible-playbook runs none of the playbook's later plays.
   */
  boolean run(Play play) {
    Map<String, Object> playVars = new LinkedHashMap<>(play.vars());
    // The play's hosts and name are templated before any host exists: play vars, then extra vars.
    Map<String, Object> early = new LinkedHashMap<>(playVars);
    early.putAll(services.options().extraVars());
    String pattern = pattern(play, early);
    String name = play.name() == null ? pattern : String.valueOf(services.templar().template(play.name(), early));
    // Ansible reads vars files before the banner (a vault error comes first), but says a file is
    // missing only after it, and only when the play has hosts.
    io.tightbeam.yaml.InputException missing = loadVarsFiles(play, playVars);
    // Ansible picks and orders the hosts before the banner: an unknown order stops the run unannounced.
    io.tightbeam.inventory.PatternMatch match = services.inventory().match(pattern, services.options().limit());
    List<Host> hosts = HostOrder.apply(services.templar().template(play.keywords().get("order"), early), match.hosts());
    // Ansible warns of an unmatched pattern while it builds the play's variables, asks vars_prompt,
    // then announces the play (stderr and stdout in that order).
    match.unmatched().forEach(u -> services.listener().warning("Could not match supplied host pattern, ignoring: " + u));
    new VarsPrompt(services).ask(play, playVars);
    // then, as it starts the play, it warns of variables named as keywords or template globals
    Map<String, Object> all = new LinkedHashMap<>(playVars);
    all.putAll(services.options().extraVars());
    ReservedNames.in(all).forEach(n -> services.listener().warning("Found variable using reserved name: " + n));
    boolean checkMode = checkMode(play, early);
    services.listener().playStart(name, checkMode);
    if (hosts.isEmpty()) {
      services.listener().noHostsMatched();
      return false;
    }
    if (missing != null) {
      throw missing;
    }
    PlayStrategy.check(PlayStrategy.of(services, play, early), play);
    // ansible_play_hosts lists the play's hosts in the pattern's order; the keyword `order` orders
    // only their batches (ansible_play_batch, play_hosts) and so the order hosts run in
    Map<String, HostState> playHosts = new LinkedHashMap<>();
    for (Host h : match.hosts()) {
      HostState s = states.computeIfAbsent(h.name(), n -> {
        HostState fresh = new HostState(h, services.inventory().hostVars(h, services.playbookDir()));
        fresh.facts.putAll(services.factCache().load(n));
        return fresh;
      });
      if (!s.failed && !s.unreachable && !s.stopped) {
        s.ended = false;
        playHosts.put(h.name(), s);
      }
    }
    if (playHosts.isEmpty()) { // every host failed in an earlier play: Ansible shows the banner only
      return false;
    }
    boolean first = true;
    Object serial = services.templar().template(play.keywords().get("serial"), early);
    if (io.tightbeam.template.Templar.OMIT.equals(serial)) { // serial: "{{ x | default(omit) }}" is no serial
      serial = null;
    }
    PlayHosts matched = new PlayHosts(services.inventory(), pattern, services.options().limit());
    List<String> ordered = hosts.stream().map(Host::name).filter(playHosts::containsKey).toList();
    for (List<String> batch : Serial.batches(serial, new ArrayList<>(ordered))) {
      if (!first) {
        services.listener().playStart(name, checkMode); // Ansible announces the play again for each serial batch
      }
      first = false;
      PlayContext ctx = new PlayContext(services, play, playVars, playHosts, batch, stats,
          java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>()), states, new PlayRoles(), matched);
      List<HostState> batchHosts = batch.stream().map(playHosts::get).toList();
      runBatch(ctx, batchHosts);
      if (batchHosts.stream().allMatch(h -> h.failed || h.unreachable)) {
        playHosts.values().forEach(h -> h.ended = false);
        return true;
      }
      if (playHosts.values().stream().noneMatch(HostState::active)) {
        break;
      }
    }
    playHosts.values().forEach(h -> h.ended = false);
    return false;
  }

  private void runBatch(PlayContext ctx, List<HostState> batch) {
    String missing = services.options().controllerEnv().get("ANSIBLE_ERROR_ON_MISSING_HANDLER");
    boolean errorOnMissing = missing == null || FieldValues.bool(missing).orElse(true);
    // force_handlers: the play's keyword, else --force-handlers / ANSIBLE_FORCE_HANDLERS / ansible.cfg
    Object forceKeyword = ctx.play().keywords().get("force_handlers");
    boolean force = forceKeyword == null ? services.options().settings().forceHandlers()
        : Results.truthy(services.templar().template(forceKeyword, ctx.playVars()));
    Handlers handlers = new Handlers(ctx.play().handlers(), errorOnMissing, force);
    LinearStrategy strategy = new LinearStrategy(ctx, handlers);
    List<HostState> gathering = gathering(ctx, batch);
    if (!gathering.isEmpty() && factsTagged(ctx)) {
      // a play's run_once does not make facts one host's (ansible 39453)
      Task setup = new Task("gather_facts", gatherArgs(ctx.play()), Map.of("name", "Gathering Facts", "run_once", false),
          ctx.play().baseDir(), ctx.play().pos());
      strategy.runTask(setup, Scope.root(false), gathering);
    }
    Scope scope = Scope.forPlay(ctx.play());
    strategy.roles().exportPlayRoles(ctx.play().keywords().get("roles")); // seen from pre_tasks on, as in Ansible
    strategy.roles().namePlayRoles();
    strategy.run(ctx.play().preTasks(), scope, batch);
    handlers.flush(strategy, ctx);
    strategy.roles().runPlayRoles(ctx.play().keywords().get("roles"), scope, batch);
    strategy.run(ctx.play().tasks(), scope, batch);
    handlers.flush(strategy, ctx);
    strategy.run(ctx.play().postTasks(), scope, batch);
    handlers.flush(strategy, ctx);
    // Ansible says so only when any_errors_fatal or max_fail_percentage stopped the hosts
    if (batch.stream().noneMatch(HostState::active) && batch.stream().anyMatch(h -> h.stopped)) {
      ctx.listener().noMoreHosts();
    }
  }

  /** The play's gather_subset, gather_timeout and fact_path, which Ansible hands to its setup. */
  private static Map<String, Object> gatherArgs(Play play) {
    Map<String, Object> args = new LinkedHashMap<>();
    for (String keyword : List.of("gather_subset", "gather_timeout", "fact_path")) {
      Object value = play.keywords().get(keyword);
      if (value != null) {
        args.put(keyword, value);
      }
    }
    return args;
  }

  /**
   * The hosts that gather facts, by Ansible's {@code gathering} setting (ansible.cfg's {@code
   * [defaults] gathering} or {@code ANSIBLE_GATHERING}):
   * implicit, unless the play says no; explicit, only when it says yes; smart, as implicit but only
   * hosts that have no gathered facts yet.
   */
  private List<HostState> gathering(PlayContext ctx, List<HostState> batch) {
    Object g = ctx.play().keywords().get("gather_facts");
    boolean said = g != null && Results.truthy(services.templar().template(g, ctx.playVars()));
    boolean implied = g == null || said;
    String mode = services.options().settings().gathering();
    return switch (mode) {
      case "explicit" -> said ? batch : List.of();
      case "smart" -> implied ? batch.stream().filter(h -> !h.factsGathered || h.facts.isEmpty()).toList() : List.of();
      default -> implied ? batch : List.of();
    };
  }

  /** Fact gathering carries the play's tags, or {@code always} when the play has none. */
  private boolean factsTagged(PlayContext ctx) {
    List<String> tags = TagSelection.tagsOf(ctx.play().keywords().get("tags"));
    return new TagSelection(ctx.options().tags(), ctx.options().skipTags()).runs(tags.isEmpty() ? List.of("always") : tags);
  }

  private String pattern(Play play, Map<String, Object> vars) {
    Object hosts;
    try {
      hosts = services.templar().template(play.hosts(), vars);
    } catch (io.tightbeam.template.TemplateException e) {
      String why = e.getMessage();
      throw new io.tightbeam.yaml.InputException(io.tightbeam.yaml.Diagnostic.at(play.pos(),
          why != null && why.endsWith("is undefined")
              ? "The field 'hosts' has an invalid value, which includes an undefined variable. The"
                  + " error was: " + why + ". " + why
              : "The field 'hosts' has an invalid value: " + why));
    }
    if (hosts == null || HostsField.blank(hosts) || (hosts instanceof List<?> l && l.isEmpty())) {
      throw new io.tightbeam.yaml.InputException(
          io.tightbeam.yaml.Diagnostic.at(play.pos(), HostsField.BLANK));
    }
    if (hosts instanceof List<?> l) {
      return String.join(",", l.stream().map(String::valueOf).toList());
    }
    return String.valueOf(hosts);
  }

  /** A vars file's maps: it holds one, or a list of them (nothing when empty); anything else stops the run. */
  private static List<Map<?, ?>> varsMaps(Object data) {
    if (data == null) {
      return List.of();
    }
    List<?> items = data instanceof List<?> l ? l : List.of(data);
    List<Map<?, ?>> maps = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> m)) {
        throw new io.tightbeam.yaml.InputException(List.of(new io.tightbeam.yaml.Diagnostic(
            "variable files must contain either a dictionary of variables, or a list of dictionaries. Got: "
                + io.tightbeam.py.Py.str(data) + " (" + yamlType(data) + ")", "", null)), 1);
      }
      maps.add(m);
    }
    return maps;
  }

  /** The class Ansible's YAML loader gives a value, as Python prints it. */
  private static String yamlType(Object data) {
    String name = data instanceof List ? "ansible.parsing.yaml.objects.AnsibleSequence"
        : data instanceof String ? "ansible.parsing.yaml.objects.AnsibleUnicode"
        : io.tightbeam.py.Py.typeName(data);
    return "<class '" + name + "'>";
  }

  private io.tightbeam.yaml.InputException loadVarsFiles(Play play, Map<String, Object> playVars) {
    io.tightbeam.yaml.InputException missing = null;
    for (Object entry : play.varsFiles()) {
      List<Object> candidates = entry instanceof List<?> l ? new ArrayList<>(l) : List.of(entry);
      boolean loaded = false;
      for (Object c : candidates) {
        Path p = play.baseDir().resolve(String.valueOf(services.templar().template(c, playVars)));
        if (Files.isReadable(p)) {
          for (Map<?, ?> m : varsMaps(services.parser().loadData(p))) {
            m.forEach((k, v) -> services.inventory().hash().set(playVars, String.valueOf(k), v));
          }
          loaded = true;
          break;
        }
      }
      if (!loaded && missing == null) {
        missing = new io.tightbeam.yaml.InputException(List.of(io.tightbeam.yaml.Diagnostic.at(play.pos(),
            "vars file " + entry + " was not found")), 1);
      }
    }
    playVars.put("playbook_dir", new Literal(play.baseDir().toAbsolutePath().normalize().toString()));
    return missing;
  }

  /** The play's check mode as the callback's markers show it: its check_mode keyword, else --check. */
  private boolean checkMode(Play play, Map<String, Object> early) {
    Object raw = play.keywords().get("check_mode");
    if (raw == null) {
      return services.options().check();
    }
    try {
      Object v = services.templar().template(raw, early);
      return v == null || io.tightbeam.template.Templar.OMIT.equals(v) ? services.options().check() : Results.truthy(v);
    } catch (RuntimeException e) {
      return services.options().check();
    }
  }
}
