package io.tightbeam.module;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The file and package modules ({@code copy}, {@code file}, {@code stat}, {@code lineinfile},
 * {@code wait_for}, {@code apt}, {@code yum}, {@code dnf}, {@code package}, {@code service},
 * {@code systemd}) by short name, for the registry to merge into {@link Modules#builtin()}.
 */
public final class FileAndPackageModules {
  private FileAndPackageModules() {}

  /** Short name to module; a new map on every call. */
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
}
