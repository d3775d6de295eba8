package io.tightbeam.output;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * What PyYAML's emitter decides about one string before writing it: which styles it allows
 * (its {@code analyze_scalar}), whether it reads back as a string when plain (the YAML 1.1
 * resolver: {@code yes}, {@code 0:00:01}, {@code 2024-01-01} do not), and its escapes.
 */
record YamlScalar(boolean empty, boolean multiline, boolean blockPlain, boolean singleQuoted, boolean allowBlock) {
  private static final String BREAKS = "\n\u0085\u2028\u2029";
  private static final String SPACE_OR_BREAK = "\0 \t\r\n\u0085\u2028\u2029";
  private static final Pattern NOT_A_STRING = Pattern.compile(String.join("|",
      "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF",
      "[-+]?[0-9][0-9_]*\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?",
      "[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)",
      "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+",
      "[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+",
      "<<|=|~|null|Null|NULL|",
      "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]",
      "[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]"
          + "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?"));
  private static final Map<Character, String> ESCAPES = Map.ofEntries(
      Map.entry('\0', "0"), Map.entry('\u0007', "a"), Map.entry('\b', "b"), Map.entry('\t', "t"),
      Map.entry('\n', "n"), Map.entry('\u000B', "v"), Map.entry('\f', "f"), Map.entry('\r', "r"),
      Map.entry('\u001B', "e"), Map.entry('"', "\""), Map.entry('\\', "\\"), Map.entry('\u0085', "N"),
      Map.entry('\u00A0', "_"), Map.entry('\u2028', "L"), Map.entry('\u2029', "P"));
  private static final Pattern SPACE_BREAK = Pattern.compile(" +([\n\u0085\u2028\u2029])");

  /** Whether the text, written plain, is read back as a string by YAML 1.1's implicit resolver. */
  static boolean readsAsString(String text) {
    return !NOT_A_STRING.matcher(text).matches();
  }

  static YamlScalar analyze(String s) {
    if (s.isEmpty()) {
      return new YamlScalar(true, false, true, true, false);
    }
    boolean blockIndicators = s.startsWith("---") || s.startsWith("...");
    boolean lineBreaks = false;
    boolean special = false;
    boolean leading = false;
    boolean trailingSpace = false;
    boolean trailingBreak = false;
    boolean breakSpace = false;
    boolean spaceBreak = false;
    boolean precededByWs = true;
    boolean followedByWs = s.length() == 1 || SPACE_OR_BREAK.indexOf(s.charAt(1)) >= 0;
    boolean previousSpace = false;
    boolean previousBreak = false;
    int last = s.length() - 1;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (i == 0) {
        if ("#,[]{}&*!|>'\"%@`".indexOf(ch) >= 0 || ((ch == '?' || ch == ':' || ch == '-') && followedByWs)) {
          blockIndicators = true;
        }
      } else if ((ch == ':' && followedByWs) || (ch == '#' && precededByWs)) {
        blockIndicators = true;
      }
      boolean isBreak = BREAKS.indexOf(ch) >= 0;
      lineBreaks |= isBreak;
      if (!(ch == '\n' || (ch >= 0x20 && ch <= 0x7E)) && !unicodePrintable(ch)) {
        special = true;
      }
      if (ch == ' ') {
        leading |= i == 0;
        trailingSpace |= i == last;
        breakSpace |= previousBreak;
        previousSpace = true;
        previousBreak = false;
      } else if (isBreak) {
        leading |= i == 0;
        trailingBreak |= i == last;
        spaceBreak |= previousSpace;
        previousSpace = false;
        previousBreak = true;
      } else {
        previousSpace = false;
        previousBreak = false;
      }
      precededByWs = SPACE_OR_BREAK.indexOf(ch) >= 0;
      followedByWs = i + 2 >= s.length() || SPACE_OR_BREAK.indexOf(s.charAt(i + 2)) >= 0;
    }
    boolean plain = !(leading || trailingSpace || trailingBreak || breakSpace || spaceBreak || special
        || lineBreaks || blockIndicators);
    boolean single = !(breakSpace || spaceBreak || special);
    boolean block = !(trailingSpace || spaceBreak || special);
    return new YamlScalar(false, lineBreaks, plain, single, block);
  }

  /** PyYAML's characters that need no escape with allow_unicode (surrogate halves: astral ones). */
  private static boolean unicodePrintable(char ch) {
    return ch == 0x85 || (ch >= 0xA0 && ch <= 0xD7FF) || (ch >= 0xE000 && ch <= 0xFFFD && ch != 0xFEFF)
        || Character.isSurrogate(ch);
  }

  /** Written as is inside double quotes (astral characters are escaped there). */
  static boolean printable(char ch) {
    return (ch >= 0x20 && ch <= 0x7E) || (ch >= 0xA0 && ch <= 0xD7FF) || (ch >= 0xE000 && ch <= 0xFFFD);
  }

  /** The double-quoted escape of the character (or surrogate pair) at {@code i}. */
  static String escape(String text, int i) {
    char ch = text.charAt(i);
    String short_ = ESCAPES.get(ch);
    if (short_ != null) {
      return "\\" + short_;
    }
    int cp = text.codePointAt(i);
    if (cp <= 0xFF) {
      return String.format("\\x%02X", cp);
    }
    return cp <= 0xFFFF ? String.format("\\u%04X", cp) : String.format("\\U%08X", cp);
  }

  /** A literal block's indicators: an indent when it starts with a space or break, then chomping. */
  static String blockHints(String text, int step) {
    String hints = "";
    if (text.isEmpty()) {
      return hints;
    }
    if (" \n\u0085\u2028\u2029".indexOf(text.charAt(0)) >= 0) {
      hints += step;
    }
    char lastChar = text.charAt(text.length() - 1);
    if (BREAKS.indexOf(lastChar) < 0) {
      hints += "-";
    } else if (text.length() == 1 || BREAKS.indexOf(text.charAt(text.length() - 2)) >= 0) {
      hints += "+";
    }
    return hints;
  }

  /**
   * Ansible's lossy change for a readable block: trailing whitespace, tabs, special characters and
   * spaces before a line break removed.
   */
  static String lossy(String s) {
    String t = rstrip(s);
    t = expandTabs(t);
    StringBuilder kept = new StringBuilder();
    for (int i = 0; i < t.length(); i++) {
      char ch = t.charAt(i);
      if (ch == 10 || (ch >= 32 && ch <= 126) || ch == 133 || (ch >= 160 && ch <= 55295)
          || (ch >= 57344 && ch <= 65533) || Character.isSurrogate(ch)) {
        kept.append(ch);
      }
    }
    return SPACE_BREAK.matcher(kept).replaceAll("$1");
  }

  private static String expandTabs(String s) {
    StringBuilder b = new StringBuilder();
    int col = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\t') {
        int n = 8 - col % 8;
        b.append(" ".repeat(n));
        col += n;
      } else {
        b.append(ch);
        col = ch == '\n' || ch == '\r' ? 0 : col + 1;
      }
    }
    return b.toString();
  }

  /** Python's {@code str.rstrip()}. */
  private static String rstrip(String s) {
    int end = s.length();
    while (end > 0 && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == 0x85 || c == 0xA0 || c == 0x2007 || c == 0x202F;
  }
}
