package io.tightbeam.module;

import io.tightbeam.connection.ExecRequest;
import io.tightbeam.connection.Sh;
import io.tightbeam.module.OptionSpec.Type;
import io.tightbeam.vault.VaultException;
import io.tightbeam.vault.VaultSecret;
import io.tightbeam.vault.VaultText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Ansible's {@code copy}: a local file (or {@code content}) to {@code dest} on the target. The
 * bytes go to a staging file with {@code Connection.put} on the controller side; the remote script
 * then compares sha1 checksums (and the expected {@code checksum}), backs up, validates, moves
 * atomically (in place with {@code unsafe_writes} when that fails) and fixes mode, owner and
 * chattr {@code attributes}. {@code follow} writes through a symlink at dest. Vault-encrypted
 * sources are refused unless {@code decrypt: false}; {@code local_follow: false} is refused.
 */
final class CopyModule implements RemoteModule {
  private static final OptionSpec SPEC =
      FileAttributes.addTo(new OptionSpec("ansible.legacy.copy")
          .add("src", Type.STR)
          .add("content", Type.RAW)
          // the name template gives its content: a directory dest gets this file name, as in Ansible
          .add("_original_basename", Type.STR)
          .required("dest", Type.STR))
          .add("backup", Type.BOOL, false)
          .add("force", Type.BOOL, true)
          .add("remote_src", Type.BOOL, false)
          .add("validate", Type.STR)
          .add("checksum", Type.STR)
          .add("directory_mode", Type.RAW)
          .add("follow", Type.BOOL, false)
          .refuse("local_follow", Type.BOOL, true, "links in a local src are always followed");

  private final List<VaultSecret> secrets;

  CopyModule() {
    this(List.of());
  }

  /** A copy that decrypts vaulted sources on the controller with {@code secrets}, as Ansible does. */
  CopyModule(List<VaultSecret> secrets) {
    this.secrets = List.copyOf(secrets);
  }

  private static final String PROBE =
      """
      d=$dest
      [ -d "$d" ] && [ -n "$base" ] && d="${d%/}/$base"
      tb_sum sha1 "$d"
      """;

