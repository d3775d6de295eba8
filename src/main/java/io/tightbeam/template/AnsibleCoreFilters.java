package io.tightbeam.template;

import io.tightbeam.py.Py;
import io.tightbeam.py.PyException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's core filters that are not about collections: bool, quote, b64encode/b64decode,
 * ternary, type_debug, mandatory, comment, random, shuffle, to_uuid, hash and password_hash.
 */
final class AnsibleCoreFilters {
  private static final Pattern SHELL_SAFE = Pattern.compile("[\\w@%+=:,./-]+");
  private static final Pattern UNDEFINED_NAME =
      Pattern.compile("'(.*)' is undefined|.* has no attribute '(.*)'", Pattern.DOTALL);
  private static final UUID ANSIBLE_NAMESPACE =
      UUID.fromString("361E6D51-FAEC-444A-9079-341386DA8E2E");

  private AnsibleCoreFilters() {}

  static void register(Catalogue c) {
    c.filter("bool", (v, a, e) -> v == null ? null : Items.ansibleBool(v));
    c.filter("quote", (v, a, e) -> quote(v == null ? "" : Items.str(v)));
    c.filter("b64encode", (v, a, e) -> Base64.getEncoder().encodeToString(encode(Items.str(v), a)));
    c.filter("b64decode", (v, a, e) -> {
      // Python drops characters outside the alphabet, then insists on the padding.
      String text = Items.str(v).replaceAll("[^A-Za-z0-9+/=]", "");
      if (text.length() % 4 != 0) {
        throw PyException.valueError("Incorrect padding");
      }
      try {
        return new String(Base64.getDecoder().decode(text), charset(a));
      } catch (IllegalArgumentException ex) {
        throw PyException.valueError("Incorrect padding");
      }
    });
    c.filter("ternary", (v, a, e) -> {
      Object none = a.get(2, "none_val", null);
      if (v == null && none != null) {
        return none;
      }
      return Items.truth(v) ? a.get(0, "true_val", null) : a.get(1, "false_val", null);
    });
    c.filter("type_debug", true, (v, a, e) -> v instanceof Undefined ? "AnsibleUndefined" : e.typeName(v));
    c.filter("mandatory", true, (v, a, e) -> {
      if (v instanceof Undefined u) {
        Object msg = a.get(0, "msg", null);
        if (msg != null) {
          throw new TemplateException(Items.str(msg));
        }
        Matcher m = UNDEFINED_NAME.matcher(u.message());
        String name = !m.matches() ? "" : "'" + (m.group(1) != null ? m.group(1) : m.group(2)) + "' ";
        throw new TemplateException("Mandatory variable " + name + " not defined.");
      }
      return v;
    });
    c.filter("comment", AnsibleCoreFilters::comment);
    c.filter("random", AnsibleCoreFilters::random);
    c.filter("shuffle", (v, a, e) -> {
      List<Object> items;
      try {
        items = Items.list(v);
      } catch (PyException ex) {
        return v;
      }
      Object seed = a.get(0, "seed", null);
      new PyRandom(Items.truth(seed) ? seed : Crypt.salt(32)).shuffle(items);
      return items;
    });
    c.filter("to_uuid", (v, a, e) -> {
      Object ns = a.get(0, "namespace", null);
      return uuid5(ns == null ? ANSIBLE_NAMESPACE : namespace(ns), Items.str(v));
    });
    c.filter("hash", (v, a, e) -> hash(Items.str(v), Items.str(a.get(0, "hashtype", "sha1"))));
    c.filter("checksum", (v, a, e) -> hash(Items.str(v), "sha1"));
    c.filter("sha1", (v, a, e) -> hash(Items.str(v), "sha1"));
    c.filter("md5", (v, a, e) -> hash(Items.str(v), "md5"));
    c.filter("password_hash", AnsibleCoreFilters::passwordHash);
  }

