package io.tightbeam.module;

import io.tightbeam.module.OptionSpec.Type;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's {@code find}: the arguments Java turns into what awk matches with (globs and Python
 * regexps as POSIX ERE, ages in seconds, sizes in bytes); find.sh walks and filters.
 */
final class FindModule {
  private static final Pattern AGE = Pattern.compile("^(-?\\d+)(s|m|h|d|w)?$");
  private static final Pattern SIZE = Pattern.compile("^(-?\\d+)(b|k|m|g|t)?$");

  private FindModule() {}

  static RemoteModule create() {
    OptionSpec spec = new OptionSpec("find")
        .required("paths", Type.LIST, "name", "path")
        .add(new OptionSpec.Option("patterns", Type.LIST, List.of("*"), List.of(), List.of("pattern"), false))
        .add(new OptionSpec.Option("excludes", Type.LIST, null, List.of(), List.of("exclude"), false))
        .add("contains", Type.STR)
        .add("read_whole_file", Type.BOOL, false)
        .choice("file_type", "file", "any", "directory", "file", "link")
        .add("age", Type.STR)
        .choice("age_stamp", "mtime", "atime", "ctime", "mtime")
        .add("size", Type.STR)
        .add("recurse", Type.BOOL, false)
        .add("hidden", Type.BOOL, false)
        .add("follow", Type.BOOL, false)
        .add("get_checksum", Type.BOOL, false)
        .add("use_regex", Type.BOOL, false)
        .add("depth", Type.INT)
        .add("encoding", Type.STR);
    return new ShellModule("find", spec, FindModule::rules, FindModule::vars, true);
  }

  private static Map<String, Object> rules(Map<String, Object> a) {
    a.put("age", amount(a.get("age"), AGE, "age", Map.of("s", 1L, "m", 60L, "h", 3600L, "d", 86400L, "w", 604800L)));
    a.put("size", amount(a.get("size"), SIZE, "size",
        Map.of("b", 1L, "k", 1024L, "m", 1L << 20, "g", 1L << 30, "t", 1L << 40)));
    return a;
  }

  private static String amount(Object value, Pattern form, String what, Map<String, Long> units) {
    if (value == null) {
      return null;
    }
    Matcher m = form.matcher(String.valueOf(value).trim());
    if (!m.matches()) {
      throw new ModuleArgumentException("failed to process " + what);
    }
    long unit = m.group(2) == null ? 1 : units.get(m.group(2));
    return String.valueOf(Long.parseLong(m.group(1)) * unit);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> vars(Map<String, Object> a) {
    Map<String, String> vars = ShellModule.plainVars(a);
    boolean regex = Boolean.TRUE.equals(a.get("use_regex"));
    vars.put("paths", String.join("\n", (List<String>) a.get("paths")));
    vars.put("patterns_re", expressions((List<String>) a.get("patterns"), regex));
    vars.put("excludes_re", a.get("excludes") == null ? "" : expressions((List<String>) a.get("excludes"), regex));
    vars.put("contains_re", a.get("contains") == null ? "" : LineInFileModule.ere(a.get("contains").toString()));
    vars.put("depth", a.get("depth") == null ? "0" : a.get("depth").toString());
    return vars;
  }

  /** Python's re.match (anchored at the start) or fnmatch (the whole name) as POSIX ERE, one a line. */
  private static String expressions(List<String> patterns, boolean regex) {
    StringBuilder out = new StringBuilder();
    for (String p : patterns) {
      out.append(regex ? "^(" + LineInFileModule.ere(p) + ")" : glob(p)).append('\n');
    }
    return out.toString();
  }

  /** fnmatch's translation: * and ? match any character, [!...] negates, everything else is literal. */
  static String glob(String pattern) {
    StringBuilder re = new StringBuilder("^");
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*') {
        re.append(".*");
      } else if (c == '?') {
        re.append('.');
      } else if (c == '[' && pattern.indexOf(']', i + 2) > 0) {
        int end = pattern.indexOf(']', i + 2);
        String set = pattern.substring(i + 1, end);
        re.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
        i = end;
      } else if ("\\.^$+{}()|[]".indexOf(c) >= 0) {
        re.append('[').append(c == '\\' ? "\\\\" : c == '^' ? "\\^" : String.valueOf(c)).append(']');
      } else {
        re.append(c);
      }
    }
    return re.append('$').toString();
  }
}
