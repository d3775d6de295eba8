package io.tightbeam.jobs;

import io.tightbeam.connection.ConnectionException;
import io.tightbeam.connection.ExecResult;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One status command for many job files on one host, and the parser of its output. Each job's
 * section starts with a header line carrying a random token chosen per command, so no job file
 * content can forge a section boundary.
 */
final class StatusScript {
  /** What to do with one job file: read it ({@code status}), read it and remove it once
   * finished ({@code poll}), read it and move it aside once finished until its result is recorded
   * ({@code collect}, see {@link Poller#forget}), or remove it ({@code cleanup}). */
  enum Mode {
    STATUS,
    POLL,
    COLLECT,
    CLEANUP;

    boolean watched() {
      return this == POLL || this == COLLECT;
    }
  }

  /** One job file to look at. */
  record Entry(String asyncDir, JobId jid, Mode mode) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String token;
  private final List<Entry> entries;
  private final int watchTenths;
  private final List<String> forgets;

  StatusScript(List<Entry> entries) {
    this(entries, 0, List.of());
  }

  StatusScript(List<Entry> entries, int watchTenths) {
    this(entries, watchTenths, List.of());
  }

  /**
   * A command that first waits, up to {@code watchTenths} tenths of a second, while any of its
   * {@code poll} entries' jobs still runs, then reads them all: the end of the last job is seen
   * within about 0.1 s instead of at the next poll, and the cycle still costs one command. It
   * first removes the files {@code forgets} (collected results the controller has recorded).
   */
  StatusScript(List<Entry> entries, int watchTenths, List<String> forgets) {
    this.token = "TB" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE)
        + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
    this.entries = List.copyOf(entries);
    this.watchTenths = Math.max(0, watchTenths);
    this.forgets = List.copyOf(forgets);
  }

  /** The random token that starts every section of this command's reply. */
  String token() {
    return token;
  }

  String text() {
    StringBuilder s = new StringBuilder();
    s.append("tb_T=").append(token).append('\n').append(WrapperText.STATUS);
    if (!forgets.isEmpty()) {
      s.append("rm -f --");
      forgets.forEach(f -> s.append(' ').append(f));
      s.append('\n');
    }
    List<Entry> watched = entries.stream().filter(e -> e.mode().watched()).toList();
    if (watchTenths > 0 && !watched.isEmpty()) {
      s.append("tb_watch ").append(watchTenths);
      watched.forEach(e -> s.append(' ').append(RemotePath.jobFile(e.asyncDir(), e.jid())));
      s.append('\n');
    }
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      s.append("tb_check ").append(i).append(' ').append(e.mode().name().toLowerCase())
          .append(' ').append(RemotePath.jobFile(e.asyncDir(), e.jid()))
          .append(' ').append(e.jid().value()).append('\n');
    }
    s.append("printf '%s end\\n' \"$tb_T\"\n");
    return s.toString();
  }

  /** One observation per entry, in order; a broken or cut-off reply is a {@code ConnectionException}. */
  List<JobObservation> parse(ExecResult result, String host) {
    String out = result.stdoutText();
    Pattern header = Pattern.compile(
        "^" + token + " (\\d+) ([01]) (\\S+) ([01])\\n([^\\n]*)\\n", Pattern.MULTILINE);
    if (result.exitCode() != 0 || !out.contains(token + " end\n")) {
      throw new ConnectionException("job status check on " + host + " failed (rc="
          + result.exitCode() + "): " + result.stderrText().strip());
    }
    int end = out.lastIndexOf(token + " end\n");
    List<MatchResult> heads = new ArrayList<>();
    Matcher m = header.matcher(out);
    while (m.find()) {
      heads.add(m.toMatchResult());
    }
    List<JobObservation> found = new ArrayList<>();
    for (int i = 0; i < heads.size(); i++) {
      MatchResult h = heads.get(i);
      int to = i + 1 < heads.size() ? heads.get(i + 1).start() : end;
      // every section ends with the newline the script adds after the file's content
      String content = out.substring(h.end(), Math.max(h.end(), to - 1));
      if (Integer.parseInt(h.group(1)) != i) {
        throw new ConnectionException("job status check on " + host + ": garbled reply");
      }
      found.add(new JobObservation(
          h.group(2).equals("1"), h.group(3), h.group(4).equals("1"), h.group(5), content));
    }
    if (found.size() != entries.size()) {
      throw new ConnectionException("job status check on " + host + ": expected "
          + entries.size() + " jobs in the reply, got " + found.size());
    }
    return found;
  }
}
