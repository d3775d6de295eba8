package io.tightbeam.module;

import io.tightbeam.module.OptionSpec.Type;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Ansible's {@code get_url}: a download on the target by curl (else wget), with get_url.sh's
 * checksum, If-Modified-Since, backup and file attributes.
 */
final class GetUrlModule implements RemoteModule {
  private static final String BODY = ShellSource.load("common.sh") + ShellSource.load("http.sh")
      + ShellSource.load("get_url.sh");
  private static final List<String> ALGORITHMS = List.of("md5", "sha1", "sha224", "sha256", "sha384", "sha512");
  private static final OptionSpec SPEC = UriModule.httpOptions(FileAttributes.addTo(new OptionSpec("get_url")), "username")
      .required("url", Type.STR)
      .required("dest", Type.STR)
      .add("checksum", Type.STR, "")
      .add("force", Type.BOOL, false)
      .add("backup", Type.BOOL, false)
      .add("timeout", Type.INT, 10)
      .add("tmp_dest", Type.STR);

  @Override
  public String name() {
    return "get_url";
  }

  @Override
  public Map<String, Object> checkArgs(Map<String, Object> args) {
    Map<String, Object> a = SPEC.check(args);
    String checksum = String.valueOf(a.get("checksum"));
    if (!checksum.isEmpty()) {
      int colon = checksum.indexOf(':');
      if (colon < 0) {
        throw new ModuleArgumentException("The checksum parameter has to be in format <algorithm>:<checksum>");
      }
      String algorithm = checksum.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
      String value = checksum.substring(colon + 1).trim().toLowerCase(java.util.Locale.ROOT);
      if (!ALGORITHMS.contains(algorithm)) {
        throw new ModuleArgumentException("Unsupported hash algorithm: " + algorithm);
      }
      if (value.contains("://")) {
        throw new ModuleArgumentException("a checksum read from a URL is not supported by tightbeam: " + value);
      }
      if (!value.matches("[0-9a-f]+")) {
        throw new ModuleArgumentException("The checksum format is invalid");
      }
      a.put("checksum_algo", algorithm);
      a.put("checksum_value", value);
    }
    return TransferModules.withMode(a);
  }

  @Override
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    Map<String, String> vars = UriModule.requestVars(args);
    vars.put("dest", ScriptRun.str(args.get("dest")));
    vars.put("checksum_algo", ScriptRun.str(args.get("checksum_algo")));
    vars.put("checksum_value", ScriptRun.str(args.get("checksum_value")));
    vars.put("force", ScriptRun.flag(args.get("force")));
    vars.put("backup", ScriptRun.flag(args.get("backup")));
    vars.put("tmp_dest", ScriptRun.str(args.get("tmp_dest")));
    FileAttributes.putVars(args, vars);
    return ScriptRun.script(vars, target, BODY);
  }

  @Override
  public CompletableFuture<Map<String, Object>> run(Map<String, Object> args, TargetContext target) {
    return ScriptRun.run(script(args, target), target);
  }

  @Override
  public boolean supportsCheckMode() {
    return true;
  }
}
