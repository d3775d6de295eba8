package io.tightbeam.jobs.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job record as {@code tightbeam-jobs --json} prints it: {@code jid}, {@code host}, {@code
 * state}, {@code rc}, {@code started}, {@code ended} (ISO-8601 UTC), {@code playbook}, {@code
 * play}, {@code task}, {@code item}, then the rest; item and args as the values they were.
 */
public final class JobJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JobJson() {}

  public static Map<String, Object> of(JobRecord job) {
    JobEnd end = job.end();
    JobTarget t = job.target();
    JobOrigin o = job.origin();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("jid", job.jid());
    m.put("host", t.host());
    m.put("state", job.state().text());
    m.put("rc", end == null ? null : end.rc());
    m.put("started", time(job.started()));
    m.put("ended", end == null ? null : time(end.ended()));
    m.put("playbook", o.playbook());
    m.put("play", o.play());
    m.put("task", o.task());
    m.put("item", value(o.item()));
    m.put("module", o.module());
    m.put("args", value(o.args()));
    m.put("time_limit", job.timeLimit());
    m.put("failed", end == null ? null : end.failed());
    m.put("changed", end == null ? null : end.changed());
    m.put("summary", end == null ? null : end.summary());
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("connection", t.connection());
    c.put("address", t.address());
    c.put("port", t.port() == 0 ? null : t.port());
    c.put("user", t.user());
    c.put("become_method", t.becomeMethod());
    c.put("become_user", t.becomeUser());
    c.put("async_dir", t.asyncDir());
    c.put("private_key_file", t.keyFile());
    m.put("target", c);
    return m;
  }

  private static String time(Instant t) {
    return t == null ? null : t.toString();
  }

  private static Object value(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      return json;
    }
  }
}
