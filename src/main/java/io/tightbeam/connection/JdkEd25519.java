package io.tightbeam.connection;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.KeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.apache.sshd.common.config.keys.PrivateKeyEntryDecoder;
import org.apache.sshd.common.config.keys.PublicKeyEntryDecoder;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.security.AbstractSecurityProviderRegistrar;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.common.util.security.eddsa.generic.EdDSASupport;
import org.apache.sshd.common.util.security.eddsa.generic.GenericEd25519PublicKeyDecoder;
import org.apache.sshd.common.util.security.eddsa.generic.GenericOpenSSHEd25519PrivateKeyEntryDecoder;
import org.apache.sshd.common.util.security.eddsa.generic.GenericSignatureEd25519;

/**
 * Ed25519 for MINA SSHD from the JDK's own SunEC provider instead of net.i2p's eddsa: on a cold
 * start the JDK's field arithmetic is the one X25519 key exchange already runs (and compiles),
 * where net.i2p's object-per-field-element code ran in the interpreter for ~30 % of the Java
 * samples of 50 logins (JFR, cold W5).
 */
public final class JdkEd25519 implements EdDSASupport<EdECPublicKey, EdECPrivateKey> {
  private static final String PROVIDER = "SunEC";
  private static final Set<String> NAMES = Set.of("EdDSA", "Ed25519");
  private static final int KEY_BYTES = 32;

  /** Makes MINA take Ed25519 from here: call before MINA's key and signature tables are built (idempotent). */
  public static void register() {
    Holder.DONE.hashCode();
  }

  private static final class Holder {
    static final Boolean DONE = SecurityUtils.registerSecurityProvider(new Registrar()) != null;
  }

  /** The registrar MINA asks for EdDSA: the JDK's provider for the EdDSA key, signature and generator names. */
  private static final class Registrar extends AbstractSecurityProviderRegistrar {
    Registrar() {
      super("JdkEd25519");
    }

    @Override
    public boolean isSupported() {
      return Security.getProvider(PROVIDER) != null;
    }

    @Override
    public boolean isEnabled() {
      return true;
    }

    @Override
    public boolean isNamedProviderUsed() {
      return false;
    }

    @Override
    public Provider getSecurityProvider() {
      return Security.getProvider(PROVIDER);
    }

    @Override
    public boolean isSecurityEntitySupported(Class<?> entityType, String name) {
      return (entityType == KeyFactory.class || entityType == KeyPairGenerator.class
          || entityType == java.security.Signature.class) && NAMES.contains(name);
    }

    @Override
    public Optional<EdDSASupport<?, ?>> getEdDSASupport() {
      return Optional.of(new JdkEd25519());
    }
  }

  private JdkEd25519() {}

  @Override
  public PublicKeyEntryDecoder<EdECPublicKey, EdECPrivateKey> getEDDSAPublicKeyEntryDecoder() {
    return new GenericEd25519PublicKeyDecoder<>(EdECPublicKey.class, EdECPrivateKey.class, this);
  }

  @Override
  public PrivateKeyEntryDecoder<EdECPublicKey, EdECPrivateKey> getOpenSSHEDDSAPrivateKeyEntryDecoder() {
    return new GenericOpenSSHEd25519PrivateKeyEntryDecoder<>(EdECPublicKey.class, EdECPrivateKey.class, this);
  }

  @Override
  public Signature getEDDSASigner() {
    return new GenericSignatureEd25519("Ed25519");
  }

  @Override
  public int getEDDSAKeySize(Key key) {
    return KEY_BYTES * 8;
  }

  @Override
  public Class<EdECPublicKey> getEDDSAPublicKeyType() {
    return EdECPublicKey.class;
  }

  @Override
  public Class<EdECPrivateKey> getEDDSAPrivateKeyType() {
    return EdECPrivateKey.class;
  }

  @Override
  public boolean compareEDDSAPPublicKeys(PublicKey a, PublicKey b) {
    return a instanceof EdECPublicKey x && b instanceof EdECPublicKey y
        && Arrays.equals(getPublicKeyData(x), getPublicKeyData(y));
  }