  private static final String BODY =
      """
      content_diff=''; nodiff=''
      # remote_src directory, as Ansible's copy module: src/ copies its content into dest, src
      # copies itself to dest/src's name; changed when a file of src is missing or differs there
      tb_copy_dir() {
        case "$src" in */) into="${dest%/}/" ;; *) into="${dest%/}/$(basename -- "$src")" ;; esac
        shown=$dest; [ -d "$dest" ] && shown=$into
        if [ ! -d "$into" ] || ! command -v diff >/dev/null 2>&1; then tb_changed=1
        else
          extra="Only in ${into%/}"
          d=$(LC_ALL=C diff -rq -- "$src" "$into" 2>&1 |
            awk -v t="$extra" 'index($0, t) != 1 || (substr($0, length(t) + 1, 1) != ":" && substr($0, length(t) + 1, 1) != "/")')
          [ -n "$d" ] && tb_changed=1
        fi
        if [ "$tb_changed" = 1 ] && [ "$tb_check" != 1 ]; then
          e=$(mkdir -p -- "$into" 2>&1 && cp -R -p -- "${src%/}/." "$into" 2>&1) || tb_fail "Could not copy $src to $into: $e"
        fi
        tb_attrs "$shown" "$mode" "$owner" "$group" 0 "$attributes"
        tb_kv checksum null; tb_kv md5sum null; tb_ks src "$src"; tb_ks dest "$shown"
        if tb_stat "$shown"; then
          tb_ks mode "$(tb_octal "$tb_mode")"; tb_ks owner "$tb_owner"; tb_ks group "$tb_group"
          tb_kv uid "$tb_uid"; tb_kv gid "$tb_gid"; tb_kv size "$tb_size"
        fi
        tb_ks state directory; tb_kb changed "$tb_changed"; tb_emit; exit 0
      }
      if [ -n "$error" ]; then tb_fail "$error"; fi
      trap '[ "$remote_src" = 1 ] || [ -z "$staged" ] || rm -f -- "$staged"' EXIT
      if [ "$remote_src" = 1 ]; then
        [ -e "$src" ] || tb_fail "Source $src not found"
        [ -d "$src" ] && tb_copy_dir
        [ -r "$src" ] || tb_fail "Source $src not readable"
        want=$(tb_sum sha1 "$src"); from=$src
      else
        want=$want_sum; from=$staged
      fi
      given=$dest
      [ "$follow" = 1 ] && [ -L "$dest" ] && dest=$(readlink -f -- "$dest")
      if [ ! -e "$dest" ] && [ ! -L "$dest" ]; then
        e=$(LC_ALL=C stat -- "$dest" 2>&1)
        case "$e" in *"No such file or directory"*) ;; *) tb_fail "Failed to get information on remote file ($dest): $(tb_why "$e")" ;; esac
      fi
      if [ -d "$dest" ]; then
        [ -z "$base" ] && tb_fail "can not use content with a dir as dest"
        dest="${dest%/}/$base"
      fi
      # force=no on an existing file: Ansible's copy action answers with src and dest alone; with
      # remote_src its module says so and gives the file's attributes
      if [ "$force" != 1 ] && [ -e "$dest" ]; then
        if [ "$remote_src" = 1 ]; then
          tb_ks msg "file already exists"; tb_ks src "$src"; tb_ks dest "$dest"
          if tb_stat "$dest"; then
            tb_ks mode "$(tb_octal "$tb_mode")"; tb_ks owner "$tb_owner"; tb_ks group "$tb_group"
            tb_kv uid "$tb_uid"; tb_kv gid "$tb_gid"; tb_kv size "$tb_size"; tb_ks state file
          fi
        else
          tb_ks src "$src_shown"; tb_ks dest "$given"
        fi
        tb_kb changed 0; tb_emit; exit 0
      fi
      parent=$(dirname -- "$dest")
      # Ansible's copy action reports a new content as a change in check mode before any module
      # runs, so a missing directory fails only for real
      [ -d "$parent" ] || { [ "$tb_check" = 1 ] && [ "$remote_src" != 1 ]; } ||
        tb_fail "Destination directory $parent does not exist"
      if [ -e "$dest" ]; then
        [ -d "$dest" ] && tb_fail "Destination $dest is a directory"
        have=$(tb_sum sha1 "$dest")
        [ "$have" != "$want" ] && [ "$force" = 1 ] && tb_changed=1
        [ "$have" != "$want" ] && [ "$force" != 1 ] && nodiff=1
      else
        tb_changed=1
      fi
      if [ "$tb_changed" = 1 ] && [ "$remote_src" != 1 ]; then
        content_diff='[]'
        [ "$tb_diff" = 1 ] && content_diff="[{$(tb_before "$dest")$(tb_after "$from" "$after_header")}]"
        # as Ansible's copy action: in check mode a new content is all there is to say
        if [ "$tb_check" = 1 ]; then tb_kv diff "$content_diff"; tb_kb changed 1; tb_emit; exit 0; fi
      fi
      if [ "$tb_changed" = 1 ] && [ "$tb_check" != 1 ]; then
        [ -f "$from" ] || tb_fail "the source was not transferred to the target before the job ran: $from"
        if [ -n "$checksum" ] && [ "$checksum" != "$want" ]; then
          tb_ks checksum "$want"; tb_ks expected_checksum "$checksum"
          tb_fail "Copied file does not match the expected checksum. Transfer failed."
        fi
        [ -w "$parent" ] || { [ "$unsafe_writes" = 1 ] && [ -w "$dest" ]; } || tb_fail "Destination $parent not writable"
        if [ -n "$validate_cmd" ]; then
          # both outputs whole, trailing newlines kept, as Ansible's copy returns them
          vf="${TMPDIR:-/tmp}/.tb-validate.$$"
          sh -c "$validate_cmd" >"$vf.out" 2>"$vf.err"; vrc=$?
          vout=$(cat -- "$vf.out" 2>/dev/null; printf x); vout=${vout%x}
          vwhy=$(cat -- "$vf.err" 2>/dev/null; printf x); vwhy=${vwhy%x}
          rm -f -- "$vf.out" "$vf.err"
          if [ "$vrc" != 0 ]; then
            tb_kv exit_status "$vrc"; tb_ks stdout "$vout"; tb_ks stderr "$vwhy"; tb_changed=0; tb_fail "failed to validate"
          fi
        fi
        if [ "$backup" = 1 ] && [ -e "$dest" ]; then
          bf="$dest.$$.$(date +%Y-%m-%d@%H:%M:%S)~"
          e=$(cp -p -- "$dest" "$bf" 2>&1) || tb_fail "Could not make a backup of $dest: $e"
          tb_ks backup_file "$bf"
        fi
        tmp="$parent/.tb-copy.$$.tmp"
        if [ ! -w "$parent" ]; then
          # unsafe_writes: the file is writable where its directory is not; write it in place
          e=$(LC_ALL=C cat -- "$from" 2>&1 > "$dest") || tb_fail "Could not write $dest: $(tb_why "$e")"
        else
          e=$(cp -- "$from" "$tmp" 2>&1) || { rm -f -- "$tmp"; tb_fail "Could not write $dest: $e"; }
          if tb_stat "$dest"; then chmod "$tb_mode" "$tmp" 2>/dev/null; chown "$tb_uid:$tb_gid" "$tmp" 2>/dev/null
          else chmod "$(printf '%04o' $(( 0666 & ~0$(umask) )))" "$tmp"; fi
          tb_move "$tmp" "$dest" || tb_fail "Could not replace $dest: $tb_e"
        fi
      fi
      # mode=preserve with remote_src: the source file's mode, as Ansible's copy module
      if [ "$mode" = preserve ]; then tb_stat "$src"; mode=$(tb_octal "$tb_mode"); fi
      dj=$(printf '%s' "$dest" | tb_json)
      tb_dv path "$dj" "$dj"
      tb_attrs "$dest" "$mode" "$owner" "$group" 0 "$attributes"
      if [ -n "$content_diff" ]; then tb_kv diff "$content_diff"
      elif [ "$remote_src" != 1 ] && [ -z "$nodiff" ]; then tb_kv diff "$(tb_diffs)"; fi
      # an unchanged content is Ansible's file module's result: path, and no src or md5sum
      if [ -n "$content_diff" ] || [ "$remote_src" = 1 ]; then tb_ks src "$src_shown"; else tb_ks path "$dest"; fi
      tb_ks dest "$dest"; tb_ks checksum "$want"
      if [ -f "$dest" ]; then
        if [ -n "$content_diff" ] || [ "$remote_src" = 1 ]; then m=$(tb_sum md5 "$dest") && tb_ks md5sum "$m"; fi
        tb_stat "$dest"; tb_ks mode "$(tb_octal "$tb_mode")"; tb_ks owner "$tb_owner"; tb_ks group "$tb_group"
        tb_kv uid "$tb_uid"; tb_kv gid "$tb_gid"; tb_kv size "$tb_size"
      fi
      tb_ks state file; tb_kb changed "$tb_changed"; tb_emit
      """;

