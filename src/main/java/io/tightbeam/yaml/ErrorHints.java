package io.tightbeam.yaml;

import java.util.regex.Pattern;

/**
 * The advice ansible-core appends to an error's position block when the offending line shows a
 * common mistake: a tab, an unquoted template, a template right after a colon, a second colon, a
 * value whose quotes do not close or do not balance; and {@code k=v} words on the line before.
 */
final class ErrorHints {
  private ErrorHints() {}

  private static final Pattern KEY_VALUE =
      Pattern.compile("\\w+(\\s+)?=(\\s+)?[\\w/-]+", Pattern.UNICODE_CHARACTER_CLASS);

  static final String SHORTHAND =
      "There appears to be both 'k=v' shorthand syntax and YAML in this task. Only one syntax may be used.\n";

  /** Whether a line holds {@code key=value} words (Ansible then shows it instead). */
  static boolean hasShorthand(String line) {
    return KEY_VALUE.matcher(line).find();
  }

  /** The hints for the offending {@code line}; {@code column} is 1-based, as shown. */
  static String forLine(String line, int column) {
    StringBuilder out = new StringBuilder();
    if (line.indexOf('\t') >= 0) {
      out.append(LEADING_TAB);
    }
    if (line.contains("{{") && line.contains("}}") && !(line.contains("\"{{") && line.contains("'{{"))) {
      out.append(UNQUOTED_TEMPLATE);
    } else if (line.replace(" ", "").contains(":{{") && line.contains("}}")) {
      out.append(TEMPLATE_AS_MAP);
    } else if (line.length() > 1 && column >= 0 && column < line.length() && line.charAt(column) == ':'
        && line.chars().filter(c -> c == ':').count() > 1) {
      out.append(UNQUOTED_COLON);
    } else {
      out.append(quoting(line));
    }
    return out.toString();
  }

  /** A value that starts with a quote and does not end with it; more quotes than a pair. */
  private static String quoting(String line) {
    String[] parts = line.split(":", -1);
    if (parts.length < 2) {
      return "";
    }
    String middle = parts[1].strip();
    boolean open = (middle.startsWith("'") && !middle.endsWith("'"))
        || (middle.startsWith("\"") && !middle.endsWith("\""));
    boolean quotedValue = !middle.isEmpty() && "\"'".indexOf(middle.charAt(0)) >= 0
        && "\"'".indexOf(middle.charAt(middle.length() - 1)) >= 0;
    // Ansible's test reads (quoted value and more than two ') or more than two "
    boolean unbalanced = (quotedValue && count(line, '\'') > 2) || count(line, '"') > 2;
    return (open ? PARTLY_QUOTED : "") + (unbalanced ? UNBALANCED_QUOTES : "");
  }

  private static long count(String line, char c) {
    return line.chars().filter(x -> x == c).count();
  }

  private static final String LEADING_TAB = """
      There appears to be a tab character at the start of the line.

      YAML does not use tabs for formatting. Tabs should be replaced with spaces.

      For example:
          - name: update tooling
            vars:
              version: 1.2.3
      #    ^--- there is a tab there.

      Should be written as:
          - name: update tooling
            vars:
              version: 1.2.3
      # ^--- all spaces here.
      """;

  private static final String UNQUOTED_TEMPLATE = """
      We could be wrong, but this one looks like it might be an issue with
      missing quotes. Always quote template expression brackets when they
      start a value. For instance:

          with_items:
            - {{ foo }}

      Should be written as:

          with_items:
            - "{{ foo }}"
      """;

  private static final String TEMPLATE_AS_MAP = """
      This one looks easy to fix. YAML thought it was looking for the start of a
      hash/dictionary and was confused to see a second "{". Most likely this was
      meant to be an ansible template evaluation instead, so we have to give the
      parser a small hint that we wanted a string instead. The solution here is to
      just quote the entire value.

      For instance, if the original line was:

          app_path: {{ base_path }}/foo

      It should be written as:

          app_path: "{{ base_path }}/foo"
      """;

  private static final String UNQUOTED_COLON = """
      This one looks easy to fix. There seems to be an extra unquoted colon in the line
      and this is confusing the parser. It was only expecting to find one free
      colon. The solution is just add some quotes around the colon, or quote the
      entire line after the first colon.

      For instance, if the original line was:

          copy: src=file.txt dest=/path/filename:with_colon.txt

      It can be written as:

          copy: src=file.txt dest='/path/filename:with_colon.txt'

      Or:

          copy: 'src=file.txt dest=/path/filename:with_colon.txt'
      """;

  private static final String PARTLY_QUOTED = """
      This one looks easy to fix. It seems that there is a value started
      with a quote, and the YAML parser is expecting to see the line ended
      with the same kind of quote. For instance:

          when: "ok" in result.stdout

      Could be written as:

         when: '"ok" in result.stdout'

      Or equivalently:

         when: "'ok' in result.stdout"
      """;

  private static final String UNBALANCED_QUOTES = """
      We could be wrong, but this one looks like it might be an issue with
      unbalanced quotes. If starting a value with a quote, make sure the
      line ends with the same set of quotes. For instance this arbitrary
      example:

          foo: "bad" "wolf"

      Could be written as:

          foo: '"bad" "wolf"'
      """;
}
