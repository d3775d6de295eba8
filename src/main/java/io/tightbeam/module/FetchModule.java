package io.tightbeam.module;

import io.tightbeam.connection.ExecResult;
import io.tightbeam.connection.Sh;
import io.tightbeam.module.OptionSpec.Type;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Ansible's {@code fetch}: a target file to the controller, under {@code dest/<host>/<src>} or, with
 * {@code flat}, at {@code dest}. The target says whether the file is there and its sha1; the bytes
 * come back as the stdout of {@code cat} run with the task's become, so root-only files arrive too.
 */
final class FetchModule implements RemoteModule {
  private static final OptionSpec SPEC = new OptionSpec("fetch")
      .add("src", Type.STR)
      .add("dest", Type.STR)
      .add("flat", Type.BOOL, false)
      .add("fail_on_missing", Type.BOOL, true)
      .add(new OptionSpec.Option("validate_checksum", Type.BOOL, true, java.util.List.of(),
          java.util.List.of("validate_md5"), false));
  private static final String BODY = ShellSource.load("fetch.sh");

  @Override
  public String name() {
    return "fetch";
  }

  @Override
  public Map<String, Object> checkArgs(Map<String, Object> args) {
    Map<String, Object> a = SPEC.check(args);
    if (a.get("src") == null || a.get("dest") == null) {
      throw new ModuleArgumentException("src and dest are required");
    }
    for (String key : new String[] {"src", "dest"}) {
      // the action plugin takes only strings here, before any conversion ([1, 2] is refused, not joined)
      if (!(args.get(key) instanceof CharSequence)) {
        throw new ModuleArgumentException("Invalid type supplied for " + (key.equals("src") ? "source" : key)
            + " option, it must be a string");
      }
    }
    return a;
  }

  @Override
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    return ScriptRun.script(Map.of("src", ScriptRun.str(args.get("src"))), target, BODY);
  }

  @Override
  public CompletableFuture<Map<String, Object>> run(Map<String, Object> args, TargetContext target) {
    if (target.checkMode()) {
      Map<String, Object> skipped = new LinkedHashMap<>();
      skipped.put("changed", false);
      skipped.put("msg", "check mode not (yet) supported for this module");
      skipped.put("skipped", true);
      return CompletableFuture.completedFuture(skipped);
    }
    String src = ScriptRun.str(args.get("src"));
    Path dest = destination(args, src, target);
    return ScriptRun.run(script(args, target), target).thenCompose(probe -> {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("changed", false);
      String state = String.valueOf(probe.get("state"));
      if (probe.containsKey("failed")) {
        return CompletableFuture.completedFuture(probe);
      }
      if (state.equals("directory")) {
        String msg = "remote file is a directory, fetch cannot work on directories";
        if (Boolean.TRUE.equals(args.get("fail_on_missing"))) {
          return failed(r, msg);
        }
        r.put("msg", msg + ", not transferring, ignored");
        return CompletableFuture.completedFuture(r);
      }
      if (state.equals("denied")) {
        return failed(r, "file is not readable: " + src);
      }
      if (!state.equals("file")) {
        String msg = state.equals("absent") ? "the remote file does not exist, not transferring, ignored"
            : "file (" + src + ") is not readable, not transferring, ignored";
        if (Boolean.TRUE.equals(args.get("fail_on_missing"))) {
          return failed(r, msg);
        }
        r.put("file", src);
        r.put("msg", msg);
        return CompletableFuture.completedFuture(r);
      }
      if (Boolean.TRUE.equals(args.get("flat")) && !ScriptRun.str(args.get("dest")).endsWith("/") && Files.isDirectory(dest)) {
        return failed(r, "dest is an existing directory, use a trailing slash if you want to fetch src into that directory");
      }
      String remoteSum = String.valueOf(probe.get("checksum"));
      byte[] local = read(dest);
      if (local != null && digest("SHA-1", local).equals(remoteSum)) {
        r.put("checksum", remoteSum);
        r.put("dest", dest.toString());
        r.put("file", src);
        r.put("md5sum", digest("MD5", local));
        return CompletableFuture.completedFuture(r);
      }
      // the probe's expansion of ~ and ~name, again for the copy
      return ScriptRun.exec("tb_src=" + ScriptRun.value("src", src) + "; cat -- \"$tb_src\"", target).thenApply(done -> store(args, done, dest, remoteSum, r));
    });
  }

  private static Map<String, Object> store(Map<String, Object> args, ExecResult done, Path dest, String remoteSum,
      Map<String, Object> r) {
    if (done.exitCode() != 0) {
      r.put("failed", true);
      r.put("msg", "Failed to fetch the file: " + done.stderrText().strip());
      return r;
    }
    byte[] data = done.stdout();
    String sum = digest("SHA-1", data);
    if (Boolean.TRUE.equals(args.get("validate_checksum")) && !sum.equals(remoteSum)) {
      r.put("failed", true);
      r.put("msg", "checksum mismatch");
      r.put("file", ScriptRun.str(args.get("src")));
      r.put("dest", dest.toString());
      r.put("remote_md5sum", null);
      r.put("checksum", sum);
      r.put("remote_checksum", remoteSum);
      return r;
    }
    try {
      Files.createDirectories(dest.toAbsolutePath().getParent());
      Path tmp = Files.createTempFile(dest.toAbsolutePath().getParent(), ".tb-fetch", ".tmp");
      Files.write(tmp, data);
      Files.move(tmp, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      r.put("failed", true);
      r.put("msg", "Failed to write " + dest + ": " + e.getMessage());
      return r;
    }
    r.put("changed", true);
    r.put("md5sum", digest("MD5", data));
    r.put("dest", dest.toString());
    r.put("remote_md5sum", null);
    r.put("checksum", sum);
    r.put("remote_checksum", remoteSum);
    return r;
  }

  /** Ansible's layout: flat puts the file at dest (or in it, for a dest ending in /), else under dest/host/src. */
  static Path destination(Map<String, Object> args, String src, TargetContext target) {
    String dest = ScriptRun.str(args.get("dest"));
    if (dest.equals("~") || dest.startsWith("~/")) {
      dest = System.getProperty("user.home") + dest.substring(1);
    }
    String name = src.replaceAll("/+$", "").replaceAll(".*/", "");
    String path;
    if (Boolean.TRUE.equals(args.get("flat"))) {
      path = dest.endsWith("/") ? dest + name : dest;
    } else {
      String relative = src.startsWith("/") ? src.substring(1) : src;
      path = dest.replaceAll("/+$", "") + "/" + target.connection().host() + "/" + relative;
    }
    Path p = Path.of(path);
    return (p.isAbsolute() || target.baseDir() == null ? p : target.baseDir().resolve(p)).normalize();
  }

  private static CompletableFuture<Map<String, Object>> failed(Map<String, Object> r, String msg) {
    r.put("failed", true);
    r.put("msg", msg);
    return CompletableFuture.completedFuture(r);
  }

  private static byte[] read(Path p) {
    try {
      return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
    } catch (IOException e) {
      return null;
    }
  }

  static String digest(String algorithm, byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no " + algorithm, e);
    }
  }

  @Override
  public boolean supportsCheckMode() {
    return true;
  }

  @Override
  public boolean supportsAsync() {
    return false;
  }
}
