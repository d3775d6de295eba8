package io.tightbeam.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The crypt(3) hashes {@code password_hash} writes: SHA-512 ({@code $6$}), SHA-256 ({@code $5$})
 * and MD5 ({@code $1$}) crypt, as glibc and passlib compute them, so a hash made here logs in.
 */
final class Crypt {
  private static final String B64 =
      "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int[] SHA512_ORDER = {0, 21, 42, 22, 43, 1, 44, 2, 23, 3, 24, 45, 25, 46, 4,
      47, 5, 26, 6, 27, 48, 28, 49, 7, 50, 8, 29, 9, 30, 51, 31, 52, 10, 53, 11, 32, 12, 33, 54,
      34, 55, 13, 56, 14, 35, 15, 36, 57, 37, 58, 16, 59, 17, 38, 18, 39, 60, 40, 61, 19, 62, 20,
      41};
  private static final int[] SHA256_ORDER = {0, 10, 20, 21, 1, 11, 12, 22, 2, 3, 13, 23, 24, 4,
      14, 15, 25, 5, 6, 16, 26, 27, 7, 17, 18, 28, 8, 9, 19, 29};
  private static final int[] MD5_ORDER = {0, 6, 12, 1, 7, 13, 2, 8, 14, 3, 9, 15, 4, 10, 5};

  private Crypt() {}

  /** A random salt of crypt's alphabet. */
  static String salt(int length) {
    SecureRandom random = new SecureRandom();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(B64.charAt(random.nextInt(B64.length())));
    }
    return out.toString();
  }

  /** SHA-crypt: {@code $5$} (SHA-256) or {@code $6$} (SHA-512); rounds 5000 is left unwritten. */
  static String sha(String password, String saltText, int rounds, boolean sha512) {
    String algorithm = sha512 ? "SHA-512" : "SHA-256";
    byte[] pw = password.getBytes(StandardCharsets.UTF_8);
    String saltCut = saltText.length() > 16 ? saltText.substring(0, 16) : saltText;
    byte[] salt = saltCut.getBytes(StandardCharsets.UTF_8);
    MessageDigest b = digest(algorithm);
    b.update(pw);
    b.update(salt);
    b.update(pw);
    byte[] bytesB = b.digest();
    MessageDigest a = digest(algorithm);
    a.update(pw);
    a.update(salt);
    repeat(a, bytesB, pw.length);
    for (int n = pw.length; n > 0; n >>= 1) {
      a.update((n & 1) != 0 ? bytesB : pw);
    }
    byte[] c = a.digest();
    MessageDigest dp = digest(algorithm);
    for (int i = 0; i < pw.length; i++) {
      dp.update(pw);
    }
    byte[] p = stretch(dp.digest(), pw.length);
    MessageDigest ds = digest(algorithm);
    for (int i = 0; i < 16 + (c[0] & 0xff); i++) {
      ds.update(salt);
    }
    byte[] s = stretch(ds.digest(), salt.length);
    MessageDigest round = digest(algorithm);
    for (int i = 0; i < rounds; i++) {
      round.update((i & 1) != 0 ? p : c);
      if (i % 3 != 0) {
        round.update(s);
      }
      if (i % 7 != 0) {
        round.update(p);
      }
      round.update((i & 1) != 0 ? c : p);
      c = round.digest();
    }
    StringBuilder out = new StringBuilder(sha512 ? "$6$" : "$5$");
    if (rounds != 5000) {
      out.append("rounds=").append(rounds).append('$');
    }
    out.append(saltCut).append('$');
    int[] order = sha512 ? SHA512_ORDER : SHA256_ORDER;
    for (int i = 0; i < order.length; i += 3) {
      encode(out, c[order[i]], c[order[i + 1]], c[order[i + 2]], 4);
    }
    if (sha512) {
      encode(out, (byte) 0, (byte) 0, c[63], 2);
    } else {
      encode(out, (byte) 0, c[31], c[30], 3);
    }
    return out.toString();
  }

  /** MD5-crypt ({@code $1$}), salt cut to 8 characters. */
  static String md5(String password, String saltText) {
    byte[] pw = password.getBytes(StandardCharsets.UTF_8);
    String saltCut = saltText.length() > 8 ? saltText.substring(0, 8) : saltText;
    byte[] salt = saltCut.getBytes(StandardCharsets.UTF_8);
    MessageDigest alt = digest("MD5");
    alt.update(pw);
    alt.update(salt);
    alt.update(pw);
    byte[] fin = alt.digest();
    MessageDigest ctx = digest("MD5");
    ctx.update(pw);
    ctx.update("$1$".getBytes(StandardCharsets.UTF_8));
    ctx.update(salt);
    repeat(ctx, fin, pw.length);
    for (int n = pw.length; n > 0; n >>= 1) {
      ctx.update((n & 1) != 0 || pw.length == 0 ? (byte) 0 : pw[0]);
    }
    fin = ctx.digest();
    for (int i = 0; i < 1000; i++) {
      MessageDigest r = digest("MD5");
      r.update((i & 1) != 0 ? pw : fin);
      if (i % 3 != 0) {
        r.update(salt);
      }
      if (i % 7 != 0) {
        r.update(pw);
      }
      r.update((i & 1) != 0 ? fin : pw);
      fin = r.digest();
    }
    StringBuilder out = new StringBuilder("$1$").append(saltCut).append('$');
    for (int i = 0; i < MD5_ORDER.length; i += 3) {
      encode(out, fin[MD5_ORDER[i]], fin[MD5_ORDER[i + 1]], fin[MD5_ORDER[i + 2]], 4);
    }
    encode(out, (byte) 0, (byte) 0, fin[11], 2);
    return out.toString();
  }

  private static void repeat(MessageDigest d, byte[] bytes, int length) {
    int n = length;
    for (; n > bytes.length; n -= bytes.length) {
      d.update(bytes);
    }
    d.update(bytes, 0, n);
  }

  private static byte[] stretch(byte[] block, int length) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = block[i % block.length];
    }
    return out;
  }

  private static void encode(StringBuilder out, byte b2, byte b1, byte b0, int n) {
    int w = ((b2 & 0xff) << 16) | ((b1 & 0xff) << 8) | (b0 & 0xff);
    for (int i = 0; i < n; i++) {
      out.append(B64.charAt(w & 0x3f));
      w >>>= 6;
    }
  }

  static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
    }
  }
}
