package io.tightbeam.module;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The target-side shell of a module, kept as a {@code .sh} resource under {@code
 * io/tightbeam/module/} ({@code sh/}, {@code system/}, {@code setup.sh}) so that it is written,
 * linted and read as sh rather than as a Java string with doubled backslashes. Each module reads
 * its file once, into a static field.
 */
final class ShellSource {
  /** Where the files live, for the test that checks every one with sh -n, dash -n and shellcheck. */
  static final String DIRECTORY = "/io/tightbeam/module/sh/";

  private ShellSource() {}

  static String load(String name) {
    return resource("sh/" + name);
  }

  /**
   * A target script by its path under {@code io/tightbeam/module/} ({@code setup.sh}, {@code
   * system/user.sh}): the one reader of the three script folders the modules came with.
   */
  static String resource(String path) {
    try (InputStream in = ShellSource.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("no shell resource io/tightbeam/module/" + path + " in the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read shell resource " + path, e);
    }
  }
}
