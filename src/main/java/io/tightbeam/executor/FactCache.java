package io.tightbeam.executor;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tightbeam.config.FactCaching;
import io.tightbeam.template.Literal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The fact cache that outlives a run: with {@code fact_caching = jsonfile}, one JSON file per host
 * ({@code <connection>/<prefix><host>}, as Ansible writes it) holding the host's gathered and
 * cacheable facts; a run starts with them. Any other plugin keeps facts for the run only.
 */
public final class FactCache {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  /** Python's {@code json.dumps(sort_keys=True, indent=4)}, as Ansible's jsonfile writes: ASCII only. */
  private static final com.fasterxml.jackson.databind.ObjectWriter WRITER = JSON
      .writer(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
          .withObjectIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter("    ", "\n"))
          .withArrayIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter("    ", "\n"))
          .withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
              .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER)
              .withObjectEmptySeparator("").withArrayEmptySeparator("")))
      .with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII);
  private final FactCaching settings;

  public FactCache(FactCaching settings) {
    this.settings = settings;
  }

  /** A cache that keeps nothing beyond the run. */
  public static FactCache none() {
    return new FactCache(FactCaching.memory());
  }

  private Path file(String host) {
    if (!"jsonfile".equals(settings.plugin()) && !"ansible.builtin.jsonfile".equals(settings.plugin())
        || settings.connection() == null) {
      return null;
    }
    return settings.connection().resolve(settings.prefix() + host);
  }

  /** The host's cached facts, none when there is no file or it is older than the timeout. */
  Map<String, Object> load(String host) {
    Path f = file(host);
    if (f == null || !Files.isRegularFile(f)) {
      return Map.of();
    }
    try {
      long age = System.currentTimeMillis() - Files.getLastModifiedTime(f).toMillis();
      if (settings.timeout() > 0 && age > settings.timeout() * 1000L) {
        return Map.of();
      }
      return JSON.readValue(f.toFile(), new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      return Map.of(); // Ansible treats an unreadable entry as a miss
    }
  }

  /** Writes the host's facts (replacing the file at once, so a reader never sees half of it). */
  void save(String host, Map<String, Object> facts) {
    Path f = file(host);
    if (f == null) {
      return;
    }
    try {
      Files.createDirectories(f.getParent());
      Path tmp = Files.createTempFile(f.getParent(), ".tmp", "");
      Files.writeString(tmp, pythonEscapes(WRITER.writeValueAsString(plain(facts))));
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the fact cache " + f + ": " + e.getMessage(), e);
    }
  }

  /** {@code --flush-cache}: forgets the facts of these hosts. */
  public void flush(Iterable<String> hosts) {
    for (String h : hosts) {
      Path f = file(h);
      if (f != null) {
        try {
          Files.deleteIfExists(f);
        } catch (IOException e) {
          throw new IllegalStateException("cannot flush the fact cache " + f + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /** Python writes {@code \\u00e9} where Jackson writes {@code \\u00E9}. */
  private static String pythonEscapes(String json) {
    java.util.regex.Matcher m = ESCAPE.matcher(json);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group().toLowerCase(java.util.Locale.ROOT)));
    }
    return m.appendTail(out).toString();
  }

  private static final java.util.regex.Pattern ESCAPE = java.util.regex.Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\\\u[0-9A-F]{4}");

  private static Object plain(Object v) {
    if (v instanceof Literal l) {
      return plain(l.value());
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new java.util.TreeMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
      return out;
    }
    if (v instanceof java.util.Collection<?> c) {
      return c.stream().map(FactCache::plain).toList();
    }
    return v;
  }
}
