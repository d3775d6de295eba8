package io.tightbeam.template;

import io.tightbeam.py.Py;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A template file's text ready to render: its {@code #jinja2:} first line (Jinja2 settings as
 * {@code key: literal} pairs, set over the caller's options as Ansible's templar does) taken off,
 * custom markers rewritten to Jinja2's default syntax, the block whitespace settings and the
 * newline the output is written with.
 */
record FileSyntax(String text, boolean trimBlocks, boolean lstripBlocks, String newlineSequence) {
  private static final String OVERRIDE = "#jinja2:";

  static FileSyntax of(String source, Map<String, Object> options) {
    Map<String, Object> settings = new LinkedHashMap<>(options);
    String body = source;
    if (source.startsWith(OVERRIDE)) {
      int eol = source.indexOf('\n');
      // Python's data[8:-1] and data[0:] when the file is the one line
      String line = source.substring(OVERRIDE.length(), eol < 0 ? Math.max(OVERRIDE.length(), source.length() - 1) : eol);
      body = source.substring(eol + 1);
      for (String pair : line.split(",", -1)) {
        int colon = pair.indexOf(':');
        if (colon < 0) {
          throw new TemplateException("failed to parse jinja2 override '" + line.strip()
              + "'. Did you use something different from colon as key-value separator?");
        }
        String value = pair.substring(colon + 1).strip();
        Object parsed = Literals.eval(value);
        if (parsed == Literals.NOT_A_LITERAL) {
          throw io.tightbeam.py.PyException.valueError("malformed node or string: " + value);
        }
        settings.put(pair.substring(0, colon).strip(), parsed);
      }
    }
    return new FileSyntax(Delimiters.of(settings).toDefault(body),
        Py.truthy(settings.getOrDefault("trim_blocks", true)),
        Py.truthy(settings.getOrDefault("lstrip_blocks", false)),
        settings.get("newline_sequence") == null ? "\n" : Py.str(settings.get("newline_sequence")));
  }
}
