package io.tightbeam.jobs;

import java.util.regex.Pattern;

/**
 * An async job's id, {@code j<random 0..999999999999>.<launcher pid>} as Ansible's. {@link #parse}
 * (and the constructor) refuse anything that could name a path outside the async dir.
 */
public record JobId(String value) {
  // Ansible 2.14.5+ ids have the j prefix; 2.14.0-2.14.4 wrote bare digits.
  private static final Pattern FORMAT = Pattern.compile("j?[0-9]{1,19}\\.[0-9]{1,10}");

  public JobId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "invalid job id '" + value + "': a job id looks like j123456789.4242");
    }
  }

  /** The id in {@code text}; throws {@link IllegalArgumentException} for anything else. */
  public static JobId parse(String text) {
    return new JobId(text);
  }

  @Override
  public String toString() {
    return value;
  }
}
