package io.tightbeam.executor;

import io.tightbeam.config.Settings;
import java.util.List;
import java.util.Map;

/**
 * Everything a run needs from the command line on top of the settings: check and diff mode,
 * verbosity, extra vars (already parsed, highest precedence), limit, tags, and connection and
 * become overrides from flags (null when not given), and the controller's environment (where SSH
 * finds {@code ~/.ssh} and the agent).
 */
public record RunOptions(
    Settings settings,
    boolean check,
    boolean diff,
    int verbosity,
    Map<String, Object> extraVars,
    String limit,
    List<String> tags,
    List<String> skipTags,
    String startAtTask,
    String connection,
    String remoteUser,
    Boolean become,
    String becomeUser,
    String becomeMethod,
    String becomePassword,
    String connectionPassword,
    String privateKeyFile,
    Integer timeout,
    Map<String, String> controllerEnv) {

  public RunOptions {
    controllerEnv = controllerEnv == null ? Map.of() : Map.copyOf(controllerEnv);
  }

  public static RunOptions defaults(Settings settings) {
    return new RunOptions(
        settings, false, false, 0, Map.of(), null, List.of(), List.of(), null, null, null, null,
        null, null, null, null, null, null, System.getenv());
  }

  public int forks() {
    return Math.max(1, settings.forks());
  }
}
