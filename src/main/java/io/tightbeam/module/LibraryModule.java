package io.tightbeam.module;

import io.tightbeam.connection.Sh;
import io.tightbeam.connection.ExecRequest;
import io.tightbeam.connection.ExecResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A custom module from the {@code library/} folder beside the playbook, run as Ansible runs
 * non-Python modules: copied into a private temp dir on the target with its arguments in a file
 * (JSON for {@code WANT_JSON} and binary modules, {@code key=value} text for old-style ones),
 * started with the interpreter of its shebang, its JSON stdout read as the result, the temp dir
 * removed.
 */
public final class LibraryModule implements RemoteModule {
  private final String name;
  private final Path file;
  /** The interpreter that replaces the shebang's ({@code ansible_python_interpreter}), or null. */
  private final String interpreter;

  public LibraryModule(String name, Path file) {
    this(name, file, null);
  }

  private LibraryModule(String name, Path file, String interpreter) {
    this.name = name;
    this.file = file;
    this.interpreter = interpreter;
  }

  /**
   * The variable that names this module's interpreter, as Ansible's {@code
   * ansible_<basename>_interpreter} ({@code ansible_python_interpreter} for {@code
   * #!/usr/bin/python}); null without a shebang.
   */
  public String interpreterVariable() {
    List<String> shebang = shebang(read());
    if (shebang.isEmpty()) {
      return null;
    }
    String first = shebang.get(0);
    return "ansible_" + first.substring(first.lastIndexOf('/') + 1) + "_interpreter";
  }

  /** The same module started with {@code path} in place of its shebang's interpreter. */
  public LibraryModule withInterpreter(String path) {
    return new LibraryModule(name, file, path == null || path.isBlank() ? null : path.strip());
  }

  /**
   * The module {@code name} in {@code <playbookDir>/library}: a file named exactly so, or with an
   * extension ({@code name.sh}). Empty when there is none.
   */
  public static Optional<RemoteModule> find(String name, Path playbookDir) {
    return findIn(name, List.of(playbookDir.resolve("library")));
  }

