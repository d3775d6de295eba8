package io.tightbeam.module;

import io.tightbeam.module.OptionSpec.Type;
import io.tightbeam.vault.VaultException;
import io.tightbeam.vault.VaultSecret;
import io.tightbeam.vault.VaultText;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Ansible's {@code template}: the controller renders {@code src} (found under {@code
 * <baseDir>/templates/} then {@code <baseDir>/}) with the renderer it was given ({@code
 * trim_blocks}, {@code lstrip_blocks} and a {@code #jinja2:} first line honoured), encodes it in
 * {@code output_encoding}, and {@code copy} delivers the text as {@code content} with the same
 * dest and file arguments. Custom markers ({@code variable_start_string} etc.) are honoured.
 */
final class TemplateModule implements RemoteModule {
  /** Python's str() of a datetime, as template_run_date and template_mtime read in Ansible. */
  private static final java.time.format.DateTimeFormatter PY_DATETIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
  /** The args key under which the executor may pass the task's variables for the renderer. */
  static final String TASK_VARS = "_tightbeam_vars";

  private static final OptionSpec SPEC =
      FileAttributes.addTo(new OptionSpec("template")
          .required("src", Type.STR)
          .required("dest", Type.STR))
          .add("backup", Type.BOOL, false).add("force", Type.BOOL, true).add("validate", Type.STR)
          .add("newline_sequence", Type.STR, "\n")
          .add("trim_blocks", Type.BOOL, true).add("lstrip_blocks", Type.BOOL, false)
          .add("variable_start_string", Type.STR).add("variable_end_string", Type.STR)
          .add("block_start_string", Type.STR).add("block_end_string", Type.STR)
          .add("comment_start_string", Type.STR).add("comment_end_string", Type.STR)
          .add("output_encoding", Type.STR, "utf-8").add("follow", Type.BOOL, false);

  /** The arguments that set the template's syntax (a {@code #jinja2:} first line may override them). */
  private static final List<String> SYNTAX = List.of("trim_blocks", "lstrip_blocks",
      "variable_start_string", "variable_end_string", "block_start_string", "block_end_string",
      "comment_start_string", "comment_end_string");

  /** The copy arguments that template hands on as they are. */
  private static final List<String> FOR_COPY = new java.util.ArrayList<>(
      List.of("dest", "backup", "force", "validate", "follow"));

  static {
    FOR_COPY.addAll(FileAttributes.names());
  }

  private final FileAndPackageModules.Renderer renderer;
  private final CopyModule copy = new CopyModule();
  private final List<VaultSecret> secrets;

  TemplateModule(FileAndPackageModules.Renderer renderer) {
    this(renderer, List.of());
  }

  /** A template whose vaulted source files are decrypted on the controller with {@code secrets}. */
  TemplateModule(FileAndPackageModules.Renderer renderer, List<VaultSecret> secrets) {
    this.renderer = renderer;
    this.secrets = List.copyOf(secrets);
  }

  @Override
  public String name() {
    return "template";
  }

  @Override
  public Map<String, Object> checkArgs(Map<String, Object> args) {
    Map<String, Object> rest = new LinkedHashMap<>(args);
    Object vars = rest.remove(TASK_VARS);
    Map<String, Object> checked = SPEC.check(rest);
    checked.put("newline_sequence", newline(ScriptRun.str(checked.get("newline_sequence"))));
    Object mode = checked.get("mode");
    // "preserve" (the template's own mode) is known only once the source is found
    checked.put("mode", mode == null || "preserve".equals(mode) ? mode : OptionSpec.mode(mode));
    checked.put(TASK_VARS, vars instanceof Map<?, ?> ? vars : Map.of());
    return checked;
  }

  /** The action's rule: the escaped spellings (YAML single quotes) mean the characters. */
  private static String newline(String given) {
    List<String> allowed = List.of("\n", "\r", "\r\n");
    int escaped = List.of("\\n", "\\r", "\\r\\n").indexOf(given);
    if (escaped >= 0) {
      return allowed.get(escaped);
    }
    if (!allowed.contains(given)) {
      throw new ModuleArgumentException("newline_sequence needs to be one of: \n, \r or \r\n");
    }
    return given;
  }

  /** Copy's arguments with the rendered text as content, or the failure message. */
  private Object copyArgs(Map<String, Object> args, TargetContext target) {
    String src = ScriptRun.str(args.get("src"));
    List<Path> candidates = target.localCandidates("templates", src);
    Path found = candidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
    if (found == null) {
      StringBuilder msg = new StringBuilder("Could not find or access '" + src + "'\nSearched in:");
      candidates.forEach(p -> msg.append("\n\t").append(p));
      return msg.toString();
    }
    String text;
    try {
      byte[] data = Files.readAllBytes(found);
      text = new String(VaultText.readable(found.toString(), data, secrets), StandardCharsets.UTF_8);
    } catch (VaultException e) {
      return e.getMessage();
    } catch (IOException e) {
      return "Could not read template " + found + ": " + e.getMessage();
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    if (args.get(TASK_VARS) instanceof Map<?, ?> m) {
      m.forEach((k, v) -> vars.put(String.valueOf(k), v));
    }
    vars.put("template_path", src); // as the task gives it, as Ansible's

    vars.put("template_fullpath", found.toAbsolutePath().toString());
    vars.put("template_destpath", ScriptRun.str(args.get("dest")));
    vars.put("template_host", target.connection().host());
    vars.put("template_run_date", PY_DATETIME.format(LocalDateTime.now()));
    // Ansible 2.14's default DEFAULT_MANAGED_STR holds no {host}/{uid}/{file} and no strftime code
    vars.put("ansible_managed", "Ansible managed");
    try {
      vars.put("template_uid", Files.getOwner(found).getName());
      vars.put("template_mtime", PY_DATETIME.format(LocalDateTime.ofInstant(
          Files.getLastModifiedTime(found).toInstant(), java.time.ZoneId.systemDefault())));
    } catch (IOException e) {
      vars.put("template_uid", "");
    }
    Map<String, Object> syntax = new LinkedHashMap<>();
    for (String key : SYNTAX) {
      syntax.put(key, args.get(key));
    }
    String rendered;
    try {
      rendered = renderer.render(text, vars, syntax);
    } catch (io.tightbeam.py.PyException e) {
      return e.pythonType() + ": " + e.getMessage();
    } catch (RuntimeException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("failed to parse jinja2 override")) {
        return "AnsibleError: " + e.getMessage();
      }
      return "AnsibleError: template error while templating string: " + e.getMessage();
    }
    Map<String, Object> withNewline = new LinkedHashMap<>(syntax);
    withNewline.put("newline_sequence", args.get("newline_sequence"));
    String newline = io.tightbeam.template.Templar.newlineSequence(text, withNewline);
    if (!newline.equals("\n")) {
      rendered = rendered.replace("\n", newline);
    }
    Map<String, Object> c = new LinkedHashMap<>();
    String given = ScriptRun.str(args.get("output_encoding"));
    String encoding = given == null || given.isEmpty() ? "utf-8" : given; // the action's "or 'utf-8'"
    try {
      Charset charset = Charset.forName(encoding);
      c.put("content", charset.equals(StandardCharsets.UTF_8) ? rendered : rendered.getBytes(charset));
    } catch (IllegalArgumentException e) {
      return "unknown encoding: " + encoding;
    }
    c.put("_original_basename", found.getFileName().toString());
    for (String key : FOR_COPY) {
      if (args.get(key) != null) {
        c.put(key, args.get(key));
      }
    }
    if ("preserve".equals(c.get("mode"))) {
      try {
        c.put("mode", String.format("%04o", (Integer) Files.getAttribute(found, "unix:mode") & 07777));
      } catch (IOException | UnsupportedOperationException e) {
        return "Could not read the mode of " + found + ": " + e.getMessage();
      }
    }
    return copy.checkArgs(c);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void prepareForJob(Map<String, Object> args, TargetContext target) {
    if (copyArgs(args, target) instanceof Map<?, ?> c) {
      copy.prepareForJob((Map<String, Object>) c, target);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    Object c = copyArgs(args, target);
    if (c instanceof Map<?, ?> m) {
      return copy.script((Map<String, Object>) m, target);
    }
    return ScriptRun.script(Map.of("tb_msg", (String) c), target, "tb_fail \"$tb_msg\"\n");
  }

  @Override
  @SuppressWarnings("unchecked")
  public CompletableFuture<Map<String, Object>> run(Map<String, Object> args, TargetContext target) {
    Object c = copyArgs(args, target);
    if (c instanceof Map<?, ?> m) {
      return copy.run((Map<String, Object>) m, target);
    }
    Map<String, Object> failed = new LinkedHashMap<>();
    failed.put("changed", false);
    failed.put("failed", true);
    failed.put("msg", c);
    return CompletableFuture.completedFuture(failed);
  }

  @Override
  public boolean supportsCheckMode() {
    return true;
  }
}
