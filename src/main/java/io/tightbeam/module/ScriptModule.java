package io.tightbeam.module;

import io.tightbeam.connection.Sh;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Ansible's {@code script}: a local script (found in {@code files/} as copy's {@code src} is) is
 * written to a temporary file on the target and run there through the shell with the rest of the
 * free-form text as its arguments, or by {@code executable}. {@code creates}/{@code removes} skip
 * it as Ansible's do; check mode skips it ("Check mode is not supported for this task.").
 */
final class ScriptModule implements RemoteModule {
  private static final Set<String> OPTIONS =
      Set.of("_raw_params", "cmd", "creates", "removes", "chdir", "executable", "decrypt");

  private static final String BODY =
      """
      if [ -n "$creates" ] && [ -e "$creates" ]; then
        tb_kb changed 0; tb_ks msg "$creates exists, matching creates option"; tb_kb skipped 1; tb_emit; exit 0
      fi
      if [ -n "$removes" ] && [ ! -e "$removes" ]; then
        tb_kb changed 0; tb_ks msg "$removes does not exist, matching removes option"; tb_kb skipped 1; tb_emit; exit 0
      fi
      if [ "$tb_check" = 1 ]; then
        tb_kb changed 0; tb_ks msg "Check mode is not supported for this task."; tb_kb skipped 1; tb_emit; exit 0
      fi
      tb_s=$(mktemp) || tb_fail "cannot make a temporary file"
      tb_o=$tb_s.out; tb_e=$tb_s.err
      trap 'rm -f -- "$tb_s" "$tb_o" "$tb_e"' EXIT
      # a binary or non-UTF-8 script comes as a printf format of octal escapes (see contentOf)
      if [ "$binary" = 1 ]; then tb_w() { printf "$content"; }; else tb_w() { printf '%s' "$content"; }; fi
      { tb_w > "$tb_s" && chmod u+x "$tb_s"; } || tb_fail "cannot write the script to $tb_s"
      if [ -n "$chdir" ]; then cd "$chdir" || tb_fail "Unable to change directory to $chdir"; fi
      tb_cmd=$(printf '%s' "$command" | awk -v s="$source" -v t="$tb_s" '
        { text = text (NR > 1 ? "\\n" : "") $0 }
        END { i = index(text, s); if (i > 0) text = substr(text, 1, i - 1) t substr(text, i + length(s)); printf "%s", text }')
      [ -n "$executable" ] && tb_cmd="$executable $tb_cmd"
      eval "$tb_cmd" > "$tb_o" 2> "$tb_e" < /dev/null
      tb_kv rc $?; tb_kv stdout "$(tb_json < "$tb_o")"; tb_kv stderr "$(tb_json < "$tb_e")"
      tb_kb changed 1; tb_emit
      """;

  @Override
  public String name() {
    return "script";
  }

  @Override
  public boolean supportsCheckMode() {
    return true;
  }

  @Override
  public boolean supportsAsync() {
    return false; // Ansible's script action refuses async
  }

  @Override
  public Map<String, Object> checkArgs(Map<String, Object> args) {
    ActionArgs.allowOnly("script", args, OPTIONS);
    Object raw = args.containsKey("_raw_params") ? args.get("_raw_params") : args.get("cmd");
    if (raw == null || String.valueOf(raw).isBlank()) {
      throw new ActionFailure("script requires a free-form command (_raw_params) or cmd");
    }
    Map<String, Object> checked = new LinkedHashMap<>(args);
    checked.put("_raw_params", String.valueOf(raw).strip());
    checked.remove("cmd");
    return checked;
  }

  @Override
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    String raw = String.valueOf(args.get("_raw_params"));
    String source = ShellWords.split(raw).get(0);
    List<Path> candidates = target.localCandidates("files", source);
    Path found = candidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
    if (found == null) {
      StringBuilder msg = new StringBuilder("Could not find or access '" + source + "'\nSearched in:");
      candidates.forEach(c -> msg.append("\n\t").append(c));
      msg.append(" on the Ansible Controller.\nIf you are using a module and expect the file to exist"
          + " on the remote, see the remote_src option");
      Map<String, Object> failed = new LinkedHashMap<>();
      failed.put("changed", false);
      failed.put("exception", msg.toString()); // its last line is what the output announces
      failed.put("failed", true);
      failed.put("msg", msg.toString());
      return new RemoteScript("printf '%s\\n' " + Sh.quote(RemoteRun.json(failed)));
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(found);
    } catch (IOException e) {
      throw new ActionFailure("Could not read " + found + ": " + e.getMessage());
    }
    String content = text(bytes);
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("creates", ScriptRun.str(args.get("creates")));
    vars.put("removes", ScriptRun.str(args.get("removes")));
    vars.put("chdir", ScriptRun.str(args.get("chdir")));
    vars.put("executable", ScriptRun.str(args.get("executable")).strip());
    vars.put("command", raw);
    vars.put("source", source);
    vars.put("binary", content == null ? "1" : "");
    vars.put("content", content == null ? printfFormat(bytes) : content);
    return ScriptRun.script(vars, target, BODY);
  }

  /** The file as UTF-8 text, or null when it is not (a binary: ansible runs those too). */
  static String text(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return null;
    }
  }

  /** A printf format that prints exactly {@code bytes}: POSIX's three-digit octal escapes. */
  static String printfFormat(byte[] bytes) {
    StringBuilder f = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (c >= 0x20 && c < 0x7f && c != '%' && c != '\\') {
        f.append((char) c);
      } else {
        f.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
            .append((char) ('0' + (c & 7)));
      }
    }
    return f.toString();
  }

  @Override
  public CompletableFuture<Map<String, Object>> run(Map<String, Object> args, TargetContext target) {
    return ScriptRun.run(script(args, target), target).thenApply(ScriptModule::finished);
  }

  /** Ansible's lines, and its failure for a non-zero exit (an action failure: exception too). */
  static Map<String, Object> finished(Map<String, Object> result) {
    Map<String, Object> r = OutputLines.added(result);
    if (r.get("rc") instanceof Number rc && rc.intValue() != 0) {
      r.put("failed", true);
      r.put("msg", "non-zero return code");
      r.put("exception", ActionFailure.NO_TRACEBACK);
    }
    return r;
  }
}