  /** The module {@code name} in the first of these module folders that has it. */
  public static Optional<RemoteModule> findIn(String name, List<Path> libraries) {
    String shortName = Modules.shortName(name);
    if (shortName.isEmpty() || shortName.contains("/")) {
      return Optional.empty();
    }
    for (Path library : libraries) {
      Optional<RemoteModule> found = inFolder(shortName, library);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<RemoteModule> inFolder(String shortName, Path library) {
    if (!Files.isDirectory(library)) {
      return Optional.empty();
    }
    Path exact = library.resolve(shortName);
    if (Files.isRegularFile(exact)) {
      return Optional.of(new LibraryModule(shortName, exact));
    }
    try (Stream<Path> files = Files.list(library)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith(shortName + "."))
          .filter(Files::isRegularFile)
          .sorted()
          .findFirst()
          .map(p -> new LibraryModule(shortName, p));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + library, e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  /** The module itself decides: it gets {@code _ansible_check_mode} with its arguments. */
  @Override
  public boolean supportsCheckMode() {
    return true;
  }

  @Override
  public Map<String, Object> checkArgs(Map<String, Object> args) {
    return new LinkedHashMap<>(args);
  }

  @Override
  public CompletableFuture<Map<String, Object>> run(
      Map<String, Object> args, TargetContext target) {
    byte[] module = read();
    String makeDir = "umask 077 && mktemp -d \"${TMPDIR:-/tmp}/tb-lib.XXXXXX\"";
    // put() blocks; the hop to the common pool keeps it off the connection's I/O threads
    return RemoteRun.exec(target, ExecRequest.of(makeDir))
        .thenComposeAsync(
            made -> {
              String dir = made.stdoutText().strip();
              if (made.exitCode() != 0 || dir.isEmpty()) {
                return CompletableFuture.completedFuture(RemoteRun.moduleResult(made));
              }
              String modulePath = dir + "/" + name;
              String argsPath = dir + "/args";
              try {
                target.connection().put(module, modulePath, 0700);
                target.connection().put(argsFile(module, args, target, dir), argsPath, 0600);
              } catch (RuntimeException e) {
                RemoteRun.exec(target, ExecRequest.of("rm -rf " + Sh.quote(dir)));
                throw new CompletionException(e);
              }
              String command =
                  Sh.join(commandLine(module, interpreter, modulePath, argsPath))
                      + "; tb_rc=$?; rm -rf "
                      + Sh.quote(dir)
                      + "; exit $tb_rc";
              return RemoteRun.exec(target, ExecRequest.of(command))
                  .thenApply(LibraryModule::result);
            });
  }

  /**
   * For async jobs the script carries the module and its arguments itself (here-documents), so
   * nothing needs to be transferred before the job starts.
   */
  @Override
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    byte[] module = read();
    String tag = "TB_" + Long.toHexString(ThreadLocalRandom.current().nextLong()).toUpperCase();
    StringBuilder s = new StringBuilder();
    s.append("tb_d=$(umask 077 && mktemp -d \"${TMPDIR:-/tmp}/tb-lib.XXXXXX\") || exit 1\n");
    s.append(writeFile("\"$tb_d\"/" + Sh.quote(name), module, tag));
    s.append("chmod 700 \"$tb_d\"/").append(Sh.quote(name)).append('\n');
    s.append(writeFile("\"$tb_d\"/args", argsFile(module, args, target, null), tag));
    List<String> line = commandLine(module, interpreter, "@M", "@A");
    StringBuilder cmd = new StringBuilder();
    for (String word : line) {
      cmd.append(
          word.equals("@M")
              ? "\"$tb_d\"/" + Sh.quote(name)
              : word.equals("@A") ? "\"$tb_d\"/args" : Sh.quote(word));
      cmd.append(' ');
    }
    s.append(cmd).append("</dev/null\ntb_rc=$?\nrm -rf \"$tb_d\"\nexit $tb_rc\n");
    return new RemoteScript(s.toString());
  }

  private byte[] read() {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read module " + file, e);
    }
  }

  private static Map<String, Object> result(ExecResult done) {
    return RemoteRun.moduleResult(done);
  }

  /**
   * The interpreter from the shebang (when there is one; {@code interpreter} replaces its first
   * word when given), the module, then its args file.
   */
  static List<String> commandLine(byte[] module, String interpreter, String modulePath, String argsPath) {
    List<String> words = new ArrayList<>(shebang(module));
    if (interpreter != null && !words.isEmpty()) {
      words.set(0, interpreter);
    }
    words.add(modulePath);
    words.add(argsPath);
    return words;
  }

  /** The words of the module's {@code #!} line; empty when it has none. */
  private static List<String> shebang(byte[] module) {
    List<String> words = new ArrayList<>();
    if (module.length > 2 && module[0] == '#' && module[1] == '!') {
      String text = new String(module, StandardCharsets.ISO_8859_1);
      int eol = text.indexOf('\n');
      String line = text.substring(2, eol < 0 ? text.length() : eol).strip();
      for (String word : line.split("\\s+")) {
        if (!word.isEmpty()) {
          words.add(word);
        }
      }
    }
    return words;
  }

  /** Ansible's argument file: JSON for WANT_JSON and binary modules, else key=value words. */
  private byte[] argsFile(byte[] module, Map<String, Object> args, TargetContext target, String dir) {
    String text = new String(module, StandardCharsets.ISO_8859_1);
    boolean json = text.contains("WANT_JSON") || !text.startsWith("#!");
    if (!json) {
      StringBuilder s = new StringBuilder();
      for (Map.Entry<String, Object> e : args.entrySet()) {
        s.append(e.getKey()).append('=').append(Sh.quote(String.valueOf(e.getValue()))).append(' ');
      }
      return RemoteRun.utf8(s.toString());
    }
    Map<String, Object> all = new LinkedHashMap<>(args);
    all.put("_ansible_check_mode", target.checkMode());
    all.put("_ansible_diff", target.diff());
    all.put("_ansible_module_name", name);
    all.put("_ansible_no_log", false);
    if (dir != null) {
      all.put("_ansible_tmpdir", dir);
    }
    return RemoteRun.utf8(RemoteRun.json(all));
  }

  /** Sh text writing {@code data} to {@code target}: a quoted here-document, or printf for bytes. */
  private static String writeFile(String target, byte[] data, String tag) {
    String text = asText(data);
    if (text != null && !text.contains(tag)) {
      String body = text.endsWith("\n") ? text : text + "\n";
      return "cat >" + target + " <<'" + tag + "'\n" + body + tag + "\n";
    }
    StringBuilder s = new StringBuilder(": >" + target + "\n");
    for (int i = 0; i < data.length; i += 4096) {
      StringBuilder octal = new StringBuilder();
      for (int j = i; j < Math.min(data.length, i + 4096); j++) {
        octal.append(String.format("\\%03o", data[j] & 0xff));
      }
      s.append("printf '").append(octal).append("' >>").append(target).append('\n');
    }
    return s.toString();
  }

  private static String asText(byte[] data) {
    for (byte b : data) {
      if (b == 0) {
        return null;
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(data)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
