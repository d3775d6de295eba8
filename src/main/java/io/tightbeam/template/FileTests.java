package io.tightbeam.template;

import io.tightbeam.py.Py;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;
import java.util.function.Predicate;

/** Ansible's file tests, asked of the controller's file system as Python's os.path does. */
final class FileTests {
  private FileTests() {}

  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  static void register(Catalogue c) {
    path(c, STAT, Files::isDirectory, "directory", "is_dir");
    path(c, STAT, Files::isRegularFile, "file", "is_file");
    path(c, LSTAT, Files::isSymbolicLink, "link", "is_link");
    path(c, STAT, Files::exists, "exists");
    path(c, LSTAT, p -> Files.exists(p, NOFOLLOW), "link_exists");
    path(c, ABSPATH, Path::isAbsolute, "abs", "is_abs");
    path(c, LSTAT, FileTests::isMount, "mount", "is_mount");
    Catalogue.TestBody same = (v, a, e) -> {
      pathOf(v, STAT);
      return sameFile(Py.str(v), Py.str(a.get(0, "f2", null)));
    };
    c.test("same_file", true, same);
    c.test("is_same_file", true, same);
  }

  // Python's TypeError for a value os.stat, os.lstat or os.path.isabs cannot take: an undefined
  // value is an AnsibleUndefined there, which Ansible then reports as an undefined variable.
  private static final String STAT = "stat: path should be string, bytes, os.PathLike or integer, not ";
  private static final String LSTAT = "lstat: path should be string, bytes or os.PathLike, not ";
  private static final String ABSPATH = "expected str, bytes or os.PathLike object, not ";

  private static void path(Catalogue c, String typeError, Predicate<Path> test, String... names) {
    Catalogue.TestBody body = (v, a, e) -> {
      Path p = pathOf(v, typeError);
      return p != null && test.test(p);
    };
    for (String name : names) {
      c.test(name, true, body);
    }
  }

  /** The path a value names, or null when Python would find no such file (empty, NUL byte). */
  private static Path pathOf(Object value, String typeError) {
    if (value instanceof Undefined) {
      throw new io.tightbeam.py.PyException(typeError + "AnsibleUndefined");
    }
    if (value instanceof Number && typeError.equals(STAT)) {
      return null; // a file descriptor number: none is open to a template
    }
    if (!(value instanceof CharSequence)) {
      throw new io.tightbeam.py.PyException(typeError + Py.typeName(value));
    }
    String s = value.toString();
    if (s.isEmpty() || s.indexOf('\0') >= 0) { // Python finds no file named ''
      return null;
    }
    return Paths.get(s);
  }

  /** A mount point: a directory on another device than its parent, or the root. */
  private static boolean isMount(Path p) {
    try {
      if (Files.isSymbolicLink(p) || !Files.exists(p)) {
        return false;
      }
      Path parent = p.toAbsolutePath().resolve("..").normalize();
      Object dev = Files.getAttribute(p, "unix:dev", NOFOLLOW);
      Object ino = Files.getAttribute(p, "unix:ino", NOFOLLOW);
      return !Objects.equals(dev, Files.getAttribute(parent, "unix:dev"))
          || Objects.equals(ino, Files.getAttribute(parent, "unix:ino"));
    } catch (IOException | UnsupportedOperationException ex) {
      return false;
    }
  }

  private static boolean sameFile(String a, String b) {
    for (String s : new String[] {a, b}) {
      if (!Files.exists(Paths.get(s))) {
        throw new TemplateException("[Errno 2] No such file or directory: " + Py.repr(s));
      }
    }
    try {
      return Files.isSameFile(Paths.get(a), Paths.get(b));
    } catch (IOException ex) {
      throw new TemplateException(ex.toString(), ex);
    }
  }
}