  /** to_uuid's namespace as Python's uuid.UUID(text) reads it, failing in Ansible's words. */
  private static UUID namespace(Object ns) {
    String problem;
    if (ns instanceof String text) {
      String hex = text.replace("urn:", "").replace("uuid:", "").replaceAll("^[{}]+|[{}]+$", "")
          .replace("-", "");
      if (hex.length() != 32) {
        problem = "badly formed hexadecimal UUID string";
      } else if (!hex.matches("[0-9a-fA-F]+")) {
        problem = "invalid literal for int() with base 16: " + Py.repr(hex);
      } else {
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
            Long.parseUnsignedLong(hex.substring(16), 16));
      }
    } else {
      problem = "'" + Py.typeName(ns) + "' object has no attribute 'replace'";
    }
    throw new TemplateException("Invalid value '" + Py.str(ns) + "' for 'namespace': " + problem);
  }

  /** Python's str.encode: its utf-16 writes a little-endian BOM and little-endian units. */
  private static byte[] encode(String s, Args a) {
    String name = Items.str(a.get(0, "encoding", "utf-8")).toLowerCase(Locale.ROOT).replace("_", "-");
    if (name.equals("utf-16") || name.equals("utf16")) {
      byte[] body = s.getBytes(StandardCharsets.UTF_16LE);
      byte[] out = new byte[body.length + 2];
      out[0] = (byte) 0xff;
      out[1] = (byte) 0xfe;
      System.arraycopy(body, 0, out, 2, body.length);
      return out;
    }
    return s.getBytes(charset(a));
  }

  private static java.nio.charset.Charset charset(Args a) {
    return codec(Items.str(a.get(0, "encoding", "utf-8")));
  }

  /** Python's shlex.quote. */
  static String quote(String s) {
    if (s.isEmpty()) {
      return "''";
    }
    if (SHELL_SAFE.matcher(s).matches()) {
      return s;
    }
    return "'" + s.replace("'", "'\"'\"'") + "'";
  }

  private static Object random(Object v, Args a, Env e) {
    Object start = a.get(0, "start", null);
    Object step = a.get(1, "step", null);
    Object seed = a.get(2, "seed", null);
    PyRandom r = new PyRandom(seed == null ? Crypt.salt(32) : seed);
    if (Py.isInt(v)) {
      long from = Items.truth(start) ? Items.integer(start) : 0;
      long by = Items.truth(step) ? Items.integer(step) : 1;
      return Py.normalNumber(r.randrange(from, ((Number) v).longValue(), by));
    }
    if (v instanceof Map<?, ?> m) {
      // Python's choice indexes the dict with an int: a KeyError unless it has such keys.
      throw new PyException("KeyError: " + (m.isEmpty() ? "Cannot choose from an empty sequence"
          : "0"));
    }
    if (v instanceof List || v instanceof String) {
      if (Items.truth(start) || Items.truth(step)) {
        throw new TemplateException("start and step can only be used with integer values");
      }
      List<Object> items = Items.list(v);
      if (items.isEmpty()) {
        throw new PyException("Cannot choose from an empty sequence");
      }
      return items.get((int) r.below(items.size()));
    }
    throw new TemplateException("random can only be used on sequences and integers");
  }

  private static Object comment(Object v, Args a, Env e) {
    if (!(v instanceof String text)) {
      throw new PyException("'" + Py.typeName(v) + "' object has no attribute 'replace'");
    }
    String style = Items.str(a.get(0, "style", "plain"));
    String decoration = switch (style) {
      case "plain" -> "# ";
      case "erlang" -> "% ";
      case "c" -> "// ";
      case "cblock" -> " * ";
      case "xml" -> " - ";
      default -> throw new PyException("KeyError: " + Py.repr(style));
    };
    Map<String, Object> kw = a.named();
    String edge = kw.containsKey("decoration") ? Items.str(kw.get("decoration")) : decoration;
    String newline = option(kw, "newline", "\n");
    String beginning = option(kw, "beginning",
        style.equals("cblock") ? "/*" : style.equals("xml") ? "<!--" : "");
    String prefix = option(kw, "prefix", edge.stripTrailing());
    String postfix = option(kw, "postfix", edge.stripTrailing());
    String deco = option(kw, "decoration", decoration);
    String end = option(kw, "end", style.equals("cblock") ? " */" : style.equals("xml") ? "-->" : "");
    int prefixCount = Items.integer(kw.getOrDefault("prefix_count", 1));
    int postfixCount = Items.integer(kw.getOrDefault("postfix_count", 1));
    StringBuilder out = new StringBuilder();
    if (!beginning.isEmpty()) {
      out.append(beginning).append(newline);
    }
    if (!prefix.isEmpty()) {
      out.append((prefix.equals(newline) ? newline : prefix + newline).repeat(Math.max(0, prefixCount)));
    }
    out.append((deco + text.replace(newline, newline + deco))
        .replace(deco + newline, deco.stripTrailing() + newline));
    for (int i = 0; i < postfixCount; i++) {
      out.append(newline).append(postfix);
    }
    if (!end.isEmpty()) {
      out.append(newline).append(end);
    }
    return out.toString();
  }

  private static String option(Map<String, Object> kw, String name, String fallback) {
    return kw.containsKey(name) ? Items.str(kw.get(name)) : fallback;
  }

  private static String uuid5(UUID namespace, String name) {
    MessageDigest sha1 = Crypt.digest("SHA-1");
    ByteBuffer ns = ByteBuffer.allocate(16);
    ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
    sha1.update(ns.array());
    sha1.update(name.getBytes(StandardCharsets.UTF_8));
    byte[] h = sha1.digest();
    h[6] = (byte) ((h[6] & 0x0f) | 0x50);
    h[8] = (byte) ((h[8] & 0x3f) | 0x80);
    ByteBuffer bb = ByteBuffer.wrap(h, 0, 16);
    return new UUID(bb.getLong(), bb.getLong()).toString();
  }

  static String hash(String s, String type) {
    String algorithm = switch (type.toLowerCase(Locale.ROOT)) {
      case "sha1" -> "SHA-1";
      case "md5" -> "MD5";
      case "sha224" -> "SHA-224";
      case "sha256" -> "SHA-256";
      case "sha384" -> "SHA-384";
      case "sha512" -> "SHA-512";
      case "sha3_256" -> "SHA3-256";
      case "sha3_512" -> "SHA3-512";
      default -> throw new TemplateException("unsupported hash type " + type);
    };
    return HexFormat.of().formatHex(Crypt.digest(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  /** The given salt or a random one, refused as passlib refuses an oversized one. */
  private static String checkedSalt(Object salt, Object saltSize, int max, String scheme) {
    int size = saltSize == null ? max : Items.integer(saltSize);
    if (size > max) {
      throw hashError("Could not hash the secret.. " + scheme + ": salt_size (" + size
          + ") above max_salt_size (" + max + ")");
    }
    if (salt == null) {
      return Crypt.salt(size);
    }
    String s = Items.str(salt);
    if (s.length() > max) {
      throw hashError("Could not hash the secret.. salt too large (" + scheme
          + " requires <= " + max + " chars)");
    }
    return s;
  }

  private static Object passwordHash(Object v, Args a, Env e) {
    String password = Items.str(v);
    String type = Items.str(a.get(0, "hashtype", "sha512"));
    Object salt = a.get(1, "salt", null);
    Object saltSize = a.get(2, "salt_size", null);
    Object rounds = a.get(3, "rounds", null);
    switch (type) {
      case "sha512", "sha512_crypt", "sha256", "sha256_crypt" -> {
        boolean sha512 = type.startsWith("sha512");
        String s = checkedSalt(salt, saltSize, 16, sha512 ? "sha512_crypt" : "sha256_crypt");
        int n = rounds == null ? (sha512 ? 656000 : 535000) : Items.integer(rounds);
        return Crypt.sha(password, s, n, sha512);
      }
      case "md5", "md5_crypt" -> {
        return Crypt.md5(password, checkedSalt(salt, saltSize, 8, "md5_crypt"));
      }
      default -> throw hashError("passlib does not support '" + type + "' algorithm");
    }
  }

  /** password_hash's errors carry passlib's exception, whose text Ansible shows a second time. */
  private static TemplateException hashError(String message) {
    return new TemplateException(message + ". " + message);
  }

  /** Python's codec names (utf-16-le, latin-1, utf8) as Java charsets. */
  static java.nio.charset.Charset codec(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    String charset = switch (n) {
      case "utf-16-le" -> "UTF-16LE";
      case "utf-16-be" -> "UTF-16BE";
      case "utf-32-le" -> "UTF-32LE";
      case "utf-32-be" -> "UTF-32BE";
      case "latin-1", "latin1", "l1", "iso8859-1" -> "ISO-8859-1";
      default -> n;
    };
    try {
      return java.nio.charset.Charset.forName(charset);
    } catch (IllegalArgumentException e) {
      throw new PyException("unknown encoding: " + name); // Python's LookupError text
    }
  }
}
