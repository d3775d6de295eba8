package io.tightbeam.jobs;

import io.tightbeam.connection.Sh;

/**
 * A configured remote directory as a sh word that the target expands: a leading {@code ~} becomes
 * {@code $HOME} of the user the command runs as (the become user), the rest is quoted.
 */
final class RemotePath {
  private RemotePath() {}

  static String expr(String path) {
    if (path.equals("~")) {
      return "\"$HOME\"";
    }
    if (path.startsWith("~/")) {
      return "\"$HOME\"" + Sh.quote(path.substring(1));
    }
    return Sh.quote(path);
  }

  /** The job file of {@code jid} under {@code asyncDir}. */
  static String jobFile(String asyncDir, JobId jid) {
    String dir = asyncDir.endsWith("/") && asyncDir.length() > 1
        ? asyncDir.substring(0, asyncDir.length() - 1)
        : asyncDir;
    return expr(dir) + "/" + jid.value();
  }
}
