package io.tightbeam.module;

import io.tightbeam.module.OptionSpec.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Ansible's {@code apt_repository} for {@code deb}/{@code deb-src} lines: the controller reads the
 * repo line and picks its file name as Ansible does, {@code apt_repository.sh} edits the sources.
 * PPAs are refused: their signing key comes from Launchpad, which tightbeam does not fetch.
 */
final class AptRepository {
  private AptRepository() {}

  static RemoteModule module() {
    OptionSpec spec = new OptionSpec("apt_repository")
        .required("repo", Type.STR)
        .choice("state", "present", "absent", "present")
        .add("mode", Type.RAW)
        .add(new OptionSpec.Option("update_cache", Type.BOOL, true, List.of(), List.of("update-cache"), false))
        .add("update_cache_retries", Type.INT, 5)
        .add("update_cache_retry_max_delay", Type.INT, 12)
        .add("filename", Type.STR)
        .add("install_python_apt", Type.BOOL, true)
        .add("validate_certs", Type.BOOL, true)
        .add("codename", Type.STR);
    return new SystemModule("apt_repository", spec, AptRepository::rules);
  }

  private static void rules(Map<String, Object> a) {
    String repo = (String) a.get("repo");
    if (repo.isEmpty()) {
      throw new ModuleArgumentException("Please set argument 'repo' to a non-empty value");
    }
    if (repo.startsWith("ppa:")) {
      throw new ModuleArgumentException("ppa: repositories are not supported by tightbeam (their signing key comes"
          + " from Launchpad): use the deb line and apt_key or a keyring file");
    }
    String source = source(repo);
    a.put("source", source);
    a.put("dest", a.get("filename") != null ? a.get("filename") + ".list" : suggestedFile(source));
    a.put("mode", a.get("mode") == null ? null : OptionSpec.mode(a.get("mode")));
  }

  /** The repo line as Ansible's SourcesList reads it: an enabled deb or deb-src line, words single spaced. */
  static String source(String repo) {
    String line = repo.strip();
    boolean enabled = !line.startsWith("#");
    if (!enabled) {
      line = line.substring(1);
    }
    int hash = line.indexOf('#');
    if (hash > 0) {
      line = line.substring(0, hash);
    }
    String[] words = line.strip().split("\\s+");
    if (!enabled || !(words[0].equals("deb") || words[0].equals("deb-src"))) {
      throw new ModuleArgumentException("Invalid repository string: " + line);
    }
    return String.join(" ", words);
  }

  /** Ansible's file name for a source: its host and path, without scheme or credentials, as words joined by _. */
  static String suggestedFile(String source) {
    String line = source.replaceAll("\\[[^\\]]+\\]", "").replaceAll("\\w+://", "");
    List<String> parts = Arrays.stream(line.strip().split("\\s+"))
        .filter(p -> !p.equals("deb") && !p.equals("deb-src")).toList();
    String first = parts.get(0);
    if (first.contains("@")) {
      first = first.substring(first.indexOf('@') + 1);
    }
    return String.join("_", first.replaceAll("[^a-zA-Z0-9]", " ").strip().split("\\s+")) + ".list";
  }
}
