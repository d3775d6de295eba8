package io.tightbeam.template;

import io.tightbeam.py.PyException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code random.Random(seed)} (Mersenne Twister, version-2 seeding), so that seeded
 * {@code random} and {@code shuffle} pick what Ansible picks for the same seed: playbooks rely on
 * {@code 59 | random(seed=inventory_hostname)} being stable across runs and tools.
 */
final class PyRandom {
  private final int[] mt = new int[624];
  private int index = 625;

  PyRandom(Object seed) {
    seed(key(seed));
  }

  private static BigInteger key(Object seed) {
    if (seed instanceof String s) {
      byte[] text = s.getBytes(StandardCharsets.UTF_8);
      byte[] digest;
      try {
        digest = MessageDigest.getInstance("SHA-512").digest(text);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      byte[] all = new byte[text.length + digest.length];
      System.arraycopy(text, 0, all, 0, text.length);
      System.arraycopy(digest, 0, all, text.length, digest.length);
      return new BigInteger(1, all);
    } else if (seed instanceof Boolean b) {
      return b ? BigInteger.ONE : BigInteger.ZERO;
    } else if (seed instanceof Number n && io.tightbeam.py.Py.isInt(n)) {
      return io.tightbeam.py.Py.toBigInteger(n).abs();
    }
    throw new PyException("The only supported seed types are: None, int, float, str, bytes, and "
        + "bytearray.");
  }

  private void seed(BigInteger key) {
    List<Integer> words = new ArrayList<>();
    BigInteger k = key;
    BigInteger mask = BigInteger.valueOf(0xffffffffL);
    do {
      words.add(k.and(mask).intValue());
      k = k.shiftRight(32);
    } while (k.signum() > 0);
    initGenrand(19650218);
    int i = 1;
    int j = 0;
    int n = words.size();
    for (int c = Math.max(624, n); c > 0; c--) {
      long prev = mt[i - 1] & 0xffffffffL;
      long mixed = ((mt[i] & 0xffffffffL) ^ ((prev ^ (prev >>> 30)) * 1664525L)) + (words.get(j) & 0xffffffffL) + j;
      mt[i] = (int) mixed;
      i++;
      j++;
      if (i >= 624) {
        mt[0] = mt[623];
        i = 1;
      }
      if (j >= n) {
        j = 0;
      }
    }
    for (int c = 623; c > 0; c--) {
      long prev = mt[i - 1] & 0xffffffffL;
      long mixed = ((mt[i] & 0xffffffffL) ^ ((prev ^ (prev >>> 30)) * 1566083941L)) - i;
      mt[i] = (int) mixed;
      i++;
      if (i >= 624) {
        mt[0] = mt[623];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    index = 624;
  }

  private void initGenrand(int s) {
    mt[0] = s;
    for (int i = 1; i < 624; i++) {
      long prev = mt[i - 1] & 0xffffffffL;
      mt[i] = (int) (1812433253L * (prev ^ (prev >>> 30)) + i);
    }
  }

  private int next32() {
    if (index >= 624) {
      for (int k = 0; k < 624; k++) {
        int y = (mt[k] & 0x80000000) | (mt[(k + 1) % 624] & 0x7fffffff);
        mt[k] = mt[(k + 397) % 624] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
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

  /** Python's getrandbits(k) for k up to 64. */
  private long bits(int k) {
    if (k <= 32) {
      return (next32() & 0xffffffffL) >>> (32 - k);
    }
    long low = next32() & 0xffffffffL;
    long high = (next32() & 0xffffffffL) >>> (64 - k);
    return (high << 32) | low;
  }

  /** Python's _randbelow(n): rejection sampling on n.bit_length() bits. */
  long below(long n) {
    int k = 64 - Long.numberOfLeadingZeros(n);
    long r = bits(k);
    while (r >= n) {
      r = bits(k);
    }
    return r;
  }

  /** Python's randrange(start, stop, step). */
  long randrange(long start, long stop, long step) {
    long width = stop - start;
    long n = step > 0 ? (width + step - 1) / step : (width + step + 1) / step;
    if (n <= 0) {
      throw PyException.valueError("empty range for randrange() (" + start + ", " + stop + ", " + width
          + ")");
    }
    return start + step * below(n);
  }

  /** Python's shuffle, in place. */
  void shuffle(List<Object> items) {
    for (int i = items.size() - 1; i > 0; i--) {
      int j = (int) below(i + 1);
      Object t = items.get(i);
      items.set(i, items.get(j));
      items.set(j, t);
    }
  }
}
