package io.tightbeam.module;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Ansible's {@code wait_for_connection}: after {@code delay}, runs {@code ping} on the target
 * every {@code sleep} seconds until it answers pong or {@code timeout} passes; the result says
 * the whole {@code elapsed} seconds. Skipped in check mode, as Ansible's.
 */
final class WaitForConnectionModule implements RemoteModule {
  private static final Set<String> OPTIONS = Set.of("connect_timeout", "delay", "sleep", "timeout");
  private final PingModule ping = new PingModule();

  @Override
  public String name() {
    return "wait_for_connection";
  }

  @Override
  public boolean supportsCheckMode() {
    return true;
  }

  @Override
  public Map<String, Object> checkArgs(Map<String, Object> args) {
    ActionArgs.allowOnly(name(), args, OPTIONS);
    Map<String, Object> checked = new LinkedHashMap<>();
    checked.put("connect_timeout", seconds(args, "connect_timeout", 5));
    checked.put("delay", seconds(args, "delay", 0));
    checked.put("sleep", seconds(args, "sleep", 1));
    checked.put("timeout", seconds(args, "timeout", 600));
    return checked;
  }

  private static int seconds(Map<String, Object> args, String name, int fallback) {
    Object v = args.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      return v instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(v).strip());
    } catch (NumberFormatException e) {
      throw new ActionFailure("invalid literal for int() with base 10: '" + v + "'");
    }
  }

  @Override
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    return ping.script(Map.of(), target);
  }

  @Override
  public CompletableFuture<Map<String, Object>> run(Map<String, Object> args, TargetContext target) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("changed", false);
    if (target.checkMode()) {
      r.put("skipped", true);
      return CompletableFuture.completedFuture(r);
    }
    return CompletableFuture.supplyAsync(() -> {
      long start = System.nanoTime();
      sleep((int) args.get("delay") * 1000L);
      long end = System.nanoTime() + (int) args.get("timeout") * 1_000_000_000L;
      String error = null;
      do {
        try {
          Map<String, Object> answer = ping.run(Map.of(), target).join();
          if ("pong".equals(answer.get("ping"))) {
            error = null;
            break;
          }
          error = "ping test failed";
        } catch (RuntimeException e) {
          Throwable cause = e.getCause() != null ? e.getCause() : e;
          error = cause.getMessage();
        }
        sleep((int) args.get("sleep") * 1000L);
      } while (System.nanoTime() < end);
      if (error != null) {
        r.put("failed", true);
        r.put("msg", "timed out waiting for ping module test: " + error);
      }
      r.put("elapsed", (System.nanoTime() - start) / 1_000_000_000L);
      return r;
    }, Runnable::run);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the connection", e);
    }
  }
}
