package io.tightbeam.playbook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an {@code import_playbook} adds to each imported play: its {@code vars} (over the play's),
 * its {@code tags} (after the play's) and its {@code when}, kept as the play keyword {@code when}
 * for the executor to apply to every task of the play, as Ansible does.
 */
final class ImportedPlay {
  private ImportedPlay() {}

  static Play apply(Play play, Map<String, Object> vars, Object tags, Object when) {
    if (vars.isEmpty() && tags == null && when == null) {
      return play;
    }
    Map<String, Object> mergedVars = new LinkedHashMap<>(play.vars());
    mergedVars.putAll(vars);
    Map<String, Object> keywords = new LinkedHashMap<>(play.keywords());
    if (tags != null) {
      keywords.put("tags", concat(play.keywords().get("tags"), tags));
    }
    if (when != null) {
      keywords.put("when", concat(play.keywords().get("when"), when));
    }
    return new Play(
        play.hosts(),
        Collections.unmodifiableMap(keywords),
        Collections.unmodifiableMap(mergedVars),
        play.varsFiles(),
        play.preTasks(),
        play.tasks(),
        play.postTasks(),
        play.handlers(),
        play.baseDir(),
        play.pos());
  }

  private static List<Object> concat(Object first, Object second) {
    List<Object> all = new ArrayList<>();
    for (Object part : new Object[] {first, second}) {
      if (part instanceof List<?> list) {
        all.addAll(list);
      } else if (part != null) {
        all.add(part);
      }
    }
    return Collections.unmodifiableList(all);
  }
}
