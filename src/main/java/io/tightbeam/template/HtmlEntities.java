package io.tightbeam.template;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python's html.unescape for numeric references and the common named entities. */
final class HtmlEntities {
  private static final Pattern REF = Pattern.compile("&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[a-zA-Z]+;)");
  private static final Map<String, String> NAMED = Map.ofEntries(
      Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"),
      Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"),
      Map.entry("raquo", "\u00bb"), Map.entry("laquo", "\u00ab"), Map.entry("copy", "\u00a9"),
      Map.entry("reg", "\u00ae"), Map.entry("hellip", "\u2026"), Map.entry("mdash", "\u2014"),
      Map.entry("ndash", "\u2013"), Map.entry("trade", "\u2122"), Map.entry("euro", "\u20ac"));

  private HtmlEntities() {}

  static String unescape(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    Matcher m = REF.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String ref = m.group(1);
      String repl;
      if (ref.startsWith("#")) {
        String digits = ref.replace(";", "");
        int cp = digits.startsWith("#x") || digits.startsWith("#X")
            ? Integer.parseInt(digits.substring(2), 16) : Integer.parseInt(digits.substring(1));
        repl = cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? "\ufffd"
            : new String(Character.toChars(cp));
      } else {
        repl = NAMED.getOrDefault(ref.substring(0, ref.length() - 1), m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(repl));
    }
    m.appendTail(out);
    return out.toString();
  }
}
