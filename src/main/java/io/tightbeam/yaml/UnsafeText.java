package io.tightbeam.yaml;

import io.tightbeam.py.AnsibleUnsafe;

/**
 * Ansible's {@code !unsafe} scalar: text that is never templated. It is kept as a String (every
 * reader of YAML values expects one), with its template markers written as Jinja2 expressions that
 * print them, so any later templating gives the text back as it was written; the String instance
 * is also marked as {@link AnsibleUnsafe} text.
 */
public final class UnsafeText {
  private UnsafeText() {}

  /** {@code text} with each {@code {{}, {@code {%} and {@code {#} made to render as itself, marked. */
  public static String of(String text) {
    if (text.indexOf('{') < 0) {
      return AnsibleUnsafe.mark(new String(text)); // a fresh instance: an equal constant elsewhere stays safe
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      if (c == '{' && (next == '{' || next == '%' || next == '#')) {
        out.append("{{ '{").append(next).append("' }}");
        i++;
      } else {
        out.append(c);
      }
    }
    return AnsibleUnsafe.mark(out.toString(), true);
  }

}
