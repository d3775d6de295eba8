package io.tightbeam.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;
import java.util.Arrays;
import java.util.List;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkEd25519Test {
  @BeforeAll
  static void register() {
    JdkEd25519.register();
  }

  @Test
  void anOpenSshKeyFileLoadsAsTheJdksKeyAndSignsWhatItsPublicKeyVerifies(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("id_ed25519");
    Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())
        .redirectErrorStream(true).start();
    assertThat(keygen.waitFor()).isZero();
    KeyPair pair = new FileKeyPairProvider(key).loadKeys(null).iterator().next();
    assertThat(pair.getPublic()).isInstanceOf(EdECPublicKey.class);

    // the .pub line ssh-keygen wrote decodes to the same key (RFC 8032 point encoding both ways)
    String line = Files.readString(dir.resolve("id_ed25519.pub"), StandardCharsets.US_ASCII).trim();
    PublicKey fromPub = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line).resolvePublicKey(null, null, null);
    assertThat(KeyUtils.compareKeys(fromPub, pair.getPublic())).isTrue();
    assertThat(KeyUtils.getKeyType(fromPub)).isEqualTo(KeyPairProvider.SSH_ED25519);
    // and encodes back to the bytes of the line
    assertThat(PublicKeyWriting.line(fromPub)).isEqualTo(line.substring(0, line.lastIndexOf(' ')));

    byte[] data = "the session id and the user auth request".getBytes(StandardCharsets.UTF_8);
    Signature signer = BuiltinSignatures.ed25519.create();
    signer.initSigner(null, pair.getPrivate());
    signer.update(null, data);
    byte[] signature = signer.sign(null);
    Signature verifier = BuiltinSignatures.ed25519.create();
    verifier.initVerifier(null, fromPub);
    verifier.update(null, data);
    assertThat(verifier.verify(null, signature)).isTrue();
    byte[] tampered = data.clone();
    tampered[0] ^= 1;
    verifier.initVerifier(null, fromPub);
    verifier.update(null, tampered);
    assertThat(verifier.verify(null, signature)).isFalse();
  }

  @Test
  void generatedKeysTravelThroughTheWireFormat() throws Exception {
    for (int i = 0; i < 20; i++) { // both parities of x, y with and without leading zero bytes
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      ByteArrayBuffer buffer = new ByteArrayBuffer();
      buffer.putPublicKey(pair.getPublic());
      PublicKey back = buffer.getPublicKey();
      assertThat(KeyUtils.compareKeys(back, pair.getPublic())).isTrue();
      byte[] x509 = pair.getPublic().getEncoded();
      byte[] raw = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
      ByteArrayBuffer rawBuffer = new ByteArrayBuffer();
      rawBuffer.putRawPublicKey(pair.getPublic());
      rawBuffer.getString();
      assertThat(rawBuffer.getBytes()).as("the JDK's own encoding of the point").isEqualTo(raw);
    }
  }

  /** The OpenSSH public key line of a key, without its comment. */
  private static final class PublicKeyWriting {
    static String line(PublicKey key) throws Exception {
      StringBuilder out = new StringBuilder();
      org.apache.sshd.common.config.keys.PublicKeyEntry.appendPublicKeyEntry(out, key);
      return out.toString();
    }
  }
}
