package io.tightbeam.cli;

import io.tightbeam.jobs.registry.JobRecord;
import io.tightbeam.jobs.registry.JobState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code tightbeam-jobs timeline}: a self-contained HTML page (no script, no network) with one row
 * per host and a bar per job from its start to its end (or now, while it runs), coloured by state;
 * a bar's tooltip names the task, item, job id, state and rc. Every text from the registry is
 * escaped.
 */
final class JobTimeline {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  /** Bar colours by state (also the legend's). */
  static final Map<JobState, String> COLOURS = Map.of(
      JobState.RUNNING, "#1f6feb", JobState.FINISHED, "#2da44e", JobState.FAILED, "#cf222e",
      JobState.KILLED, "#bf8700", JobState.LOST, "#6e7781");

  private JobTimeline() {}

  static String html(List<JobRecord> jobs, Instant now) {
    StringBuilder s = new StringBuilder();
    s.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<title>tightbeam jobs</title>\n<style>\n")
        .append("body{font:13px sans-serif;margin:16px;color:#24292f}\n")
        .append(".row{display:flex;align-items:center;height:24px;border-bottom:1px solid #eaeef2}\n")
        .append(".host{width:180px;flex:none;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}\n")
        .append(".lane{position:relative;flex:1;height:16px;background:#f6f8fa}\n")
        .append(".bar{position:absolute;top:0;height:16px;min-width:3px;border-radius:2px}\n")
        .append(".key{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}\n");
    COLOURS.forEach((state, colour) -> s.append('.').append(state.text()).append("{background:")
        .append(colour).append("}\n"));
    s.append("</style></head><body>\n");
    if (jobs.isEmpty()) {
      return s.append("<p>No jobs.</p>\n</body></html>\n").toString();
    }
    Instant from = jobs.stream().map(JobRecord::started).min(Instant::compareTo).orElse(now);
    Instant to = jobs.stream().map(j -> end(j, now)).max(Instant::compareTo).orElse(now);
    double span = Math.max(1, Duration.between(from, to).toMillis());
    s.append("<h1>").append(jobs.size()).append(jobs.size() == 1 ? " job" : " jobs").append(", ")
        .append(TIME.format(from)).append(" to ").append(TIME.format(to)).append("</h1>\n<p>");
    for (JobState state : JobState.values()) {
      s.append("<span class=\"key ").append(state.text()).append("\"></span>").append(state.text());
    }
    s.append("</p>\n");
    Map<String, List<JobRecord>> byHost = new TreeMap<>();
    jobs.forEach(j -> byHost.computeIfAbsent(j.target().host(), h -> new java.util.ArrayList<>()).add(j));
    byHost.forEach((host, own) -> {
      s.append("<div class=\"row\"><div class=\"host\" title=\"").append(escape(host)).append("\">")
          .append(escape(host)).append("</div><div class=\"lane\">");
      for (JobRecord j : own) {
        double left = 100 * Duration.between(from, j.started()).toMillis() / span;
        double width = 100 * Duration.between(j.started(), end(j, now)).toMillis() / span;
        s.append("<div class=\"bar ").append(j.state().text()).append("\" data-jid=\"").append(escape(j.jid()))
            .append(String.format(Locale.ROOT, "\" style=\"left:%.3f%%;width:%.3f%%\" title=\"", left, width))
            .append(escape(tooltip(j))).append("\"></div>");
      }
      s.append("</div></div>\n");
    });
    return s.append("</body></html>\n").toString();
  }

  private static Instant end(JobRecord j, Instant now) {
    return j.end() == null ? now : j.end().ended();
  }

  private static String tooltip(JobRecord j) {
    StringBuilder t = new StringBuilder(j.origin().task() == null ? "" : j.origin().task());
    if (j.origin().item() != null) {
      t.append(" (item=").append(j.origin().item()).append(')');
    }
    t.append("\n").append(j.jid()).append(": ").append(j.state().text());
    if (j.end() != null && j.end().rc() != null) {
      t.append(", rc=").append(j.end().rc());
    }
    t.append("\n").append(TIME.format(j.started()));
    if (j.end() != null) {
      t.append(" to ").append(TIME.format(j.end().ended()));
    }
    return t.toString();
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\n' -> out.append("&#10;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
