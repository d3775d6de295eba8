package io.tightbeam.output;

import io.tightbeam.executor.RunListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A callback writing into memory, and the golden files it is compared with. */
final class Console {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
  final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

  RunListener callback(String name, int verbosity, boolean color) {
    return Callbacks.byName(name, outStream, errStream, verbosity, color);
  }

  String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** A golden file under src/test/resources/output/, byte for byte. */
  static String golden(String path) {
    try (InputStream in = Console.class.getResourceAsStream("/output/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no golden file " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An ordered result map from key, value pairs (nulls allowed, unlike Map.of). */
  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
