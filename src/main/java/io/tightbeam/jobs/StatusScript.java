package io.tightbeam.jobs;

import io.tightbeam.connection.ConnectionException;
import io.tightbeam.connection.ExecResult;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One status command for many job files on one host, and the parser of its output. Each job's
 * section starts with a header line carrying a random token chosen per command, so no job file
 * content can forge a section boundary.
 */
final class StatusScript {
  /** What to do with one job file: read it ({@code status}), read it and remove it once
   * finished ({@code poll}), or remove it ({@code cleanup}). */
  enum Mode {
    STATUS,
    POLL,
    CLEANUP
  }

  /** One job file to look at. */
  record Entry(String asyncDir, JobId jid, Mode mode) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String token;
  private final List<Entry> entries;

  StatusScript(List<Entry> entries) {
    this.token = "TB" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE)
        + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
    this.entries = List.copyOf(entries);
  }

  /** The random token that starts every section of this command's reply. */
  String token() {
    return token;
  }

  String text() {
    StringBuilder s = new StringBuilder();
    s.append("tb_T=").append(token).append('\n').append(WrapperText.STATUS);
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
    List<JobObservation> found = new ArrayList<>();
    Matcher m = header.matcher(out);
    List<int[]> spans = new ArrayList<>();
    List<String[]> heads = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
      heads.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)});
    }
    for (int i = 0; i < spans.size(); i++) {
      int from = spans.get(i)[1];
      int to = i + 1 < spans.size() ? spans.get(i + 1)[0] : end;
      String content = out.substring(from, Math.max(from, to - 1));
      String[] h = heads.get(i);
      if (Integer.parseInt(h[0]) != i) {
        throw new ConnectionException("job status check on " + host + ": garbled reply");
      }
      found.add(new JobObservation(h[1].equals("1"), h[2], h[3].equals("1"), h[4], content));
    }
    if (found.size() != entries.size()) {
      throw new ConnectionException("job status check on " + host + ": expected "
          + entries.size() + " jobs in the reply, got " + found.size());
    }
    return found;
  }
}