  /** The bytes to deliver, or why there are none. */
  record Source(byte[] data, String shown, String basename, String error) {}

  @Override
  public String name() {
    return "copy";
  }

  @Override
  public Map<String, Object> checkArgs(Map<String, Object> args) {
    // the action plugin's checks come first, on the arguments as given
    Object src = args.get("src");
    if ((src == null || "".equals(src)) && args.get("content") == null) {
      throw new ModuleArgumentException("src (or content) is required");
    }
    if (args.get("dest") == null || "".equals(args.get("dest"))) {
      throw new ModuleArgumentException("dest is required");
    }
    if (src != null && !"".equals(src) && args.get("content") != null) {
      throw new ModuleArgumentException("src and content are mutually exclusive");
    }
    // decrypt is the action plugin's, taken out before the module sees the rest: the module's
    // message never lists it, and with remote_src (arguments passed as they are) 2.14 refuses it
    Map<String, Object> given = new LinkedHashMap<>(args);
    Object decrypt = given.get("remote_src") != null && lenientTrue(given.get("remote_src")) ? null : given.remove("decrypt");
    Map<String, Object> a = SPEC.check(given);
    a.put("decrypt", decrypt == null || OptionSpec.bool("decrypt", decrypt));
    if (a.get("content") != null && Boolean.TRUE.equals(a.get("remote_src"))) {
      throw new ModuleArgumentException("parameters are mutually exclusive: content|remote_src");
    }
    Object validate = a.get("validate");
    if (validate != null && !validate.toString().contains("%s")) {
      throw new ModuleArgumentException("validate must contain %s: " + validate);
    }
    Object mode = a.get("mode");
    a.put("mode", mode == null || "preserve".equals(mode) ? mode : OptionSpec.mode(mode));
    return a;
  }

