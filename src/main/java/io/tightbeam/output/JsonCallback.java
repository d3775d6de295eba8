package io.tightbeam.output;

import io.tightbeam.executor.HostOutcome;
import io.tightbeam.executor.HostStats;
import io.tightbeam.executor.RunListener;
import io.tightbeam.executor.TaskHeader;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;

/**
 * {@code ANSIBLE_STDOUT_CALLBACK=json}: nothing while the run goes, then one document with
 * {@code plays} (each with its {@code tasks} and their per-host results), {@code stats},
 * {@code custom_stats} and {@code global_custom_stats}.
 */
final class JsonCallback implements RunListener {
  /** Internal keys that Ansible's clean copy of a result keeps for callbacks. */
  private static final Set<String> KEPT =
      Set.of("_ansible_verbose_always", "_ansible_item_label", "_ansible_no_log",
          "_ansible_verbose_override");

  private final Display display;
  private final Clock clock;
  private final String idPrefix;
  private final List<Map<String, Object>> plays = new ArrayList<>();
  private long ids;

  JsonCallback(Display display, Clock clock, String idPrefix) {
    this.display = display;
    this.clock = clock;
    this.idPrefix = idPrefix;
  }

  JsonCallback(Display display) {
    this(display, Clock.systemUTC(), idPrefixFromUuid(UUID.randomUUID()));
  }

  /** Ansible's uuids are a per-run prefix and a counter: 0242ac11-0002-4b6c-8f66-000000000006. */
  private static String idPrefixFromUuid(UUID u) {
    String s = u.toString();
    return s.substring(0, 24);
  }

  private String nextId() {
    return idPrefix + String.format("%012d", ++ids);
  }

  private String now() {
    LocalDateTime t = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    // Python's isoformat() drops the fraction when it is zero
    String pattern = t.getNano() / 1000 == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.SSSSSS";
    return t.format(DateTimeFormatter.ofPattern(pattern)) + "Z";
  }

  @Override
  public void playStart(String name) {
    Map<String, Object> play = new LinkedHashMap<>();
    play.put("name", name == null ? "" : name);
    play.put("id", nextId());
    play.put("duration", new LinkedHashMap<>(Map.of("start", now())));
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("play", play);
    entry.put("tasks", new ArrayList<Map<String, Object>>());
    plays.add(entry);
  }

  @Override
  public void taskStart(TaskHeader task) {
    if (plays.isEmpty()) {
      playStart("");
    }
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("name", task.name());
    t.put("id", nextId());
    if (task.pos() != null && task.pos().line() > 0) {
      t.put("path", task.pos().file() + ":" + task.pos().line());
    }
    t.put("duration", new LinkedHashMap<>(Map.of("start", now())));
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("task", t);
    entry.put("hosts", new LinkedHashMap<String, Object>());
    tasks().add(entry);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> tasks() {
    return (List<Map<String, Object>>) plays.get(plays.size() - 1).get("tasks");
  }

  @Override
  @SuppressWarnings("unchecked")
  public void taskOutcome(TaskHeader task, HostOutcome outcome) {
    if (plays.isEmpty() || tasks().isEmpty()) {
      taskStart(task);
    }
    Map<String, Object> result = ShownResult.copyMap(outcome.result() == null ? Map.of() : outcome.result());
    result.remove("failed");
    result.remove("skipped");
    result = ShownResult.stripInternal(result, KEPT);
    // Ansible's task executor marks every single result, not a loop's summary
    if (!result.containsKey("censored") && !outcome.loop()) {
      result.putIfAbsent("_ansible_no_log", false);
      if (outcome instanceof HostOutcome.Ok && "debug".equals(ShownResult.shortAction(task.action()))) {
        result.putIfAbsent("_ansible_verbose_always", true);
      }
    }
    if (outcome instanceof HostOutcome.Failed) {
      result.put("failed", true);
    } else if (outcome instanceof HostOutcome.Skipped) {
      result.put("skipped", true);
    }
    result.put("action", task.action());
    Map<String, Object> entry = tasks().get(tasks().size() - 1);
    ((Map<String, Object>) entry.get("hosts")).put(outcome.host(), result);
    String end = now();
    ((Map<String, Object>) ((Map<String, Object>) entry.get("task")).get("duration")).put("end", end);
    Map<String, Object> play = (Map<String, Object>) plays.get(plays.size() - 1).get("play");
    ((Map<String, Object>) play.get("duration")).put("end", end);
  }

  @Override
  public void warning(String message) {
    display.warning(message);
  }

  @Override
  public void verbose(int level, String message) {
    display.verbose(level, message);
  }

  @Override
  public void recap(SortedMap<String, HostStats> stats) {
    Map<String, Object> summary = new LinkedHashMap<>();
    stats.forEach(
        (host, s) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("changed", s.changed());
          m.put("failures", s.failed());
          m.put("ignored", s.ignored());
          m.put("ok", s.ok());
          m.put("rescued", s.rescued());
          m.put("skipped", s.skipped());
          m.put("unreachable", s.unreachable());
          summary.put(host, m);
        });
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("custom_stats", Map.of());
    doc.put("global_custom_stats", Map.of());
    doc.put("plays", plays);
    doc.put("stats", summary);
    display.display(PyJson.dumps(doc, 4, true));
  }
}
