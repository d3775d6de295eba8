package io.tightbeam.vault;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code $ANSIBLE_VAULT} envelope as ansible-vault writes it: a header line, then the hexlified
 * {@code hex(salt) \n hex(hmac) \n hex(ciphertext)} in lines of 80. The keys come from
 * PBKDF2-HMAC-SHA256 (10000 rounds, 80 bytes: AES key, HMAC key, counter); the plaintext is PKCS#7
 * padded and AES-256-CTR encrypted; the HMAC-SHA256 covers the ciphertext. These static functions
 * are also the {@code vault}/{@code unvault} filters' bodies.
 */
public final class VaultText {
  public static final String HEADER = "$ANSIBLE_VAULT";
  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new SecureRandom();

  private VaultText() {}

  /** What decryption gave, with the vault id of the secret that opened it. */
  public record Decrypted(byte[] plain, String vaultId) {
    public String text() {
      return new String(plain, StandardCharsets.UTF_8);
    }
  }

  /** Ansible's test: the data starts with the vault header. */
  public static boolean isEncrypted(String text) {
    return text != null && text.startsWith(HEADER);
  }

  /** Ansible's test on file contents. */
  public static boolean isEncrypted(byte[] data) {
    return isEncrypted(new String(data, 0, Math.min(data.length, HEADER.length()), StandardCharsets.ISO_8859_1));
  }

  /** The {@code vault} filter: {@code plain} encrypted with {@code secret} under {@code vaultId}. */
  public static String encrypt(String plain, VaultSecret secret, String vaultId) {
    return encrypt(plain.getBytes(StandardCharsets.UTF_8), secret, vaultId, null);
  }

  /**
   * The envelope (ending in a newline, as ansible-vault writes files): format 1.1 for the default
   * vault id, 1.2 with the id as its label otherwise. {@code salt} null draws 32 random bytes.
   */
  public static String encrypt(byte[] plain, VaultSecret secret, String vaultId, byte[] salt) {
    byte[] s = salt;
    if (s == null) {
      s = new byte[32];
      RANDOM.nextBytes(s);
    }
    Keys keys = Keys.derive(secret.password(), s);
    byte[] ciphertext = keys.aes(Cipher.ENCRYPT_MODE, pad(plain));
    byte[] hmac = keys.hmac(ciphertext);
    String inner = HEX.formatHex(s) + "\n" + HEX.formatHex(hmac) + "\n" + HEX.formatHex(ciphertext);
    String body = HEX.formatHex(inner.getBytes(StandardCharsets.US_ASCII));
    StringBuilder out = new StringBuilder(header(vaultId)).append('\n');
    for (int i = 0; i < body.length(); i += 80) {
      out.append(body, i, Math.min(body.length(), i + 80)).append('\n');
    }
    return out.toString();
  }

  static String header(String vaultId) {
    if (vaultId == null || vaultId.equals(VaultSecret.DEFAULT_ID)) {
      return HEADER + ";1.1;AES256";
    }
    return HEADER + ";1.2;AES256;" + vaultId;
  }

  /** The {@code unvault} filter: the text {@code vaulttext} holds, opened with {@code secrets}. */
  public static String decrypt(String vaulttext, List<VaultSecret> secrets) {
    return decrypt(vaulttext, secrets, null).text();
  }

  /**
   * Opens {@code vaulttext}, trying the secret whose id is the envelope's label first, then the
   * others in order. {@code file} (may be null) is named in the messages as Ansible names it.
   */
  public static Decrypted decrypt(String vaulttext, List<VaultSecret> secrets, String file) {
    if (secrets.isEmpty()) {
      throw new VaultException("Attempting to decrypt but no vault secrets found");
    }
    if (!isEncrypted(vaulttext)) {
      throw new VaultException("input is not vault encrypted data. "
          + (file == null ? "" : file + " is not a vault encrypted file"));
    }
    Envelope envelope = Envelope.parse(vaulttext);
    for (VaultSecret secret : inTryOrder(secrets, envelope.vaultId())) {
      Parts parts = envelope.parts();
      Keys keys = Keys.derive(secret.password(), parts.salt());
      if (MessageDigest.isEqual(keys.hmac(parts.ciphertext()), parts.hmac())) {
        byte[] plain = unpad(keys.aes(Cipher.DECRYPT_MODE, parts.ciphertext()));
        if (plain != null) {
          return new Decrypted(plain, secret.vaultId());
        }
      }
    }
    throw new VaultException("Decryption failed (no vault secrets were found that could decrypt)"
        + (file == null ? "" : " on " + file));
  }

  /**
   * A controller file's content as copy, template and the unvault lookup read it: its plaintext
   * when it is vaulted (Ansible's message when there is no secret at all), else as it is.
   */
  public static byte[] readable(String file, byte[] data, List<VaultSecret> secrets) {
    if (!isEncrypted(data)) {
      return data;
    }
    if (secrets.isEmpty()) {
      throw new VaultException("A vault password or secret must be specified to decrypt " + file);
    }
    return decrypt(new String(data, StandardCharsets.ISO_8859_1), secrets, file).plain();
  }

