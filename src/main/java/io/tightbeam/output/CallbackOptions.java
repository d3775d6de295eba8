package io.tightbeam.output;

import java.util.Map;

/**
 * The default callback's options (ansible.cfg {@code [defaults]}, {@code ANSIBLE_*}), by Ansible's
 * names; {@code prettyResults} is null when unset (yaml then prettifies, json does not), and
 * {@code diffContext} is {@code [diff] context} (lines around a change) and {@code dryRun} the
 * command line's {@code --check}, which {@code check_mode_markers} announces.
 */
public record CallbackOptions(
    boolean displaySkippedHosts,
    boolean displayOkHosts,
    boolean displayFailedStderr,
    boolean showPerHostStart,
    boolean checkModeMarkers,
    boolean showTaskPathOnFailure,
    boolean yaml,
    Boolean prettyResults,
    int diffContext,
    boolean dryRun) {

  /** Ansible's defaults. */
  public static final CallbackOptions DEFAULTS =
      new CallbackOptions(true, true, false, false, false, false, false, null, 3, false);

  /** From the options by name ({@code config.SettingsLoader.callbackOptions}); absent ones default. */
  public static CallbackOptions of(Map<String, Object> byName, boolean dryRun) {
    return new CallbackOptions(
        flag(byName, "display_skipped_hosts", true),
        flag(byName, "display_ok_hosts", true),
        flag(byName, "display_failed_stderr", false),
        flag(byName, "show_per_host_start", false),
        flag(byName, "check_mode_markers", false),
        flag(byName, "show_task_path_on_failure", false),
        "yaml".equals(byName.get("result_format")),
        byName.get("pretty_results") instanceof Boolean b ? b : null,
        byName.get("diff_context") instanceof Integer n ? n : 3,
        dryRun);
  }

  private static boolean flag(Map<String, Object> byName, String name, boolean fallback) {
    return byName.get(name) instanceof Boolean b ? b : fallback;
  }

  /** Banners wait for a task's first shown line when some results are hidden. */
  boolean lazyBanners() {
    return !displaySkippedHosts || !displayOkHosts;
  }
}
