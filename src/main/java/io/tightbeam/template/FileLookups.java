package io.tightbeam.template;

import io.tightbeam.py.Py;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The lookups that read the controller: env, file, pipe, lines and fileglob. */
final class FileLookups {
  private FileLookups() {}

  static void register(Catalogue c) {
    c.lookup("env", FileLookups::env);
    c.lookup("file", FileLookups::file);
    c.lookup("pipe", (terms, o, e) -> {
      List<Object> out = new ArrayList<>();
      for (Object term : terms) {
        out.add(stripEnd(run("pipe", Py.str(term), e)));
      }
      return out;
    });
    c.lookup("lines", (terms, o, e) -> {
      List<Object> out = new ArrayList<>();
      for (Object term : terms) {
        out.addAll(splitLines(run("lines", Py.str(term), e)));
      }
      return out;
    });
    c.lookup("fileglob", FileLookups::fileglob);
    c.lookup("unvault", FileLookups::unvault);
  }

  private static List<Object> env(List<Object> terms, Map<String, Object> options, Env env) {
    Object fallback = options.containsKey("default") ? options.get("default") : "";
    List<Object> out = new ArrayList<>();
    for (Object term : terms) {
      String[] words = Py.str(term).strip().split("\\s+");
      if (words[0].isEmpty()) {
        throw PluginError.of(PluginError.INDEX_ERROR, "list index out of range");
      }
      String value = System.getenv(words[0]);
      if (value == null && fallback instanceof Undefined) {
        throw PluginError.of(PluginError.UNDEFINED, "The \"env\" lookup, found an undefined variable: " + words[0]);
      }
      out.add(value != null ? value : fallback);
    }
    return out;
  }

  private static List<Object> file(List<Object> terms, Map<String, Object> options, Env env) {
    boolean lstrip = FileSearch.flag(options, "lstrip", false);
    boolean rstrip = FileSearch.flag(options, "rstrip", true);
    List<Object> out = new ArrayList<>();
    for (Object term : terms) {
      String name = Py.str(term);
      Path p = FileSearch.findOrWarn(env, "files", name);
      if (p == null || Files.isDirectory(p)) {
        throw new TemplateException("could not locate file in lookup: " + name);
      }
      String text = readable(p, env);
      if (lstrip) {
        text = stripStart(text);
      }
      if (rstrip) {
        text = stripEnd(text);
      }
      out.add(text);
    }
    return out;
  }

  /** The unvault lookup: a file from the files search path, opened if vaulted. */
  private static List<Object> unvault(List<Object> terms, Map<String, Object> options, Env env) {
    List<Object> out = new ArrayList<>();
    for (Object term : terms) {
      String name = Py.str(term);
      Path p = FileSearch.find(env, "files", name);
      if (p == null || Files.isDirectory(p)) {
        throw PluginError.of("ansible.errors.AnsibleParserError", "Unable to find file matching \"" + name + "\" ");
      }
      out.add(readable(p, env));
    }
    return out;
  }

  /** A file's text; a vaulted one is opened with the run's secrets, as Ansible's loader does. */
  static String readable(Path p, Env env) {
    try {
      return new String(io.tightbeam.vault.VaultText.readable(p.toString(), Files.readAllBytes(p),
          env.vaultSecrets()), StandardCharsets.UTF_8);
    } catch (IOException ex) {
      throw new TemplateException("could not read " + p + ": " + ex.getMessage(), ex);
    } catch (io.tightbeam.vault.VaultException ex) {
      throw PluginError.of("ansible.errors.AnsibleVaultError", ex.getMessage());
    }
  }

  static String read(Path p) {
    try {
      return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    } catch (IOException ex) {
      throw new TemplateException("could not read " + p + ": " + ex.getMessage(), ex);
    }
  }

  /** Runs {@code command} with /bin/sh in the playbook's directory; its stdout as UTF-8. */
  private static String run(String plugin, String command, Env env) {
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command)
        .directory(FileSearch.basedir(env).toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      int rc = p.waitFor();
      if (rc != 0) {
        throw new TemplateException("lookup_plugin." + plugin + "(" + command + ") returned " + rc);
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException ex) {
      throw new TemplateException("lookup_plugin." + plugin + "(" + command + ") could not run: "
          + ex.getMessage(), ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new TemplateException("lookup_plugin." + plugin + "(" + command + ") interrupted", ex);
    }
  }

  /** Python's str.splitlines() for the separators a command's output holds. */
  static List<String> splitLines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '\n' || ch == '\r') {
        out.add(text.substring(start, i));
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < text.length()) {
      out.add(text.substring(start));
    }
    return out;
  }

  /** Python's str.rstrip(): whitespace by Python's definition. */
  static String stripEnd(String s) {
    int end = s.length();
    while (end > 0 && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  static String stripStart(String s) {
    int start = 0;
    while (start < s.length() && isSpace(s.charAt(start))) {
      start++;
    }
    return s.substring(start);
  }

  private static boolean isSpace(char ch) {
    return Character.isWhitespace(ch) || Character.isSpaceChar(ch) || (ch >= 0x1c && ch <= 0x1f)
        || ch == 0x85;
  }

  private static List<Object> fileglob(List<Object> terms, Map<String, Object> o, Env env) {
    List<Object> out = new ArrayList<>();
    for (Object t : terms) {
      String term = Py.str(t);
      Path termPath = Paths.get(term);
      String pattern = termPath.getFileName() == null ? "" : termPath.getFileName().toString();
      List<Path> dirs = new ArrayList<>();
      if (!pattern.equals(term)) {
        String parent = term.substring(0, term.length() - pattern.length());
        Path found = FileSearch.find(env, "files", parent.isEmpty() ? "/" : parent);
        if (found == null) {
          env.warn("Unable to find '" + stripSlash(parent)
              + "' in expected paths (use -vvvvv to see paths)");
        } else {
          dirs.add(found);
        }
      } else {
        for (Path p : env.searchPath("")) {
          dirs.add(p.resolve("files"));
          dirs.add(p);
        }
      }
      for (Path dir : dirs) {
        List<Object> matched = glob(dir, pattern);
        if (!matched.isEmpty()) {
          out.addAll(matched);
          break;
        }
      }
    }
    return out;
  }

  private static String stripSlash(String s) {
    return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** Regular files in {@code dir} whose names match a shell pattern, in directory order (as glob). */
  private static List<Object> glob(Path dir, String pattern) {
    List<Object> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    boolean hidden = pattern.startsWith(".");
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, pattern)) {
      for (Path p : files) {
        String name = p.getFileName().toString();
        if ((hidden || !name.startsWith(".")) && Files.isRegularFile(p)) {
          out.add(p.toString());
        }
      }
    } catch (IOException | RuntimeException ex) {
      return out;
    }
    return out;
  }
}
