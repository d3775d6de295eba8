package io.tightbeam.module;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The content diff of {@code copy} (and {@code template}) in diff mode, in the shape of Ansible's
 * copy action: {@code [{before, before_header, after, after_header}]}, or notes instead of text for
 * binary files and files over {@link #MAX_DIFF_SIZE} bytes. The target reads its side; the
 * controller adds the new side when it was not transferred (check mode).
 */
final class CopyDiff {
  /** Ansible's {@code MAX_FILE_SIZE_FOR_DIFF}: larger files are not shown in a diff. */
  static final int MAX_DIFF_SIZE = 104448;

  private CopyDiff() {}

  /**
   * The two sides of a content diff, as Ansible's copy action reads them: {@code tb_before dest}
   * (nothing for a new file; a note instead of the text for a binary or large file) and {@code
   * tb_after staged header} from the transferred bytes (in check mode nothing was transferred and
   * the controller adds this side).
   */
  static final String SIDES =
      """
      tb_before() {
        if [ ! -e "$1" ]; then printf '"before":""'
        elif [ "$(head -c 8192 -- "$1" | tr -d '\\000' | wc -c)" != "$(head -c 8192 -- "$1" | wc -c)" ]; then printf '"dst_binary":1'
        elif tb_stat "$1" && [ "$tb_size" -gt %1$d ]; then printf '"dst_larger":%1$d'
        else printf '"before":%%s,"before_header":%%s' "$(tb_json < "$1")" "$(printf '%%s' "$1" | tb_json)"; fi
      }
      tb_after() {
        [ -f "$1" ] || return 0
        tb_stat "$1"
        if [ "$tb_size" -gt %1$d ]; then printf ',"src_larger":%1$d'
        elif [ "$(tr -d '\\000' < "$1" | wc -c)" != "$tb_size" ]; then printf ',"src_binary":1'
        else printf ',"after":%%s,"after_header":%%s' "$(tb_json < "$1")" "$(printf '%%s' "$2" | tb_json)"; fi
      }
      """.formatted(MAX_DIFF_SIZE);

  /**
   * Completes a diff the target began (its {@code before} side) with {@code data}, the new bytes,
   * shown under {@code header}: the new text, or why it is not shown.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> withAfterSide(Map<String, Object> r, byte[] data, String header) {
    if (data == null || !(r.get("diff") instanceof List<?> diffs) || diffs.isEmpty()
        || !(diffs.get(0) instanceof Map<?, ?> first) || first.containsKey("after")
        || first.containsKey("src_larger") || first.containsKey("src_binary")) {
      return r;
    }
    Map<String, Object> d = (Map<String, Object>) first;
    if (data.length > MAX_DIFF_SIZE) {
      d.put("src_larger", MAX_DIFF_SIZE);
    } else if (new String(data, StandardCharsets.ISO_8859_1).indexOf('\0') >= 0) {
      d.put("src_binary", 1);
    } else {
      d.put("after", new String(data, StandardCharsets.UTF_8));
      d.put("after_header", header);
    }
    return r;
  }
}
