package io.tightbeam.template;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Python's {@code random.Random(seed)}: the Mersenne Twister seeded as Python 3 seeds it, so that a
 * seeded password or choice comes out the same as Ansible's.
 */
final class PythonRandom {
  private static final int N = 624;
  private static final int M = 397;
  private final int[] mt = new int[N];
  private int index = N + 1;

  /** Seeded from a string as Python's seed version 2 does (the text, then its SHA-512). */
  PythonRandom(String seed) {
    this(stringSeed(seed));
  }

  private PythonRandom(BigInteger seed) {
    BigInteger a = seed.abs();
    int words = Math.max(1, (a.bitLength() + 31) / 32);
    int[] key = new int[words];
    for (int i = 0; i < words; i++) {
      key[i] = a.shiftRight(32 * i).intValue();
    }
    initByArray(key);
  }

  private static BigInteger stringSeed(String seed) {
    byte[] text = seed.getBytes(StandardCharsets.UTF_8);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-512").digest(text);
      byte[] all = new byte[text.length + digest.length];
      System.arraycopy(text, 0, all, 0, text.length);
      System.arraycopy(digest, 0, all, text.length, digest.length);
      return new BigInteger(1, all);
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("every JDK has SHA-512", ex);
    }
  }

  private void initGenrand(int s) {
    mt[0] = s;
    for (int i = 1; i < N; i++) {
      mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }
    index = N;
  }

  private void initByArray(int[] key) {
    initGenrand(19650218);
    int i = 1;
    int j = 0;
    for (int k = Math.max(N, key.length); k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) {
        j = 0;
      }
    }
    for (int k = N - 1; k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  private int next32() {
    if (index >= N) {
      for (int k = 0; k < N; k++) {
        int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
        mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
      }
      index = 0;
    }
    int y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y;
  }

  /** Python's {@code randbelow(n)} for {@code n} below 2**32: rejection over getrandbits. */
  int below(int n) {
    int k = 32 - Integer.numberOfLeadingZeros(n);
    while (true) {
      long r = k == 0 ? 0 : Integer.toUnsignedLong(next32()) >>> (32 - k);
      if (r < n) {
        return (int) r;
      }
    }
  }
}
