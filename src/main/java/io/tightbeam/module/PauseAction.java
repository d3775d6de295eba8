package io.tightbeam.module;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Ansible's {@code pause}, non-interactive: waits {@code seconds} or {@code minutes}; a pause with
 * only a {@code prompt} returns at once, as Ansible does when no terminal is attached. It blocks
 * the calling thread for the pause.
 */
final class PauseAction implements ControllerAction {
  @Override
  public String name() {
    return "pause";
  }

  @Override
  public Map<String, Object> run(Map<String, Object> args, ActionContext context) {
    ActionArgs.allowOnly("pause", args, Set.of("echo", "minutes", "prompt", "seconds"));
    boolean echo = ArgSpec.toBool("echo", args.getOrDefault("echo", true));
    String unit = "minutes";
    double wait = 0;
    if (args.containsKey("minutes")) {
      wait = number(args.get("minutes")) * 60;
    } else if (args.containsKey("seconds")) {
      wait = number(args.get("seconds"));
      unit = "seconds";
    }
    LocalDateTime start = LocalDateTime.now();
    long t0 = System.nanoTime();
    sleep(wait);
    double took = (System.nanoTime() - t0) / 1e9;
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("changed", false);
    r.put("rc", 0);
    r.put("stderr", "");
    r.put("start", Timestamps.stamp(start));
    r.put("stop", Timestamps.stamp(start.plus(Duration.ofNanos(System.nanoTime() - t0))));
    r.put("delta", (long) took);
    double shown = unit.equals("minutes") ? took / 60 : took;
    r.put("stdout", "Paused for " + Math.round(shown * 100) / 100.0 + " " + unit);
    r.put("echo", echo);
    r.put("user_input", "");
    return r;
  }

  private static double number(Object value) {
    try {
      return value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value));
    } catch (NumberFormatException e) {
      throw new ModuleArgumentException(
          "non-integer value given for prompt duration:\n" + e.getMessage());
    }
  }

  private static void sleep(double seconds) {
    if (seconds <= 0) {
      return;
    }
    try {
      Thread.sleep((long) (seconds * 1000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // an interrupted run ends the pause early
    }
  }
}