  /** Ansible's boolean(value, strict=False), as the copy action reads remote_src. */
  private static boolean lenientTrue(Object value) {
    return value instanceof Boolean b ? b
        : java.util.Set.of("y", "yes", "on", "1", "true", "t", "1.0").contains(String.valueOf(value).toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public void prepareForJob(Map<String, Object> args, TargetContext target) {
    if (target.checkMode() || Boolean.TRUE.equals(args.get("remote_src"))) {
      return;
    }
    Path tree = localDirectory(args, target);
    if (tree != null) {
      CopyTree.prepare(CopyTree.entries(tree, ScriptRun.str(args.get("src")), ScriptRun.str(args.get("dest"))), target);
      return;
    }
    Source source = source(args, target);
    if (source.error() != null) {
      return;
    }
    String sum = sha1(source.data());
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("dest", ScriptRun.str(args.get("dest")));
    vars.put("base", source.basename());
    String remote = ScriptRun.exec(ScriptRun.script(vars, target, PROBE).body(), target).join().stdoutText().trim();
    if (!remote.equals(sum)) {
      boolean restricted = target.become().enabled() && !"root".equals(target.become().user());
      target.connection().put(source.data(), staged(args, sum), restricted ? 0644 : 0600);
    }
  }

  @Override
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    boolean remote = Boolean.TRUE.equals(args.get("remote_src"));
    Map<String, String> vars = new LinkedHashMap<>();
    String src = ScriptRun.str(args.get("src"));
    vars.put("dest", ScriptRun.str(args.get("dest")));
    vars.put("src", src);
    vars.put("remote_src", remote ? "1" : "0");
    String validated = src;
    if (remote) {
      vars.put("base", src.replaceAll("/+$", "").replaceAll(".*/", ""));
      vars.put("src_shown", src);
    } else {
      Source source = source(args, target);
      vars.put("error", source.error() == null ? "" : source.error());
      String sum = source.data() == null ? "" : sha1(source.data());
      validated = source.data() == null ? "" : staged(args, sum);
      vars.put("base", source.basename());
      vars.put("want_sum", sum);
      vars.put("staged", validated);
      vars.put("src_shown", args.get("content") != null ? validated : source.shown());
      vars.put("after_header", args.get("content") != null ? validated : source.shown());
    }
    FileAttributes.putVars(args, vars);
    if (!remote && "preserve".equals(args.get("mode"))) {
      vars.put("mode", localMode(args, target));
    }
    vars.put("checksum", ScriptRun.str(args.get("checksum")));
    vars.put("follow", ScriptRun.flag(args.get("follow")));
    vars.put("backup", ScriptRun.flag(args.get("backup")));
    vars.put("force", ScriptRun.flag(args.get("force")));
    String validate = ScriptRun.str(args.get("validate"));
    vars.put("validate_cmd", validate.replace("%s", Sh.quote(validated)));
    Path tree = remote ? null : localDirectory(args, target);
    if (tree != null) {
      String dest = ScriptRun.str(args.get("dest")).replaceAll("/+$", "");
      String destRoot = src.endsWith("/") ? dest : dest + "/" + tree.getFileName();
      vars.put("src_shown", tree + (src.endsWith("/") ? "/" : ""));
      vars.put("directory_mode", args.get("directory_mode") == null ? "" : OptionSpec.mode(args.get("directory_mode")));
      return CopyTree.script(CopyTree.entries(tree, src, dest), vars, target, destRoot);
    }
    return ScriptRun.script(vars, target, CopyDiff.SIDES + BODY);
  }

  @Override
  public CompletableFuture<Map<String, Object>> run(Map<String, Object> args, TargetContext target) {
    try {
      prepareForJob(args, target);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<Map<String, Object>> result = ScriptRun.run(script(args, target), target).thenApply(OutputLines::added);
    Source source = Boolean.TRUE.equals(args.get("remote_src")) ? null : source(args, target);
    if (source == null || source.data() == null) {
      return result;
    }
    String staged = staged(args, sha1(source.data()));
    if (target.become().enabled()) {
      // the user we became cannot remove what the login user staged in the sticky /tmp
      result = result.thenCompose(r -> target.connection().exec(ExecRequest.of("rm -f -- " + Sh.quote(staged)))
          .handle((removed, e) -> r));
    }
    String header = args.get("content") != null ? staged : source.shown();
    return result.thenApply(r -> target.diff() ? CopyDiff.withAfterSide(r, source.data(), header) : r);
  }

  @Override
  public boolean supportsCheckMode() {
    return true;
  }

  /** Where the bytes wait on the target: named by content and destination, so script() finds them. */
  private static String staged(Map<String, Object> args, String sum) {
    return "/tmp/.tb-copy-" + sum + "-" + sha1(ScriptRun.str(args.get("dest")).getBytes(StandardCharsets.UTF_8)).substring(0, 12);
  }

  Source source(Map<String, Object> args, TargetContext target) {
    Object content = args.get("content");
    if (content != null) {
      byte[] data = content instanceof byte[] b ? b : contentText(content).getBytes(StandardCharsets.UTF_8);
      Object base = args.get("_original_basename");
      return new Source(data, "", base == null ? "" : base.toString(), null);
    }
    String src = ScriptRun.str(args.get("src"));
    List<Path> candidates = target.localCandidates("files", src);
    for (Path p : candidates) {
      if (Files.isDirectory(p)) {
        return new Source(null, p.toString(), "", "Source " + p + " is a directory");
      }
      if (Files.isRegularFile(p)) {
        try {
          byte[] data = Files.readAllBytes(p);
          if (!Boolean.FALSE.equals(args.get("decrypt")) && VaultText.isEncrypted(data)) {
            data = VaultText.readable(p.toString(), data, secrets);
          }
          return new Source(data, p.toString(), p.getFileName().toString(), null);
        } catch (VaultException e) {
          return new Source(null, p.toString(), "", e.getMessage());
        } catch (IOException e) {
          return new Source(null, p.toString(), "", "Could not read " + p + ": " + e.getMessage());
        }
      }
    }
    StringBuilder msg = new StringBuilder("Could not find or access '" + src + "'");
    msg.append("\nSearched in:");
    candidates.forEach(p -> msg.append("\n\t").append(p));
    msg.append(" on the Ansible Controller.\nIf you are using a module and expect the file to exist on the remote,"
        + " see the remote_src option");
    return new Source(null, src, "", msg.toString());
  }

  /**
   * The mode {@code mode: preserve} gives a controller-side source: its file's mode; a
   * {@code content} is written to a 0600 temporary file first, as in Ansible's copy action.
   */
  private static String localMode(Map<String, Object> args, TargetContext target) {
    if (args.get("content") == null) {
      for (Path p : target.localCandidates("files", ScriptRun.str(args.get("src")))) {
        if (Files.exists(p)) {
          try {
            return String.format("%04o", (Integer) Files.getAttribute(p, "unix:mode") & 07777);
          } catch (IOException | UnsupportedOperationException e) {
            return "";
          }
        }
      }
    }
    return "0600";
  }

  /** The local directory that {@code src} names, or null when it names a file or nothing. */
  private static Path localDirectory(Map<String, Object> args, TargetContext target) {
    if (args.get("content") != null || args.get("src") == null) {
      return null;
    }
    for (Path p : target.localCandidates("files", ScriptRun.str(args.get("src")))) {
      if (Files.isDirectory(p)) {
        return p;
      }
      if (Files.exists(p)) {
        return null;
      }
    }
    return null;
  }

  private static String contentText(Object content) {
    if (content instanceof Map<?, ?> || content instanceof List<?>) {
      try {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(content);
      } catch (IOException e) {
        throw new ModuleArgumentException("content cannot be written as JSON: " + e.getMessage());
      }
    }
    return String.valueOf(content);
  }

  static String sha1(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
  }
}