  private static List<VaultSecret> inTryOrder(List<VaultSecret> secrets, String label) {
    List<VaultSecret> ordered = new ArrayList<>();
    secrets.stream().filter(s -> s.vaultId().equals(label)).forEach(ordered::add);
    secrets.stream().filter(s -> !s.vaultId().equals(label)).forEach(ordered::add);
    return ordered;
  }

  private static byte[] pad(byte[] plain) {
    int n = 16 - plain.length % 16;
    byte[] out = Arrays.copyOf(plain, plain.length + n);
    Arrays.fill(out, plain.length, out.length, (byte) n);
    return out;
  }

  private static byte[] unpad(byte[] padded) {
    int n = padded.length == 0 ? 0 : padded[padded.length - 1] & 0xff;
    if (n < 1 || n > 16 || n > padded.length) {
      return null;
    }
    return Arrays.copyOf(padded, padded.length - n);
  }

  /** The header's version and label, and the hexlified body. */
  private record Envelope(String vaultId, String body) {
    static Envelope parse(String text) {
      String[] lines = text.split("\r?\n|\r");
      String[] header = lines[0].strip().split(";");
      if (header.length < 3) {
        throw new VaultException("Vault envelope format error: not enough values to unpack (expected 3, got "
            + header.length + ")", true);
      }
      if (!header[2].strip().equals("AES256")) {
        throw new VaultException(header[2].strip() + " cipher could not be found");
      }
      String vaultId = header.length > 3 ? header[3].strip() : VaultSecret.DEFAULT_ID;
      StringBuilder body = new StringBuilder();
      for (int i = 1; i < lines.length; i++) {
        body.append(lines[i].strip());
      }
      return new Envelope(vaultId, body.toString());
    }

    Parts parts() {
      String inner = new String(unhexlify(body), StandardCharsets.ISO_8859_1);
      String[] pieces = inner.split("\n", -1);
      if (pieces.length != 3) {
        throw new VaultException("Vault vaulttext format error: "
            + (pieces.length < 3 ? "not enough values to unpack (expected 3, got " + pieces.length + ")"
                : "too many values to unpack (expected 3)"), true);
      }
      return new Parts(unhexlify(pieces[0]), unhexlify(pieces[1]), unhexlify(pieces[2]));
    }
  }

  private record Parts(byte[] salt, byte[] hmac, byte[] ciphertext) {}

  private static byte[] unhexlify(String hex) {
    if (hex.length() % 2 != 0) {
      throw new VaultException("Vault format unhexlify error: Odd-length string", true);
    }
    for (int i = 0; i < hex.length(); i++) {
      if (Character.digit(hex.charAt(i), 16) < 0) {
        throw new VaultException("Vault format unhexlify error: Non-hexadecimal digit found", true);
      }
    }
    return HEX.parseHex(hex.toLowerCase(java.util.Locale.ROOT));
  }

  /** The 80 bytes PBKDF2 derives from the password and salt. */
  private record Keys(byte[] aesKey, byte[] hmacKey, byte[] counter) {
    static Keys derive(byte[] password, byte[] salt) {
      byte[] key = pbkdf2(password, salt);
      return new Keys(Arrays.copyOfRange(key, 0, 32), Arrays.copyOfRange(key, 32, 64),
          Arrays.copyOfRange(key, 64, 80));
    }

    byte[] aes(int mode, byte[] data) {
      try {
        Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
        c.init(mode, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(counter));
        return c.doFinal(data);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK lacks AES/CTR", e);
      }
    }

    byte[] hmac(byte[] data) {
      return mac(hmacKey).doFinal(data);
    }
  }

  /**
   * PBKDF2-HMAC-SHA256 (RFC 8018), 10000 rounds, 80 bytes, over the password's bytes: the JDK's
   * PBEKeySpec takes chars, and a password file holds bytes.
   */
  private static byte[] pbkdf2(byte[] password, byte[] salt) {
    Mac mac = mac(password);
    byte[] out = new byte[80];
    for (int block = 1, done = 0; done < out.length; block++) {
      mac.update(salt);
      byte[] u = mac.doFinal(new byte[] {0, 0, 0, (byte) block});
      byte[] t = u.clone();
      for (int i = 1; i < 10000; i++) {
        u = mac.doFinal(u);
        for (int j = 0; j < t.length; j++) {
          t[j] ^= u[j];
        }
      }
      int n = Math.min(t.length, out.length - done);
      System.arraycopy(t, 0, out, done, n);
      done += n;
    }
    return out;
  }

  /** HMAC-SHA256 keyed with {@code key}; an empty key is the same as one zero byte in HMAC. */
  private static Mac mac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks HmacSHA256", e);
    }
  }
}
