package io.tightbeam.jobs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what a status command saw of a job file into the async_status module's result (spec §5):
 * pre-filled keys, then "could not find job", running, finished or erased. Improves on Ansible
 * where its answer would be "running" forever: a dead runner, a reboot, or an unreadable file
 * with no process of the job left are reported as failed with the reason.
 */
final class JobStatus {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JobStatus() {}

  static Map<String, Object> result(JobId jid, String mode, JobObservation seen) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("ansible_job_id", jid.value());
    r.put("changed", false);
    boolean cleanup = mode.equals("cleanup");
    r.put("started", cleanup ? 0 : 1);
    r.put("finished", 0);
    r.put(cleanup ? "erased" : "results_file", seen.path());
    r.put("stdout", "");
    r.put("stderr", "");
    if (!seen.exists() && !cleanup && seen.liveness().equals("marker")) {
      // the job file was removed while the job runs: it is written anew when the job ends
      r.put("msg", "the job file is gone but the job's processes still run");
    } else if (!seen.exists()) {
      r.put("failed", true);
      r.put("msg", "could not find job");
      r.put("started", 1);
      r.put("finished", 1);
    } else if (!cleanup) {
      merge(r, jid, mode, seen);
    }
    addLines(r, "stdout");
    addLines(r, "stderr");
    return r;
  }

  private static void merge(
      Map<String, Object> r, JobId jid, String mode, JobObservation seen) {
    Map<String, Object> data = parse(seen.content());
    if (data == null) {
      if (seen.liveness().equals("marker")) {
        return; // running: the job's processes are still at work
      }
      fail(r, "the job file " + seen.path() + " holds no valid JSON result"
          + (seen.content().isBlank() ? " (it is empty)" : ": " + excerpt(seen.content()))
          + " and no process of the job is running");
      return;
    }
    boolean running = data.containsKey("started") && truthy(data.get("started"))
        && !truthy(data.getOrDefault("finished", 0));
    if (running && !seen.liveness().equals("1") && !seen.liveness().equals("-")) {
      fail(r, gone(seen.liveness()));
      return;
    }
    data.keySet().removeIf(k -> k.startsWith("tightbeam_"));
    if (!data.containsKey("started")) {
      data.put("finished", 1);
      data.put("ansible_job_id", jid.value());
    } else if (!data.containsKey("finished")) {
      data.put("finished", 0);
    }
    r.putAll(data);
    if (!data.containsKey("invocation")) {
      Map<String, Object> args = new LinkedHashMap<>();
      String file = seen.path();
      args.put("_async_dir", file.substring(0, Math.max(0, file.length() - jid.value().length() - 1)));
      args.put("jid", jid.value());
      args.put("mode", mode);
      r.put("invocation", Map.of("module_args", args));
    }
    if (truthy(r.get("failed"))) {
      r.put("failed", true);
    }
  }

  private static void fail(Map<String, Object> r, String msg) {
    r.put("failed", true);
    r.put("finished", 1);
    r.put("msg", msg);
  }

  /** Why a job whose started record names dead processes ({@code liveness}) is lost. */
  static String gone(String liveness) {
    if (liveness.equals("boot")) {
      return "the job's runner is gone without writing a result: the host rebooted since the job"
          + " started";
    }
    String[] what = liveness.split(":", 2);
    String pid = what.length > 1 ? what[1] : "?";
    if (what[0].equals("supervisor")) {
      return "the job's supervisor (pid " + pid + ") is gone: it was killed, so the job's time"
          + " limit is no longer enforced and its result may never be written";
    }
    return "the job's runner (pid " + pid + ") is gone without writing a result: killed or the"
        + " host rebooted";
  }

  static Map<String, Object> parse(String content) {
    String text = content.strip();
    if (!text.startsWith("{")) {
      return null;
    }
    try {
      return JSON.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (IOException e) {
      return null;
    }
  }

  /** Python's truthiness, which Ansible applies to {@code failed}, {@code finished} and friends. */
  static boolean truthy(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return true;
  }

  private static void addLines(Map<String, Object> r, String key) {
    if (!r.containsKey(key + "_lines")) {
      Object text = r.get(key);
      r.put(key + "_lines", text instanceof String s ? splitLines(s) : List.of());
    }
  }

  /** Python's str.splitlines for the usual line ends. */
  static List<String> splitLines(String s) {
    List<String> lines = new ArrayList<>();
    for (String line : s.split("\r\n|\n|\r", -1)) {
      lines.add(line);
    }
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  private static String excerpt(String content) {
    String s = content.strip();
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
