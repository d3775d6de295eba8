package io.tightbeam.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Python's glob.glob for {@code fileglob}: wildcards per path component, hidden names skipped. */
final class Glob {
  private Glob() {}

  /** The regular files matching a pattern, sorted (Python leaves directory order). */
  static List<Object> files(String pattern) {
    List<String> found = new ArrayList<>();
    boolean absolute = pattern.startsWith("/");
    String[] parts = pattern.split("/+");
    List<String> current = new ArrayList<>();
    current.add(absolute ? "/" : "");
    for (String part : parts) {
      if (part.isEmpty()) {
        continue;
      }
      List<String> next = new ArrayList<>();
      for (String base : current) {
        if (!part.matches(".*[*?\\[].*")) {
          next.add(join(base, part));
          continue;
        }
        Pattern p = Pattern.compile(fnmatch(part));
        Path dir = Path.of(base.isEmpty() ? "." : base);
        try (Stream<Path> entries = Files.list(dir)) {
          entries.map(x -> x.getFileName().toString())
              .filter(n -> p.matcher(n).matches() && (!n.startsWith(".") || part.startsWith(".")))
              .sorted()
              .forEach(n -> next.add(join(base, n)));
        } catch (IOException | RuntimeException e) {
          // Python's glob skips directories it cannot read.
        }
      }
      current = next;
    }
    for (String f : current) {
      if (Files.isRegularFile(Path.of(f))) {
        found.add(f);
      }
    }
    return new ArrayList<>(found);
  }

  private static String join(String base, String name) {
    return base.isEmpty() ? name : base.endsWith("/") ? base + name : base + "/" + name;
  }

  /** fnmatch's translation: {@code *}, {@code ?}, {@code [seq]} and {@code [!seq]}. */
  static String fnmatch(String pat) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pat.length(); i++) {
      char c = pat.charAt(i);
      if (c == '*') {
        out.append(".*");
      } else if (c == '?') {
        out.append('.');
      } else if (c == '[') {
        int j = i + 1;
        if (j < pat.length() && pat.charAt(j) == '!') {
          j++;
        }
        if (j < pat.length() && pat.charAt(j) == ']') {
          j++;
        }
        while (j < pat.length() && pat.charAt(j) != ']') {
          j++;
        }
        if (j >= pat.length()) {
          out.append("\\[");
        } else {
          String set = pat.substring(i + 1, j).replace("\\", "\\\\");
          out.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
          i = j;
        }
      } else {
        out.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return out.toString();
  }
}
