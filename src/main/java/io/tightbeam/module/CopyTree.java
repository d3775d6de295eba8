package io.tightbeam.module;

import io.tightbeam.connection.Sh;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code copy} of a local directory: every file is staged like a single copy (only those whose
 * sha1 differs on the target), and one script puts them in place. As in Ansible, {@code src=dir}
 * lands in {@code dest/dir/}, {@code src=dir/} puts the contents into {@code dest/}.
 */
final class CopyTree {
  private CopyTree() {}

  /** One file of the tree: its bytes' sha1 and where it goes on the target. */
  record Entry(Path local, String sum, String target) {}

  static List<Entry> entries(Path root, String src, String dest) {
    String destRoot = dest.replaceAll("/+$", "");
    if (!src.endsWith("/")) {
      destRoot = destRoot + "/" + root.getFileName();
    }
    List<Entry> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        String rel = root.relativize(p).toString();
        out.add(new Entry(p, CopyModule.sha1(Files.readAllBytes(p)), destRoot + "/" + rel));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + root, e);
    }
    return out;
  }

  static String staged(Entry e) {
    return "/tmp/.tb-copy-" + e.sum() + "-"
        + CopyModule.sha1(e.target().getBytes(StandardCharsets.UTF_8)).substring(0, 12);
  }

  /** Stages the files whose checksum on the target differs (one probe, then one put per file). */
  static void prepare(List<Entry> entries, TargetContext target) {
    if (entries.isEmpty()) {
      return;
    }
    StringBuilder probe = new StringBuilder();
    entries.forEach(e -> probe.append("printf '%s\\n' \"$(tb_sum sha1 ").append(Sh.quote(e.target())).append(")\"\n"));
    String[] have = ScriptRun.exec(ScriptRun.script(Map.of(), target, probe.toString()).body(), target)
        .join().stdoutText().split("\n", -1);
    boolean restricted = target.become().enabled() && !"root".equals(target.become().user());
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (i >= have.length || !have[i].equals(e.sum())) {
        try {
          target.connection().put(Files.readAllBytes(e.local()), staged(e), restricted ? 0644 : 0600);
        } catch (IOException ex) {
          throw new UncheckedIOException("cannot read " + e.local(), ex);
        }
      }
    }
  }

  private static final String BODY =
      """
      tb_one() {
        want=$1; from=$2; to=$3
        parent=$(dirname -- "$to")
        if [ -e "$to" ] && [ "$(tb_sum sha1 "$to")" = "$want" ]; then rm -f -- "$from"; return 0; fi
        [ -e "$to" ] && [ "$force" != 1 ] && { rm -f -- "$from"; return 0; }
        tb_changed=1
        [ "$tb_check" = 1 ] && return 0
        [ -f "$from" ] || tb_fail "the source was not transferred to the target before the job ran: $from"
        if [ ! -d "$parent" ]; then
          e=$(mkdir -p -- "$parent" 2>&1) || tb_fail "Could not create directory $parent: $e"
          [ -n "$directory_mode" ] && chmod "$directory_mode" "$parent"
        fi
        tmp="$parent/.tb-copy.$$.tmp"
        e=$(cp -- "$from" "$tmp" 2>&1) || { rm -f -- "$tmp"; tb_fail "Could not write $to: $e"; }
        chmod "$(printf '%04o' $(( 0666 & ~0$(umask) )))" "$tmp"
        tb_move "$tmp" "$to" || tb_fail "Could not replace $to: $tb_e"
        rm -f -- "$from"
      }
      """;

  static RemoteScript script(List<Entry> entries, Map<String, String> vars, TargetContext target, String destRoot) {
    StringBuilder body = new StringBuilder(BODY);
    for (Entry e : entries) {
      body.append("tb_one ").append(Sh.join(List.of(e.sum(), staged(e), e.target()))).append('\n');
    }
    for (Entry e : entries) {
      body.append("tb_attrs ").append(Sh.quote(e.target())).append(" \"$mode\" \"$owner\" \"$group\" 0 \"$attributes\"\n");
    }
    body.append("tb_ks dest ").append(Sh.quote(destRoot + "/")).append("; tb_ks src \"$src_shown\"; ")
        .append("tb_kb changed \"$tb_changed\"; tb_emit\n");
    Map<String, String> all = new LinkedHashMap<>(vars);
    return ScriptRun.script(all, target, body.toString());
  }
}