  @Override
  public boolean compareEDDSAPrivateKeys(PrivateKey a, PrivateKey b) {
    return a instanceof EdECPrivateKey x && b instanceof EdECPrivateKey y
        && Arrays.equals(getPrivateKeyData(x), getPrivateKeyData(y));
  }

  /** The public key of a private one: the JDK has no call for it, so its generator is given the seed as its randomness. */
  @Override
  public EdECPublicKey recoverEDDSAPublicKey(PrivateKey key) throws GeneralSecurityException {
    byte[] seed = getPrivateKeyData(edPrivate(key));
    KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519", PROVIDER);
    generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
      @Override
      public void nextBytes(byte[] bytes) {
        System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
      }
    });
    return (EdECPublicKey) generator.generateKeyPair().getPublic();
  }

  @Override
  public EdECPublicKey generateEDDSAPublicKey(byte[] raw) throws GeneralSecurityException {
    if (raw.length != KEY_BYTES) {
      throw new InvalidKeyException("an Ed25519 public key has 32 bytes, not " + raw.length);
    }
    // RFC 8032 5.1.2: y little-endian, the top bit of the last byte is x's parity
    byte[] y = new byte[KEY_BYTES];
    for (int i = 0; i < KEY_BYTES; i++) {
      y[i] = raw[KEY_BYTES - 1 - i];
    }
    boolean xOdd = (y[0] & 0x80) != 0;
    y[0] &= 0x7f;
    EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, y));
    return (EdECPublicKey) keyFactory().generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
  }

  @Override
  public EdECPrivateKey generateEDDSAPrivateKey(byte[] seed) throws GeneralSecurityException {
    return (EdECPrivateKey) keyFactory().generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed.clone()));
  }

  @Override
  public <B extends Buffer> B putRawEDDSAPublicKey(B buffer, PublicKey key) {
    buffer.putBytes(getPublicKeyData(edPublic(key)));
    return buffer;
  }

  @Override
  public <B extends Buffer> B putEDDSAKeyPair(B buffer, PublicKey publicKey, PrivateKey privateKey) {
    throw new UnsupportedOperationException("writing Ed25519 key pairs");
  }

  @Override
  public KeySpec createPublicKeySpec(EdECPublicKey key) {
    return new EdECPublicKeySpec(NamedParameterSpec.ED25519, key.getPoint());
  }

  @Override
  public KeySpec createPrivateKeySpec(EdECPrivateKey key) {
    return new EdECPrivateKeySpec(NamedParameterSpec.ED25519, getPrivateKeyData(key));
  }

  @Override
  public byte[] getPublicKeyData(EdECPublicKey key) {
    EdECPoint point = key.getPoint();
    byte[] big = point.getY().toByteArray();
    byte[] raw = new byte[KEY_BYTES];
    for (int i = 0; i < KEY_BYTES && i < big.length; i++) {
      raw[i] = big[big.length - 1 - i];
    }
    if (point.isXOdd()) {
      raw[KEY_BYTES - 1] |= (byte) 0x80;
    }
    return raw;
  }

  @Override
  public byte[] getPrivateKeyData(EdECPrivateKey key) {
    return key.getBytes().orElseThrow(() -> new IllegalArgumentException("an Ed25519 private key without its bytes"));
  }

  @Override
  public String getKeyFactoryAlgorithm() {
    return "EdDSA";
  }

  private static KeyFactory keyFactory() throws GeneralSecurityException {
    return KeyFactory.getInstance("Ed25519", PROVIDER);
  }

  private static EdECPublicKey edPublic(PublicKey key) {
    if (key instanceof EdECPublicKey ed) {
      return ed;
    }
    throw new IllegalArgumentException("not an Ed25519 public key: " + key.getClass().getName());
  }

  private static EdECPrivateKey edPrivate(PrivateKey key) throws InvalidKeyException {
    if (key instanceof EdECPrivateKey ed) {
      return ed;
    }
    throw new InvalidKeyException("not an Ed25519 private key: " + key.getClass().getName());
  }
}
