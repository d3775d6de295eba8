package io.tightbeam.connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * Ansible's {@code ssh} connection over one authenticated MINA session per (host, user), opened on
 * first use and shared by every exec, put and fetch as multiplexed channels. At most {@value
 * #CHANNELS_PER_SESSION} channels are open at once (under OpenSSH's default MaxSessions 10); further
 * commands wait in a queue, holding no thread.
 *
 * <p>The command is sent as is (sshd runs it through the login shell); environment and working
 * directory become an {@code export ...; cd ... || exit 1;} prefix. A command killed by a signal
 * reports exit code -1. A command that runs past its timeout reports -1 with a note on stderr; sshd is asked to SIGKILL the command's process group (OpenSSH
 * 7.9+ does) and the channel is closed. A channel refused by sshd (MaxSessions reached, e.g. by
 * commands that outlived a timeout) is retried with backoff; the command had not started.
 */
public final class SshConnection implements Connection {
  /**
   * Below OpenSSH's default MaxSessions of 10 on purpose: sshd frees a finished channel's session
   * slot only after it has processed the packets read with our CLOSE, so an open sent right after a
   * close is refused when every slot is taken (measured with sshd 9.2 at DEBUG2).
   */
  static final int CHANNELS_PER_SESSION = 8;
  private static final Duration OPEN_RETRY_LIMIT = Duration.ofSeconds(30);

  private final SshSettings settings;
  private final SshDialer dialer;
  private final AsyncSlots channels = new AsyncSlots(CHANNELS_PER_SESSION);
  private final java.util.concurrent.atomic.AtomicInteger refusals = new java.util.concurrent.atomic.AtomicInteger();
  private CompletableFuture<ClientSession> session; // guarded by this
  private boolean closed; // guarded by this

  SshConnection(Endpoint endpoint, SshDialer dialer) {
    this.settings = dialer.settingsFor(endpoint);
    this.dialer = dialer;
  }

  @Override
  public String host() {
    return settings.inventoryName();
  }

