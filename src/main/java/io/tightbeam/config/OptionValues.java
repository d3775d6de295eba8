package io.tightbeam.config;

import io.tightbeam.yaml.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Looks up each {@link ConfigOption} (environment over ini file over default) and types it as
 * Ansible's {@code ensure_type} does. Bad values are collected as diagnostics with Ansible's text:
 * {@code Invalid type for configuration option setting: <NAME> (from <origin>): <reason>}.
 */
final class OptionValues {
  private static final Pattern PY_INT = Pattern.compile("[+-]?[0-9]+(?:_[0-9]+)*");
  private static final List<String> TRUE = List.of("y", "yes", "on", "1", "true", "t");

  /** A raw value and where it came from: {@code env: NAME} or the ini file path. */
  private record Raw(String value, String origin, Path baseDir) {}

  private final Map<String, String> env;
  private final ConfigFile file;
  private final Path cwd;
  private final Path home;
  private final List<Diagnostic> problems = new ArrayList<>();

  OptionValues(Map<String, String> env, ConfigFile file, Path cwd, Path home) {
    this.env = env;
    this.file = file;
    this.cwd = cwd;
    this.home = home;
  }

  List<Diagnostic> problems() {
    return problems;
  }

  void problem(Path file, String message) {
    problems.add(SettingsLoader.diagnostic(file, message));
  }

  private Raw raw(ConfigOption option) {
    Raw found = null;
    if (file != null) {
      for (String entry : option.iniEntries) {
        int dot = entry.indexOf('.');
        String v = file.get(entry.substring(0, dot), entry.substring(dot + 1));
        if (v != null) {
          found = new Raw(v, file.path().toString(), file.path().getParent());
        }
      }
    }
    for (String name : option.envNames) {
      String v = env.get(name);
      if (v != null) {
        found = new Raw(v, "env: " + name, cwd);
      }
    }
    return found;
  }

  String string(ConfigOption option, String fallback) {
    Raw r = raw(option);
    return r == null ? fallback : r.value();
  }

  int integer(ConfigOption option, int fallback) {
    Raw r = raw(option);
    if (r == null) {
      return fallback;
    }
    String s = r.value().strip();
    if (PY_INT.matcher(s).matches()) {
      try {
        return Integer.parseInt(s.replace("_", "").replace("+", ""));
      } catch (NumberFormatException e) {
        invalid(option, r, "value out of range: " + PythonRepr.of(r.value()));
        return fallback;
      }
    }
    invalid(option, r, "invalid literal for int() with base 10: " + PythonRepr.of(r.value()));
    return fallback;
  }

  /** Refuses a value that is not one of {@code choices}, with Ansible's wording. */
  void choice(ConfigOption option, List<String> choices) {
    Raw r = raw(option);
    if (r != null && !choices.contains(r.value().strip())) {
      problems.add(SettingsLoader.diagnostic(originFile(r), "Invalid value \"" + r.value()
          + "\" for configuration option \"setting: " + option.setting + " \", valid values are: "
          + String.join(", ", choices)));
    }
  }

  /** Refuses a value below {@code min} that came from the environment or the file. */
  void atLeast(ConfigOption option, int value, int min) {
    Raw r = raw(option);
    if (r != null && value < min) {
      problems.add(
          SettingsLoader.diagnostic(
              originFile(r),
              "Invalid value for configuration option setting: " + option.setting + " (from "
                  + r.origin() + "): must be " + min + " or greater, got " + value));
    }
  }

  /** Ansible's non-strict boolean: yes/on/1/true/t/y (any case) are true, anything else false. */
  boolean bool(ConfigOption option, boolean fallback) {
    Raw r = raw(option);
    if (r == null) {
      return fallback;
    }
    return TRUE.contains(r.value().strip().toLowerCase(Locale.ROOT));
  }

  String path(ConfigOption option, String fallback) {
    Raw r = raw(option);
    if (r == null) {
      return fallback;
    }
    return PathText.resolve(r.value(), r.baseDir(), env, home).toString();
  }

  /** A comma list ({@code PATH_LIST}) or colon list ({@code PATH_SPEC}) of paths. */
  List<String> pathList(ConfigOption option, List<String> fallback) {
    Raw r = raw(option);
    String separator = option.type == ConfigOption.Type.PATH_SPEC ? ":" : ",";
    List<String> items = r == null ? fallback : List.of(r.value().split(separator, -1));
    Path base = r == null ? cwd : r.baseDir();
    List<String> paths = new ArrayList<>();
    for (String item : items) {
      String t = item.strip();
      if (!t.isEmpty()) {
        paths.add(PathText.resolve(t, base, env, home).toString());
      }
    }
    return paths;
  }

  private void invalid(ConfigOption option, Raw r, String reason) {
    problems.add(
        SettingsLoader.diagnostic(
            originFile(r),
            "Invalid type for configuration option setting: " + option.setting + " (from "
                + r.origin() + "): " + reason));
  }

  private static Path originFile(Raw r) {
    return r.origin().startsWith("env: ") ? null : Path.of(r.origin());
  }
}
