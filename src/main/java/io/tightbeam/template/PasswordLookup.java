package io.tightbeam.template;

import io.tightbeam.py.Py;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The password lookup: a random password kept in a file on the controller (created 0600 in a
 * 0700 directory) and read back on later runs; {@code /dev/null} keeps nothing. With
 * {@code encrypt} the file also keeps the salt and the password_hash filter hashes it.
 */
final class PasswordLookup {
  private PasswordLookup() {}

  private static final Set<String> PARAMS = Set.of("length", "encrypt", "chars", "ident", "seed");
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String DIGITS = "0123456789";
  private static final Map<String, String> CHAR_SETS = Map.of(
      "ascii_letters", LETTERS,
      "ascii_lowercase", LETTERS.substring(0, 26),
      "ascii_uppercase", LETTERS.substring(26),
      "digits", DIGITS,
      "hexdigits", DIGITS + "abcdefABCDEF",
      "octdigits", "01234567",
      "punctuation", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
      "whitespace", " \t\n\r\u000b\f",
      "printable", DIGITS + LETTERS + "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\u000b\f");
  /** Salt sizes and implicit idents of the hash schemes Ansible knows. */
  private static final Map<String, Integer> SALT_SIZE =
      Map.of("md5_crypt", 8, "bcrypt", 22, "sha256_crypt", 16, "sha512_crypt", 16);
  private static final SecureRandom RANDOM = new SecureRandom();
  /** One writer per password file at a time within this process (forks run in parallel). */
  private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

  static void register(Catalogue c) {
    c.lookup("password", PasswordLookup::run);
  }

  private static List<Object> run(List<Object> terms, Map<String, Object> options, Env env) {
    List<Object> out = new ArrayList<>();
    for (Object term : terms) {
      Map<String, Object> params = new LinkedHashMap<>(options);
      String relpath = parse(Py.str(term), params);
      Path path = FileSearch.basedir(env).resolve(FileSearch.expandUser(relpath)).normalize();
      synchronized (LOCKS.computeIfAbsent(path, p -> new Object())) {
        out.add(password(path, params, env));
      }
    }
    return out;
  }

  /** Splits a term into the file's path and its {@code key=value} parameters (into params). */
  private static String parse(String term, Map<String, Object> params) {
    int space = term.indexOf(' ');
    if (space < 0) {
      return term;
    }
    String relpath = term.substring(0, space);
    TermOptions kv = TermOptions.parse(term.substring(space + 1));
    if (!kv.free().isEmpty()) {
      relpath = relpath + " " + kv.freeText();
      if (!term.startsWith(relpath)) {
        throw new TemplateException(
            "Unrecognized value after key=value parameters given to password lookup");
      }
    }
    List<String> unknown = new ArrayList<>(kv.options().keySet());
    unknown.removeAll(PARAMS);
    if (!unknown.isEmpty()) {
      throw new TemplateException("Unrecognized parameter(s) given to password lookup: "
          + String.join(", ", unknown));
    }
    params.putAll(kv.options());
    return relpath;
  }

  private static String password(Path path, Map<String, Object> params, Env env) {
    boolean devNull = path.toString().equals("/dev/null");
    String encrypt = params.get("encrypt") == null || Py.str(params.get("encrypt")).isEmpty()
        ? null : Py.str(params.get("encrypt"));
    String ident = params.get("ident") == null ? null : Py.str(params.get("ident"));
    String content = devNull || !Files.exists(path) ? null : FileLookups.stripEnd(
        FileLookups.read(path));
    String plain;
    String salt = null;
    String storedIdent = null;
    boolean changed = false;
    if (content == null) {
      plain = generate(length(params), chars(params.get("chars")), params.get("seed"));
      changed = true;
    } else {
      int at = content.lastIndexOf(" salt=");
      plain = at < 0 ? content : content.substring(0, at);
      if (at >= 0) {
        String rest = content.substring(at + 6);
        int id = rest.lastIndexOf(" ident=");
        salt = id < 0 ? rest : rest.substring(0, id);
        storedIdent = id < 0 ? null : rest.substring(id + 7);
      }
    }
    if (encrypt != null && (salt == null || salt.isEmpty())) {
      changed = true;
      salt = generate(SALT_SIZE.getOrDefault(encrypt, 8), LETTERS + DIGITS + "./", null);
    }
    if (encrypt != null && ident == null) {
      ident = storedIdent != null ? storedIdent : encrypt.equals("bcrypt") ? "2b" : null;
      changed |= ident != null && storedIdent == null;
    }
    if (changed && !devNull) {
      String text = encrypt == null && salt == null ? plain
          : plain + " salt=" + salt + (ident != null ? " ident=" + ident : "");
      write(path, text + "\n");
    }
    if (encrypt == null) {
      return plain;
    }
    Map<String, Object> named = new LinkedHashMap<>();
    named.put("ident", ident);
    return Py.str(env.filter("password_hash", plain, new Args(new Object[] {encrypt, salt},
        named)));
  }

  private static int length(Map<String, Object> params) {
    Object v = params.getOrDefault("length", 20);
    if (Py.isInt(v)) {
      return Py.toBigInteger(v).intValueExact();
    }
    String text = Py.str(v).strip();
    if (!text.matches("[+-]?\\d+(_\\d+)*")) {
      throw PluginError.of("ValueError", "invalid literal for int() with base 10: "
          + Py.repr(Py.str(v)));
    }
    return new BigInteger(text.replace("_", "")).intValueExact();
  }

  /** The candidate characters: named sets of Python's string module or literal text. */
  private static String chars(Object spec) {
    List<String> specs = new ArrayList<>();
    if (spec == null) {
      specs.addAll(List.of("ascii_letters", "digits", ".,:-_"));
    } else if (spec instanceof List<?> l) {
      l.forEach(s -> specs.add(Py.str(s)));
    } else {
      String s = Py.str(spec);
      if (s.contains(",,")) {
        specs.add(",");
      }
      for (String part : s.replace(",,", ",").split(",")) {
        if (!part.isEmpty()) {
          specs.add(part);
        }
      }
    }
    StringBuilder out = new StringBuilder();
    specs.forEach(s -> out.append(CHAR_SETS.getOrDefault(s, s)));
    return out.toString().replace("\"", "").replace("'", "");
  }

  private static String generate(int length, String chars, Object seed) {
    StringBuilder out = new StringBuilder();
    int[] points = chars.codePoints().toArray();
    if (points.length == 0) {
      throw new TemplateException("Cannot choose from an empty sequence");
    }
    // the seed option is a string, so seed=7 seeds as '7' does
    PythonRandom seeded = seed == null ? null : new PythonRandom(Py.str(seed));
    for (int i = 0; i < length; i++) {
      int pick = seeded != null ? seeded.below(points.length) : RANDOM.nextInt(points.length);
      out.appendCodePoint(points[pick]);
    }
    return out.toString();
  }

  private static void write(Path path, String text) {
    try {
      Path dir = path.toAbsolutePath().getParent();
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------")));
      }
      if (!Files.exists(path)) {
        Files.createFile(path, PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------")));
      }
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
      Files.write(path, text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException ex) {
      throw new TemplateException("could not write password file " + path + ": "
          + ex.getMessage(), ex);
    }
  }
}
