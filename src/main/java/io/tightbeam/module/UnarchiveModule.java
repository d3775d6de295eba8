package io.tightbeam.module;

import io.tightbeam.module.OptionSpec.Type;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Ansible's unarchive: an archive on the controller is first put in a staging file on the target,
 * then {@code system/unarchive.sh} lists, compares and extracts it with tar or unzip there.
 */
final class UnarchiveModule implements RemoteModule {
  private static final OptionSpec SPEC = FileAttributes.addTo(new OptionSpec("ansible.legacy.unarchive"))
      .add("src", Type.STR).add("dest", Type.STR).add("copy", Type.BOOL, true).add("creates", Type.STR)
      .add("decrypt", Type.BOOL, true).add("exclude", Type.LIST, List.of()).add("extra_opts", Type.LIST, List.of())
      .add("include", Type.LIST, List.of()).add("io_buffer_size", Type.INT, 65536).add("keep_newer", Type.BOOL, false)
      .add("list_files", Type.BOOL, false).add("remote_src", Type.BOOL, false).add("validate_certs", Type.BOOL, true);

  private final SystemModule script = new SystemModule("unarchive", SPEC, UnarchiveModule::rules, ShellSource.load("http.sh"));

  @Override
  public String name() {
    return "unarchive";
  }

  private static void rules(Map<String, Object> args) {
    if (args.get("src") == null || args.get("dest") == null) {
      throw new ModuleArgumentException("src (or content) and dest are required");
    }
    if (!((List<?>) args.get("include")).isEmpty() && !((List<?>) args.get("exclude")).isEmpty()) {
      throw new ModuleArgumentException("parameters are mutually exclusive: include|exclude");
    }
    if (Boolean.FALSE.equals(args.get("copy"))) {
      args.put("remote_src", true);
    }
    args.put("mode", args.get("mode") == null ? null : OptionSpec.mode(args.get("mode")));
    Map<String, String> vars = new LinkedHashMap<>();
    FileAttributes.putVars(args, vars);
    args.put("selinux", vars.get("selinux"));
  }

  @Override
  public Map<String, Object> checkArgs(Map<String, Object> args) {
    return script.checkArgs(args);
  }

  /** Whether src is read on the controller: not remote_src and not a URL. */
  private static boolean fromController(Map<String, Object> args) {
    return !Boolean.TRUE.equals(args.get("remote_src")) && !String.valueOf(args.get("src")).contains("://");
  }

  /** The controller's file for src, or null when none of the search path has it. */
  private static Path local(Map<String, Object> args, TargetContext target) {
    return target.localCandidates("files", String.valueOf(args.get("src"))).stream()
        .filter(Files::isRegularFile).findFirst().orElse(null);
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the controller's archive waits on the target: named by its digest and dest's. */
  private static String staged(byte[] data, Map<String, Object> args) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-1");
      sha.update(data);
      sha.update(String.valueOf(args.get("dest")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "/tmp/.tb-unarchive-" + HexFormat.of().formatHex(sha.digest()).substring(0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String missing(Map<String, Object> args) {
    return "Could not find or access '" + args.get("src") + "' on the Ansible Controller.\n"
        + "If you are using a module and expect the file to exist on the remote, see the remote_src option";
  }

  @Override
  public void prepareForJob(Map<String, Object> args, TargetContext target) {
    Path p = fromController(args) ? local(args, target) : null;
    if (p != null) {
      byte[] data = read(p);
      target.connection().put(data, staged(data, args), 0600);
    }
  }

  @Override
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    Map<String, Object> vars = new LinkedHashMap<>(args);
    vars.put("src_shown", args.get("src"));
    vars.put("staged", null);
    Path p = fromController(args) ? local(args, target) : null;
    vars.put("missing", fromController(args) && p == null ? missing(args) : null);
    if (p != null) {
      String staged = staged(read(p), args);
      vars.put("src", staged);
      vars.put("src_shown", staged);
      vars.put("staged", staged);
    }
    return script.script(vars, target);
  }

  @Override
  public CompletableFuture<Map<String, Object>> run(Map<String, Object> args, TargetContext target) {
    if (fromController(args) && local(args, target) == null) {
      Map<String, Object> failed = new LinkedHashMap<>();
      failed.put("changed", false);
      failed.put("failed", true);
      failed.put("msg", missing(args));
      return CompletableFuture.completedFuture(failed);
    }
    prepareForJob(args, target);
    return ScriptRun.run(script(args, target), target).thenApply(OutputLines::added);
  }

  @Override
  public boolean supportsCheckMode() {
    return true;
  }
}