  @Override
  public CompletableFuture<ExecResult> exec(ExecRequest request) {
    Run run;
    try {
      // A command with a time limit carries a marker in its environment, so that the processes
      // it leaves can be found and killed when the limit passes even if sshd's signal misses them.
      // Fixed length, so that no marker is the prefix of another.
      String marker = request.timeout() == null ? null
          : String.format("%016x", java.util.concurrent.ThreadLocalRandom.current().nextLong());
      String command = RemoteCommand.prefix(request) + request.command();
      if (marker != null) {
        // exec: the marked sh replaces the login shell, so the marker is in its own /proc environ too.
        command = "TB_EXEC_ID=" + marker + " exec /bin/sh -c " + Sh.quote(command);
      }
      run = new Run(command, request.stdin(), request.timeout());
      run.marker = marker;
      run.terminal = request.terminal();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    run.result.whenComplete((r, failure) -> {
      ChannelExec open = run.channel;
      if (failure instanceof java.util.concurrent.CancellationException && open != null) {
        run.killAndClose(open); // the caller gave up on it (a keeper's client went away): the command goes too
      }
    });
    start(run, true);
    return run.result;
  }

  private void start(Run run, boolean mayReopen) {
    session()
        .whenComplete(
            (s, failure) -> {
              if (failure != null) {
                run.result.completeExceptionally(
                    failure instanceof ConnectionException ? failure : SshDialer.unreachable(settings, failure));
              } else {
                channels.acquire().thenRun(() -> open(run, s, mayReopen));
              }
            });
  }

  private void open(Run run, ClientSession s, boolean mayReopen) {
    if (run.result.isDone()) {
      channels.release();
      return;
    }
    ChannelExec channel;
    try {
      channel = s.createExecChannel(run.command);
      channel.setOut(run.terminal == null ? run.out : run.onTerminal(channel));
      channel.setErr(run.err);
      org.apache.sshd.client.future.OpenFuture opening = channel.open();
      // An open on a session whose link died silently is never answered: after the connect timeout
      // the session is dropped, which fails this open and lets retryOrFail dial again.
      ScheduledFuture<?> openLimit = dialer.timer().schedule(
          () -> {
            if (!opening.isDone()) {
              s.close(true);
            }
          },
          settings.connectTimeout().toMillis(),
          TimeUnit.MILLISECONDS);
      opening
          .addListener(
              opened -> {
                openLimit.cancel(false);
                if (!opened.isOpened()) {
                  channels.release();
                  channel.close(true);
                  if (opened.getException() instanceof SshChannelOpenException && s.isOpen() && run.mayRetryOpen()) {
                    // sshd frees a closed channel's session slot only after it has read the packets that
                    // follow our close, and commands that outlived their channel keep theirs: retry
                    long backoff = Math.min(1000L, 20L << Math.min(run.refusals++, 6));
                    refusals.incrementAndGet();
                    dialer.timer().schedule(
                        () -> channels.acquire().thenRun(() -> open(run, s, mayReopen)), backoff, TimeUnit.MILLISECONDS);
                    return;
                  }
                  retryOrFail(run, s, mayReopen, opened.getException());
                  return;
                }
                channel.addCloseFutureListener(
                    closedFuture -> {
                      channels.release();
                      run.finish(channel);
                    });
                run.channel = channel;
                if (run.result.isDone()) {
                  // timed out while opening: sshd may already have started the command
                  run.killAndClose(channel);
                } else {
                  if (run.terminal == null) {
                    sendStdin(channel, run.stdin); // else the conversation sends it when the command is ready
                  }
                }
              });
    } catch (IOException | RuntimeException e) {
      channels.release();
      retryOrFail(run, s, mayReopen, e);
    }
  }

  /** A dead session is reopened once, but only when the command cannot have started. */
  private void retryOrFail(Run run, ClientSession s, boolean mayReopen, Throwable cause) {
    if (mayReopen && (!s.isOpen() || s.isClosing())) {
      forget(s);
      start(run, false);
    } else {
      run.result.completeExceptionally(
          new ConnectionException(
              "cannot open a channel to " + host() + ": " + (cause == null ? "refused" : SshDialer.describe(cause)),
              cause));
    }
  }

  private void sendStdin(ChannelExec channel, byte[] stdin) {
    OutputStream in = channel.getInvertedIn();
    // Even an empty stdin is closed off the NIO thread: closing flushes and sends EOF through the
    // same session the NIO thread is serving.
    dialer
        .stdinWriters()
        .execute(
            () -> {
              try (in) {
                if (stdin != null && stdin.length > 0) {
                  in.write(stdin);
                }
              } catch (IOException e) {
                // the command exited without reading all of its input, as `head -1` may
              }
            });
  }

  private synchronized CompletableFuture<ClientSession> session() {
    if (closed) {
      return CompletableFuture.failedFuture(new ConnectionException("connection to " + host() + " is closed"));
    }
    if (session == null || (session.isDone() && !usable(session))) {
      session = dialer.open(settings);
    }
    return session;
  }

  private static boolean usable(CompletableFuture<ClientSession> future) {
    if (future.isCompletedExceptionally()) {
      return false;
    }
    ClientSession s = future.join();
    return s.isOpen() && !s.isClosing();
  }

  private synchronized void forget(ClientSession dead) {
    if (session != null && session.isDone() && !session.isCompletedExceptionally() && session.join() == dead) {
      session = null;
    }
  }

  @Override
  public void put(byte[] data, String remotePath, int mode) {
    RemoteFiles.put(this, data, remotePath, mode);
  }

  @Override
  public byte[] fetch(String remotePath) {
    return RemoteFiles.fetch(this, remotePath);
  }

  /** The live session, or null (for tests that cut it). */
  synchronized ClientSession currentSession() {
    return session != null && session.isDone() && !session.isCompletedExceptionally() ? session.join() : null;
  }

  /** How many channel opens sshd has refused and we retried (for tests and -vvv). */
  int refusedOpens() {
    return refusals.get();
  }

  int channelsWaiting() {
    return channels.waiting();
  }

  /** How many channels are open or queued right now (for tests). */
  int channelsInUse() {
    return channels.inUse();
  }

  private static final java.util.concurrent.Executor CLOSER =
      java.util.concurrent.Executors.newSingleThreadExecutor(SshDialer.daemon("tightbeam-ssh-close"));

  @Override
  public void close() {
    CompletableFuture<ClientSession> last;
    synchronized (this) {
      closed = true;
      last = session;
      session = null;
    }
    if (last != null) {
      // at once (nothing is left in flight at the end of a run) and off the caller's thread: the
      // socket close and MINA's bookkeeping cost ~18 ms a session here, which a CLI about to exit
      // need not wait for (the kernel closes whatever is left when the process ends)
      last.thenAcceptAsync(s -> s.close(true), CLOSER);
    }
  }

  /** One command in flight: its buffers, its channel once open, and its deadline. */
  private final class Run {
    final String command;
    final byte[] stdin;
    final Duration timeout;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final CompletableFuture<ExecResult> result = new CompletableFuture<>();
    volatile ChannelExec channel;
    String marker;
    Terminal terminal;
    TerminalOutput conversation;
    int refusals; // touched by one listener at a time
    long firstRefusal;

    boolean mayRetryOpen() {
      long now = System.nanoTime();
      if (refusals == 0) {
        firstRefusal = now;
      }
      return now - firstRefusal < OPEN_RETRY_LIMIT.toNanos();
    }

    Run(String command, byte[] stdin, Duration timeout) {
      this.command = command;
      this.stdin = stdin;
      this.timeout = timeout;
      if (timeout != null) {
        ScheduledFuture<?> limit =
            dialer.timer().schedule(this::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((r, e) -> limit.cancel(false));
      }
    }

    private void expire() {
      byte[] note = ("\ntightbeam: command timed out after " + timeout.toMillis() + " ms\n")
          .getBytes(StandardCharsets.UTF_8);
      byte[] stdout;
      byte[] stderr;
      synchronized (this) {
        stdout = out.toByteArray();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        e.writeBytes(err.toByteArray());
        e.writeBytes(note);
        stderr = e.toByteArray();
      }
      if (result.complete(new ExecResult(-1, stdout, stderr))) {
        ChannelExec open = channel;
        if (open != null) {
          killAndClose(open);
        }
      }
    }

    /**
     * Kills the command, then closes the channel. The signal is sent twice, 300 ms apart, before the
     * close: on a loaded host sshd may still be starting the command when the first one arrives.
     */
    void killAndClose(ChannelExec open) {
      kill(open);
      if (marker != null) {
        // one grep over every environ: a scan that forked per process would, with many hosts
        // timing out at once on one machine, fork thousands of processes per timed-out command
        // unmarked itself: a scan that timed out must not start another one
        Run scan = new Run("for p in $(grep -l -F 'TB_EXEC_ID=" + marker + "' /proc/[0-9]*/environ 2>/dev/null);"
            + " do p=${p#/proc/}; kill -KILL \"${p%/environ}\" 2>/dev/null; done; true",
            new byte[0], Duration.ofSeconds(10));
        start(scan, false);
      }
      try {
        dialer.timer().schedule(() -> {
          kill(open);
          open.close(true);
        }, 300, TimeUnit.MILLISECONDS);
      } catch (RuntimeException e) {
        open.close(true);
      }
    }

    /** Asks sshd to SIGKILL the command's process group; OpenSSH 7.9+ honours it, older ones ignore it. */
    private void kill(ChannelExec open) {
      try {
        Buffer request = open.getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST);
        request.putUInt(open.getRecipient());
        request.putString("signal");
        request.putBoolean(false);
        request.putString("KILL");
        open.writePacket(request);
      } catch (IOException | RuntimeException e) {
        // closing the channel below still frees our side
      }
    }

    /** Puts the channel on a pseudo-terminal and returns the stream that holds the conversation. */
    TerminalOutput onTerminal(ChannelExec channel) {
      TerminalOutput.configure(channel);
      // typed off the NIO thread, like stdin; the output that prompts it arrives after the open
      conversation = new TerminalOutput(terminal, stdin, out, typed -> dialer.stdinWriters().execute(() -> {
        try {
          OutputStream in = channel.getInvertedIn();
          in.write(typed);
          in.flush();
        } catch (IOException e) {
          // the command ended before reading what we typed; its exit status tells why
        }
      }));
      return conversation;
    }

    void finish(ChannelExec channel) {
      Integer status = channel.getExitStatus();
      if (status == null && channel.getExitSignal() != null) {
        status = -1; // killed by a signal
      }
      if (status == null) {
        result.completeExceptionally(
            new ConnectionException("the connection to " + host() + " was lost while a command was running"));
      } else if (conversation != null) {
        result.complete(conversation.result(status, err.toByteArray()));
      } else {
        result.complete(new ExecResult(status, out.toByteArray(), err.toByteArray()));
      }
    }
  }
}
