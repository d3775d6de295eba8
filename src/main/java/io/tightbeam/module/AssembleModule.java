package io.tightbeam.module;

import io.tightbeam.module.OptionSpec.Type;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Ansible's {@code assemble}: fragments joined on the target by assemble.sh, or, with {@code
 * remote_src: false}, joined on the controller and delivered by {@code copy}. Ansible skips it in
 * check mode.
 */
final class AssembleModule implements RemoteModule {
  private static final OptionSpec SPEC = FileAttributes.addTo(new OptionSpec("ansible.legacy.assemble"))
      .required("src", Type.STR)
      .required("dest", Type.STR)
      .add("backup", Type.BOOL, false)
      .add("delimiter", Type.STR)
      .add("regexp", Type.STR)
      .add("ignore_hidden", Type.BOOL, false)
      .add("remote_src", Type.BOOL, true)
      .add("validate", Type.STR)
      .add("decrypt", Type.BOOL, true);
  private static final ShellModule REMOTE = new ShellModule("assemble", SPEC, a -> a, AssembleModule::vars, true);

  @Override
  public String name() {
    return "assemble";
  }

  @Override
  public Map<String, Object> checkArgs(Map<String, Object> args) {
    Map<String, Object> a = TransferModules.withMode(SPEC.check(args));
    if (a.get("validate") != null && !a.get("validate").toString().contains("%s")) {
      throw new ModuleArgumentException("validate must contain %s: " + a.get("validate"));
    }
    return a;
  }

  private static Map<String, String> vars(Map<String, Object> a) {
    Map<String, String> vars = TransferModules.fileVars(a);
    vars.put("delimiter", a.get("delimiter") == null ? "" : unescape(a.get("delimiter").toString()));
    vars.put("regexp", a.get("regexp") == null ? "" : LineInFileModule.ere(a.get("regexp").toString()));
    return vars;
  }

  @Override
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    return REMOTE.script(args, target);
  }

  @Override
  public CompletableFuture<Map<String, Object>> run(Map<String, Object> args, TargetContext target) {
    if (target.checkMode()) {
      return CompletableFuture.completedFuture(new LinkedHashMap<>(
          Map.of("changed", false, "msg", "check mode is not supported for this task.", "skipped", true)));
    }
    if (Boolean.TRUE.equals(args.get("remote_src"))) {
      return REMOTE.run(args, target);
    }
    Path src = Path.of(ScriptRun.str(args.get("src")));
    if (!src.isAbsolute() && target.baseDir() != null) {
      Path files = target.baseDir().resolve("files").resolve(src);
      src = Files.isDirectory(files) ? files : target.baseDir().resolve(src);
    }
    if (!Files.isDirectory(src)) {
      return CompletableFuture.completedFuture(new LinkedHashMap<>(Map.of("changed", false, "failed", true,
          "msg", "Source (" + args.get("src") + ") is not a directory")));
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    copy.put("dest", args.get("dest"));
    try {
      copy.put("content", join(src, args));
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
    for (String k : List.of("backup", "validate", "mode", "owner", "group", "attributes", "unsafe_writes")) {
      if (args.get(k) != null) {
        copy.put(k, args.get(k));
      }
    }
    CopyModule delivery = new CopyModule();
    return delivery.run(delivery.checkArgs(copy), target);
  }

  /** The fragments joined as assemble.sh joins them. */
  private static byte[] join(Path dir, Map<String, Object> args) throws IOException {
    Pattern re = args.get("regexp") == null ? null : Pattern.compile(args.get("regexp").toString());
    String delimiter = args.get("delimiter") == null ? "" : unescape(args.get("delimiter").toString());
    List<Path> fragments;
    try (Stream<Path> s = Files.list(dir)) {
      fragments = s.sorted().toList();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean first = true;
    boolean newline = false;
    for (Path f : fragments) {
      String name = f.getFileName().toString();
      if ((re != null && !re.matcher(name).find()) || !Files.isRegularFile(f)
          || (Boolean.TRUE.equals(args.get("ignore_hidden")) && name.startsWith("."))) {
        continue;
      }
      byte[] data = Files.readAllBytes(f);
      if (newline) {
        out.write('\n');
      }
      if (!first && !delimiter.isEmpty()) {
        out.writeBytes(delimiter.getBytes(StandardCharsets.UTF_8));
        if (!delimiter.endsWith("\n")) {
          out.write('\n');
        }
      }
      out.writeBytes(data);
      first = false;
      newline = data.length > 0 && data[data.length - 1] != '\n';
    }
    return out.toByteArray();
  }

  /** Python's codecs.escape_decode for the common escapes: \n, \t, \r, \\ and \xhh. */
  static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        out.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case '\\' -> out.append('\\');
        case 'x' -> {
          if (i + 2 < s.length() + 0 && s.substring(i + 1, Math.min(i + 3, s.length())).matches("[0-9a-fA-F]{2}")) {
            out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
            i += 2;
          } else {
            out.append("\\x");
          }
        }
        default -> out.append('\\').append(n);
      }
    }
    return out.toString();
  }

  @Override
  public boolean supportsCheckMode() {
    return true;
  }
}
