package io.tightbeam.jobs;

/**
 * An async job's id, {@code j<random 0..999999999999>.<launcher pid>} as Ansible's. {@link #parse}
 * refuses anything that could name a path outside the async dir.
 */
public record JobId(String value) {
  public static JobId parse(String text) {
    return new JobId(text); // TODO(jobs helper): validate
  }

  @Override
  public String toString() {
    return value;
  }
}
