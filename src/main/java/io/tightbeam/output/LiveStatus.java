package io.tightbeam.output;

import io.tightbeam.executor.HostOutcome;
import io.tightbeam.executor.HostStats;
import io.tightbeam.executor.RunListener;
import io.tightbeam.executor.TaskHeader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * On a terminal only: while a run waits on async jobs, one status line at the bottom (jobs
 * running, finished, failed, time since the first was seen running, the host waited on longest),
 * redrawn in place each second and after every output line, and erased before any other output
 * (stdout and stderr alike) so that no line is garbled. Jobs count from when the run starts
 * waiting for them, so a job that ends within its first poll cycle counts too.
 */
public final class LiveStatus implements RunListener {
  private static final byte[] ERASE = "\r\033[K".getBytes(StandardCharsets.US_ASCII);

  private final RunListener delegate;
  private final OutputStream terminal;
  private final LongSupplier clock;
  private final Object lock = new Object();
  /** Jobs seen running: "host jid" to when first seen (ms). */
  private final Map<String, Long> running = new LinkedHashMap<>();
  private int finished;
  private int failed;
  private long firstSeen = -1;
  private boolean shown;
  private boolean atLineStart = true;
  private ScheduledExecutorService ticker;

  private LiveStatus(RunListener delegate, OutputStream terminal, LongSupplier clock) {
    this.delegate = delegate;
    this.terminal = terminal;
    this.clock = clock;
  }

  /** What the callback writes through: stdout and stderr on the terminal, both erasing the line first. */
  public record Streams(PrintStream out, PrintStream err) {}

  /**
   * Wraps {@code out} and {@code err} (the same terminal) for a callback, and returns the streams to
   * build it on; {@link #around} then gives the listener that draws the line.
   */
  public static Builder on(PrintStream out, PrintStream err) {
    return new Builder(out, err, System::currentTimeMillis);
  }

  /** The two steps of setting up: the streams first, then the callback built on them. */
  public static final class Builder {
    private final PrintStream out;
    private final PrintStream err;
    private final LongSupplier clock;
    private volatile LiveStatus live;

    Builder(PrintStream out, PrintStream err, LongSupplier clock) {
      this.out = out;
      this.err = err;
      this.clock = clock;
    }

    private final Object shared = new Object();

    public Streams streams() {
      return new Streams(wrap(out), wrap(err));
    }

    private PrintStream wrap(PrintStream target) {
      return new PrintStream(new OutputStream() {
        @Override
        public void write(int b) {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          LiveStatus l = live;
          if (l == null) {
            synchronized (shared) {
              target.write(b, off, len);
            }
            return;
          }
          l.passThrough(target, b, off, len);
        }

        @Override
        public void flush() {
          target.flush();
        }
      }, true, StandardCharsets.UTF_8);
    }

    /** The listener that forwards to {@code callback} and draws the status line on {@code out}. */
    public RunListener around(RunListener callback) {
      live = new LiveStatus(callback, out, clock);
      return live;
    }
  }

  private void passThrough(PrintStream target, byte[] b, int off, int len) {
    synchronized (lock) {
      try {
        if (shown) {
          terminal.write(ERASE);
          terminal.flush();
          shown = false;
        }
        target.write(b, off, len);
        target.flush();
        if (len > 0) {
          atLineStart = b[off + len - 1] == '\n';
        }
      } catch (java.io.IOException e) {
        // a terminal that went away: nothing to draw on
      }
    }
  }

  /** Draws the line when jobs run and the cursor is at the start of a line; erases it when none do. */
  void redraw() {
    synchronized (lock) {
      try {
        if (running.isEmpty()) {
          if (shown) {
            terminal.write(ERASE);
            terminal.flush();
            shown = false;
          }
          return;
        }
        if (!atLineStart) {
          return;
        }
        terminal.write(ERASE);
        terminal.write(line().getBytes(StandardCharsets.UTF_8));
        terminal.flush();
        shown = true;
      } catch (java.io.IOException e) {
        // a terminal that went away: nothing to draw on
      }
    }
  }

