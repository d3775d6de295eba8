package io.tightbeam.executor;

import io.tightbeam.module.Modules;
import io.tightbeam.playbook.Play;
import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The strategy a play runs with: its {@code strategy} keyword, templated with the play's and extra
 * variables, else DEFAULT_STRATEGY ({@code ANSIBLE_STRATEGY}, {@code [defaults] strategy}).
 */
final class PlayStrategy {
  private static final Set<String> KNOWN = Set.of("linear", "free", "debug", "host_pinned");

  private PlayStrategy() {}

  /** The play's strategy name as given (possibly a full collection name). */
  static String of(PlayContext.Services services, Play play, Map<String, Object> vars) {
    Object given = play.keywords().get("strategy");
    if (given == null) {
      String setting = services.options().settings().strategy();
      return setting == null ? "linear" : setting.strip();
    }
    return String.valueOf(services.templar().template(given, vars)).strip();
  }

  /**
   * Refuses a strategy Ansible has no plugin for. Ansible looks the plugin up after the play's
   * banner, so the plays before it have run and the error names the play.
   */
  static void check(String name, Play play) {
    String shortName = Modules.shortName(name);
    // a collection's own strategy (mitogen's, say) runs as linear here
    if (!KNOWN.contains(shortName) && !shortName.contains(".")) {
      throw new InputException(List.of(Diagnostic.at(play.pos(), "Invalid play strategy specified: " + name)), 1);
    }
  }

  /** Whether Ansible shows this strategy's task banners lazily (free and host_pinned do). */
  static boolean lazyBanners(String name) {
    String shortName = Modules.shortName(name);
    return shortName.equals("free") || shortName.equals("host_pinned");
  }
}
