package io.tightbeam.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tightbeam.inventory.Inventory;
import io.tightbeam.jobs.registry.JobJson;
import io.tightbeam.jobs.registry.JobRecord;
import io.tightbeam.jobs.registry.JobState;
import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code tightbeam-jobs}' output: a table, one record's details, or JSON; and its selections. */
final class JobTable {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
  private static final Pattern AGE = Pattern.compile("(\\d+)\\s*([smhdw]?)");
  // Ansible's colours: ok green, changed yellow, failed red
  private static final Map<JobState, String> COLOURS = Map.of(
      JobState.RUNNING, "\033[0;33m", JobState.FINISHED, "\033[0;32m", JobState.FAILED, "\033[0;31m",
      JobState.KILLED, "\033[0;31m", JobState.LOST, "\033[0;31m");

  private JobTable() {}

  static String json(List<JobRecord> jobs) {
    try {
      return JSON.writeValueAsString(jobs.stream().map(JobJson::of).toList()) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("job records are plain JSON values", e);
    }
  }

  static String text(List<JobRecord> jobs, boolean color) {
    if (jobs.isEmpty()) {
      return "no jobs\n";
    }
    String format = "%-22s %-20s %-9s %4s  %-19s  %-19s  %s%n";
    StringBuilder sb = new StringBuilder(String.format(format, "JID", "HOST", "STATE", "RC", "STARTED", "ENDED", "TASK"));
    for (JobRecord j : jobs) {
      String state = String.format("%-9s", j.state().text());
      if (color) {
        state = COLOURS.get(j.state()) + state + "\033[0m";
      }
      String task = j.origin().task() + (j.origin().item() == null ? "" : " (item=" + j.origin().item() + ")");
      sb.append(String.format(format, j.jid(), j.target().host(), state,
          j.end() == null || j.end().rc() == null ? "" : j.end().rc(), TIME.format(j.started()),
          j.end() == null ? "" : TIME.format(j.end().ended()), task));
    }
    return sb.toString();
  }

  static String details(List<JobRecord> jobs) {
    StringBuilder sb = new StringBuilder();
    for (JobRecord j : jobs) {
      details(sb, "", JobJson.of(j));
      sb.append('\n');
    }
    return sb.toString();
  }

  private static void details(StringBuilder sb, String indent, Map<String, Object> m) {
    m.forEach((k, v) -> {
      if (v instanceof Map<?, ?> nested) {
        sb.append(indent).append(k).append(":\n");
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = (Map<String, Object>) nested;
        details(sb, indent + "  ", inner);
      } else if (v != null) {
        String text;
        try {
          text = v instanceof String s ? s : JSON.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(v);
        } catch (JsonProcessingException e) {
          text = String.valueOf(v);
        }
        sb.append(indent).append(k).append(": ").append(text).append('\n');
      }
    });
  }

  /** The jobs whose host matches Ansible's host {@code pattern} (null: all). */
  static List<JobRecord> onHosts(List<JobRecord> jobs, String pattern) {
    if (pattern == null || jobs.isEmpty()) {
      return jobs;
    }
    Set<String> names = new HashSet<>();
    jobs.forEach(j -> names.add(j.target().host()));
    // the registry's hosts as an inventory of their own: patterns read as in Ansible (globs, ~regex, a:b, !x)
    Inventory hosts = Inventory.load(List.of(String.join(",", names) + ","), Path.of("").toAbsolutePath());
    Set<String> matched = new HashSet<>();
    hosts.match(pattern).hosts().forEach(h -> matched.add(h.name()));
    return jobs.stream().filter(j -> matched.contains(j.target().host())).toList();
  }

  /** The instant {@code age} ago: {@code 90}, {@code 30s}, {@code 15m}, {@code 2h}, {@code 7d}, {@code 1w}. */
  static Instant since(String age) {
    return ago(age, "--since");
  }

  /** The instant {@code age} ago, {@code age} given to {@code option}. */
  static Instant ago(String age, String option) {
    Matcher m = AGE.matcher(age.strip());
    if (!m.matches()) {
      throw new InputException(List.of(new Diagnostic(
          "invalid value for " + option + ": '" + age + "' (expected a number with s, m, h, d or w, e.g. 2h)", "", null)), 2);
    }
    long n = Long.parseLong(m.group(1));
    Duration d = switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      case "w" -> Duration.ofDays(7 * n);
      default -> Duration.ofSeconds(n);
    };
    return Instant.now().minus(d);
  }
}