  /** The status line's text. */
  String line() {
    long now = clock.getAsLong();
    Map.Entry<String, Long> oldest = running.entrySet().iterator().next();
    String host = oldest.getKey().substring(0, oldest.getKey().indexOf(' '));
    return "jobs: " + running.size() + " running, " + finished + " finished, " + failed + " failed"
        + " | " + seconds(now - firstSeen) + " | slowest: " + host + " (" + seconds(now - oldest.getValue()) + ")";
  }

  private static String seconds(long millis) {
    long s = Math.max(0, millis / 1000);
    return s >= 60 ? s / 60 + "m" + String.format("%02d", s % 60) + "s" : s + "s";
  }

  private void tick() {
    synchronized (lock) {
      if (ticker == null) {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "tightbeam-live-status");
          t.setDaemon(true);
          return t;
        });
        ticker.scheduleAtFixedRate(this::redraw, 1, 1, TimeUnit.SECONDS);
      }
    }
  }

  @Override
  public void asyncWaiting(TaskHeader task, String host, String jid) {
    delegate.asyncWaiting(task, host, jid);
    seen(host, jid);
  }

  @Override
  public void asyncPoll(TaskHeader task, String host, Map<String, Object> status) {
    delegate.asyncPoll(task, host, status);
    seen(host, String.valueOf(status.get("ansible_job_id")));
  }

  private void seen(String host, String jid) {
    synchronized (lock) {
      long now = clock.getAsLong();
      running.putIfAbsent(host + " " + jid, now);
      if (firstSeen < 0) {
        firstSeen = now;
      }
    }
    tick();
    redraw();
  }

  @Override
  public void asyncOutcome(TaskHeader task, String host, Map<String, Object> result, boolean failed) {
    delegate.asyncOutcome(task, host, result, failed);
    synchronized (lock) {
      if (running.remove(host + " " + result.get("ansible_job_id")) != null) {
        if (failed) {
          this.failed++;
        } else {
          finished++;
        }
      }
    }
    redraw();
  }

  @Override
  public void runEnd() {
    synchronized (lock) {
      running.clear();
      if (ticker != null) {
        ticker.shutdownNow();
      }
    }
    redraw();
    delegate.runEnd();
  }

  // everything else is the callback's, the line redrawn after it

  @Override
  public void playbookStart(String path, int plays) {
    delegate.playbookStart(path, plays);
    redraw();
  }

  @Override
  public void playStart(String name) {
    delegate.playStart(name);
    redraw();
  }

  @Override
  public void playStart(String name, boolean checkMode) {
    delegate.playStart(name, checkMode);
    redraw();
  }

  @Override
  public void hostStart(TaskHeader task, String started, String host) {
    delegate.hostStart(task, started, host);
    redraw();
  }

  @Override
  public void noHostsMatched() {
    delegate.noHostsMatched();
    redraw();
  }

  @Override
  public void taskStart(TaskHeader task) {
    delegate.taskStart(task);
    redraw();
  }

  @Override
  public void noMoreHosts() {
    delegate.noMoreHosts();
    redraw();
  }

  @Override
  public void fileDiff(TaskHeader task, HostOutcome outcome) {
    delegate.fileDiff(task, outcome);
    redraw();
  }

  @Override
  public void itemOutcome(TaskHeader task, HostOutcome outcome) {
    delegate.itemOutcome(task, outcome);
    redraw();
  }

  @Override
  public void taskOutcome(TaskHeader task, HostOutcome outcome) {
    delegate.taskOutcome(task, outcome);
    redraw();
  }

  @Override
  public void retrying(TaskHeader task, String host, int retriesLeft, Map<String, Object> result) {
    delegate.retrying(task, host, retriesLeft, result);
    redraw();
  }

  @Override
  public void included(String file, List<String> hosts, Object item) {
    delegate.included(file, hosts, item);
    redraw();
  }

  @Override
  public void included(TaskHeader task, String file, List<String> hosts, Object item) {
    delegate.included(task, file, hosts, item);
    redraw();
  }

  @Override
  public void warning(String message) {
    delegate.warning(message);
    redraw();
  }

  @Override
  public void error(io.tightbeam.yaml.Diagnostic error) {
    delegate.error(error);
    redraw();
  }

  @Override
  public void verbose(int level, String message) {
    delegate.verbose(level, message);
    redraw();
  }

  @Override
  public void recap(SortedMap<String, HostStats> stats) {
    delegate.recap(stats);
    redraw();
  }
}
