package io.tightbeam.inventory;

import io.tightbeam.vault.VaultException;
import io.tightbeam.vault.VaultSecret;
import io.tightbeam.vault.VaultText;
import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import io.tightbeam.yaml.Pos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads {@code group_vars/<group>} and {@code host_vars/<host>} beside an inventory or playbook, as
 * Ansible's host_group_vars plugin does: the first of {@code <name>}, {@code <name>.yml}, {@code
 * .yaml}, {@code .json} wins; when it is a directory, its files (sorted, recursively, no hidden or
 * {@code ~} files, extension empty or one of those) are merged in order. Results are cached;
 * thread-safe.
 */
final class VarsFiles {
  private static final List<String> EXTENSIONS = List.of("", ".yml", ".yaml", ".json");

  private final Map<Path, Map<String, Object>> cache = new ConcurrentHashMap<>();
  private final List<VaultSecret> secrets;

  VarsFiles(List<VaultSecret> secrets) {
    this.secrets = List.copyOf(secrets);
  }

  /** The vars of {@code name} in {@code base/<kind>} ({@code kind} is group_vars or host_vars). */
  Map<String, Object> load(Path base, String kind, String name) {
    Path dir = base.resolve(kind);
    if (!Files.isDirectory(dir) || name.contains("/") || name.contains("\0")) {
      return Map.of();
    }
    Map<String, Object> merged = new LinkedHashMap<>();
    for (Path file : find(dir, name)) {
      merged.putAll(cache.computeIfAbsent(file, this::read));
    }
    return merged;
  }

  private static List<Path> find(Path dir, String name) {
    for (String ext : EXTENSIONS) {
      Path candidate = dir.resolve(name + ext);
      if (Files.isDirectory(candidate)) {
        return filesIn(candidate);
      }
      if (Files.exists(candidate)) {
        return List.of(candidate);
      }
    }
    return List.of();
  }

  private static List<Path> filesIn(Path dir) {
    List<Path> found = new ArrayList<>();
    List<Path> entries;
    try (Stream<Path> list = Files.list(dir)) {
      entries = list.sorted().collect(Collectors.toList());
    } catch (VaultException e) {
      throw new InputException(List.of(new Diagnostic(e.getMessage(), "", null)), 1);
    } catch (IOException e) {
      throw new InputException(
          List.of(Diagnostic.at(Pos.unknown(dir.toString()), "Unable to read " + dir + ": " + e)),
          1);
    }
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      if (name.startsWith(".") || name.endsWith("~")) {
        continue;
      }
      int dot = name.lastIndexOf('.');
      String ext = dot > 0 ? name.substring(dot) : "";
      if (Files.isDirectory(entry) && ext.isEmpty()) {
        found.addAll(filesIn(entry));
      } else if (Files.isRegularFile(entry) && EXTENSIONS.contains(ext)) {
        found.add(entry);
      }
    }
    return found;
  }

  private Map<String, Object> read(Path file) {
    Object data;
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      data = YamlText.load(VaultText.isEncrypted(text) ? open(file, text) : text, secrets);
    } catch (IOException e) {
      throw new InputException(
          List.of(Diagnostic.at(Pos.unknown(file.toString()), "Unable to read " + file + ": " + e)),
          1);
    } catch (RuntimeException e) {
      Pos pos = Pos.unknown(file.toString());
      if (e instanceof MarkedYAMLException && ((MarkedYAMLException) e).getProblemMark() != null) {
        Mark mark = ((MarkedYAMLException) e).getProblemMark();
        pos = new Pos(file.toString(), mark.getLine() + 1, mark.getColumn() + 1);
      }
      throw new InputException(
          Diagnostic.at(pos, "Syntax Error while loading YAML.\n" + YamlText.describe(e, file.toString())));
    }
    if (data == null) {
      return Map.of();
    }
    if (!(data instanceof Map)) {
      throw new InputException(
          List.of(
              Diagnostic.at(
                  Pos.unknown(file.toString()),
                  "failed to combine variables, expected dicts but got a 'dict' and a '"
                      + PythonType.of(data).replace("<class '", "").replace("'>", "")
                      + "' from " + file)),
          1);
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    ((Map<?, ?>) data).forEach((k, v) -> vars.put(String.valueOf(k), v));
    return vars;
  }

  private String open(Path file, String text) {
    return VaultText.decrypt(text, secrets, file.toString()).text();
  }
}
