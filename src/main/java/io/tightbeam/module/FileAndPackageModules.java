package io.tightbeam.module;

import io.tightbeam.vault.VaultSecret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The file and package modules ({@code copy}, {@code file}, {@code stat}, {@code lineinfile},
 * {@code wait_for}, {@code apt}, {@code yum}, {@code dnf}, {@code package}, {@code service},
 * {@code systemd}) by short name, for the registry to merge into {@link Modules#builtin()}, and
 * {@code template}, which needs the controller's renderer.
 */
public final class FileAndPackageModules {
  /**
   * The argument under which the executor passes the task's variables to {@code template} (a
   * {@code Map<String, Object>}); the module removes it before checking the other arguments.
   */
  public static final String TEMPLATE_VARS = TemplateModule.TASK_VARS;

  private FileAndPackageModules() {}

  /** Short name to module; a new map on every call. Modules are stateless and thread-safe. */
  public static Map<String, RemoteModule> all() {
    Map<String, RemoteModule> all = new LinkedHashMap<>();
    all.put("stat", new StatModule());
    all.put("copy", new CopyModule());
    all.put("file", new FileModule());
    all.put("lineinfile", new LineInFileModule());
    all.put("wait_for", new WaitForModule());
    all.put("apt", PackageModule.apt());
    all.put("yum", PackageModule.yum("yum"));
    all.put("dnf", PackageModule.yum("dnf"));
    all.put("package", PackageModule.generic());
    all.put("service", ServiceModule.service());
    all.put("systemd", ServiceModule.systemd());
    all.put("systemd_service", ServiceModule.systemd());
    return all;
  }

  /** Renders a template file's text on the controller, with Jinja2's block whitespace control. */
  @FunctionalInterface
  public interface Renderer {
    /** {@code options}: trim_blocks, lstrip_blocks and the marker strings, as template takes them. */
    String render(String text, Map<String, Object> vars, Map<String, Object> options);
  }

  /** {@code copy} and {@code template} that decrypt vaulted sources on the controller with {@code secrets}. */
  public static Map<String, RemoteModule> withVault(Renderer renderer, List<VaultSecret> secrets) {
    return Map.of("copy", new CopyModule(secrets), "template", new TemplateModule(renderer, secrets));
  }

  /**
   * The {@code template} module: {@code renderer} renders on the controller ({@code vars} = the
   * map under {@link #TEMPLATE_VARS} plus Ansible's {@code template_*} variables, and the task's
   * syntax options: {@code trim_blocks}, {@code lstrip_blocks}, the markers), then {@code copy}
   * delivers the text.
   */
  public static RemoteModule template(Renderer renderer) {
    return new TemplateModule(renderer);
  }

  /** As {@link #template(Renderer)}, for a renderer without whitespace control (tests). */
  public static RemoteModule template(BiFunction<String, Map<String, Object>, String> renderer) {
    return new TemplateModule((text, vars, options) -> renderer.apply(text, vars));
  }
}
