package io.tightbeam.template;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jinja2 3.1's {@code urlize}: links for URLs and e-mail addresses in escaped text. */
final class Urlize {
  private static final Pattern HTTP = Pattern.compile(
      "^(?:(?:https?://|www\\.)(?:[\\w%-]+\\.)*(?:[a-z]{2,63}|xn--[\\w%]{2,59})"
          + "|(?:[\\w%-]{2,63}\\.)+(?:com|net|int|edu|gov|org|info|mil)"
          + "|https?://(?:\\d{1,3}(?:\\.\\d{1,3}){3}|\\[(?:[\\da-f]{0,4}:){2}(?:[\\da-f]{0,4}:?){1,6}]))"
          + "(?::\\d{1,5})?(?:[/?#]\\S*)?$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern EMAIL = Pattern.compile("^\\S+@\\w[\\w.-]*\\.\\w+$",
      Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern HEAD = Pattern.compile("^(?:[(<]|&lt;)+");
  private static final Pattern TAIL = Pattern.compile("(?:[)>.,\\n]|&gt;)+$");

  private Urlize() {}

  static void register(Catalogue c) {
    c.jinjaFilter("urlize", false, (v, a, e) -> {
      Object limit = a.get(0, "trim_url_limit", null);
      TreeSet<String> rel = new TreeSet<>();
      Object relArg = a.get(3, "rel", null);
      for (String r : (relArg == null ? "" : Items.str(relArg)).split("\\s+")) {
        if (!r.isEmpty()) {
          rel.add(r);
        }
      }
      if (Items.truth(a.get(1, "nofollow", false))) {
        rel.add("nofollow");
      }
      rel.add("noopener");
      Object target = a.get(2, "target", null);
      return urlize(Items.str(v), limit == null ? -1 : Items.integer(limit),
          String.join(" ", rel), target == null ? null : Items.str(target));
    });
  }

  static String urlize(String text, int limit, String rel, String target) {
    String relAttr = rel.isEmpty() ? "" : " rel=\"" + JinjaMarkupFilters.escape(rel) + "\"";
    String targetAttr = target == null || target.isEmpty() ? ""
        : " target=\"" + JinjaMarkupFilters.escape(target) + "\"";
    StringBuilder out = new StringBuilder();
    for (String word : splitKeepingSpace(JinjaMarkupFilters.escape(text))) {
      String head = "";
      String middle = word;
      String tail = "";
      Matcher m = HEAD.matcher(middle);
      if (m.find()) {
        head = m.group();
        middle = middle.substring(m.end());
      }
      m = TAIL.matcher(middle);
      if (m.find()) {
        tail = m.group();
        middle = middle.substring(0, m.start());
      }
      for (String[] pair : new String[][] {{"(", ")"}, {"<", ">"}, {"&lt;", "&gt;"}}) {
        int starts = count(middle, pair[0]);
        if (starts <= count(middle, pair[1])) {
          continue;
        }
        for (int i = Math.min(starts, count(tail, pair[1])); i > 0; i--) {
          int end = tail.indexOf(pair[1]) + pair[1].length();
          middle += tail.substring(0, end);
          tail = tail.substring(end);
        }
      }
      if (HTTP.matcher(middle).matches()) {
        String href = middle.startsWith("https://") || middle.startsWith("http://") ? middle
            : "https://" + middle;
        middle = "<a href=\"" + href + "\"" + relAttr + targetAttr + ">" + trim(middle, limit)
            + "</a>";
      } else if (middle.startsWith("mailto:") && EMAIL.matcher(middle.substring(7)).matches()) {
        middle = "<a href=\"" + middle + "\">" + middle.substring(7) + "</a>";
      } else if (middle.contains("@") && !middle.startsWith("www.") && !middle.contains(":")
          && EMAIL.matcher(middle).matches()) {
        middle = "<a href=\"mailto:" + middle + "\">" + middle + "</a>";
      }
      out.append(head).append(middle).append(tail);
    }
    return out.toString();
  }

  private static String trim(String url, int limit) {
    return limit >= 0 && url.length() > limit ? url.substring(0, limit) + "..." : url;
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }

  /** Python's {@code re.split(r"(\s+)", text)}: words and the whitespace runs between them. */
  static List<String> splitKeepingSpace(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("\\s+").matcher(text);
    int last = 0;
    while (m.find()) {
      out.add(text.substring(last, m.start()));
      out.add(m.group());
      last = m.end();
    }
    out.add(text.substring(last));
    return out;
  }
}
