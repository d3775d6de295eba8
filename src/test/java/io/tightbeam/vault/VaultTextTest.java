package io.tightbeam.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The envelope against files ansible-vault 2.14 wrote (src/test/resources/vault, password
 * {@code secret1}) and the messages ansible-vault gave for the same inputs.
 */
class VaultTextTest {
  private static final VaultSecret SECRET = VaultSecret.of("default", "secret1");
  private static final String PLAIN = "a: 1\nb: \"ü\"\n";

  private static String fixture(String name) throws Exception {
    return Files.readString(Path.of("src/test/resources/vault", name), StandardCharsets.ISO_8859_1);
  }

  @Test
  void opensAFormat11FileAnsibleVaultWrote() throws Exception {
    VaultText.Decrypted d = VaultText.decrypt(fixture("v11.yml"), List.of(SECRET), "v11.yml");
    assertThat(d.text()).isEqualTo(PLAIN);
    assertThat(d.vaultId()).isEqualTo("default");
  }

  @Test
  void opensAFormat12FileWithTheLabelledSecretFirst() throws Exception {
    List<VaultSecret> secrets = List.of(VaultSecret.of("other", "nope"), VaultSecret.of("lab", "secret1"));
    VaultText.Decrypted d = VaultText.decrypt(fixture("v12-lab.yml"), secrets, null);
    assertThat(d.text()).isEqualTo(PLAIN);
    assertThat(d.vaultId()).isEqualTo("lab");
  }

  @Test
  void anyLabelTriesEverySecret() throws Exception {
    assertThat(VaultText.decrypt(fixture("v12-lab.yml"), List.of(SECRET), null).text()).isEqualTo(PLAIN);
  }

  @Test
  void passwordBytesBeyondAsciiAreUsedAsTheyAre() throws Exception {
    VaultSecret utf8 = VaultSecret.of("default", "pässwörd");
    assertThat(VaultText.decrypt(fixture("v11-utf8pass.yml"), List.of(utf8), null).text()).isEqualTo("x");
  }

  @Test
  void writesFormat11ForTheDefaultIdAnd12WithALabelOtherwise() {
    String v11 = VaultText.encrypt(PLAIN, SECRET, "default");
    String v12 = VaultText.encrypt(PLAIN, VaultSecret.of("lab", "secret1"), "lab");
    assertThat(v11).startsWith("$ANSIBLE_VAULT;1.1;AES256\n").endsWith("\n");
    assertThat(v12).startsWith("$ANSIBLE_VAULT;1.2;AES256;lab\n");
    assertThat(v11.lines().skip(1)).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    assertThat(VaultText.decrypt(v12, List.of(SECRET), null).text()).isEqualTo(PLAIN);
  }

  @Test
  void withTheSameSaltTheEnvelopeIsAnsiblesByteForByte() {
    // ansible-playbook 2.14: {{ 'hello' | vault('pw', salt='0123456789abcdef0123456789abcdef') }}
    String ansible = "$ANSIBLE_VAULT;1.2;AES256;filter_default\n"
        + "33303331333233333334333533363337333833393631363236333634363536363330333133323333\n"
        + "3334333533363337333833393631363236333634363536360a363162613436363439636634613135\n"
        + "36333361393335333031666464313237306266346664323830373063346532376432376161613161\n"
        + "3364346631323737310a623131343932393236613730323730386661663933386132316331323266\n"
        + "6431\n";
    String ours = VaultText.encrypt("hello".getBytes(StandardCharsets.UTF_8), VaultSecret.of("filter_default", "pw"),
        "filter_default", "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    assertThat(ours).isEqualTo(ansible);
  }

  @Test
  void aWholeBlockOfPlaintextGetsAWholeBlockOfPadding() {
    String sixteen = "0123456789abcdef";
    assertThat(VaultText.decrypt(VaultText.encrypt(sixteen, SECRET, null), List.of(SECRET))).isEqualTo(sixteen);
    assertThat(VaultText.decrypt(VaultText.encrypt("", SECRET, null), List.of(SECRET))).isEmpty();
  }

  @Test
  void wrongPasswordGivesAnsiblesMessageNamingTheFile() throws Exception {
    assertThatThrownBy(() -> VaultText.decrypt(fixture("v11.yml"), List.of(VaultSecret.of("default", "other")), "/tmp/sv.yml"))
        .isInstanceOf(VaultException.class)
        .hasMessage("Decryption failed (no vault secrets were found that could decrypt) on /tmp/sv.yml");
  }

  @Test
  void noSecretsGivesAnsiblesMessage() throws Exception {
    assertThatThrownBy(() -> VaultText.decrypt(fixture("v11.yml"), List.of(), "x.yml"))
        .hasMessage("Attempting to decrypt but no vault secrets found");
  }

  @Test
  void plainTextIsNotVaultData() {
    assertThatThrownBy(() -> VaultText.decrypt("plain: 1\n", List.of(SECRET), "plain.yml"))
        .hasMessage("input is not vault encrypted data. plain.yml is not a vault encrypted file");
  }

  @Test
  void formatErrorsArePythonsMessages() throws Exception {
    assertThatThrownBy(() -> VaultText.decrypt(fixture("bad-hex.yml"), List.of(SECRET), null))
        .hasMessage("Vault format unhexlify error: Non-hexadecimal digit found");
    assertThatThrownBy(() -> VaultText.decrypt(fixture("bad-parts.yml"), List.of(SECRET), null))
        .hasMessage("Vault vaulttext format error: not enough values to unpack (expected 3, got 1)");
  }

  @Test
  void anInlineValueIsItsTextWhenUsedAndNeverItsCiphertext() {
    String envelope = VaultText.encrypt("hello", SECRET, null);
    assertThat(new EncryptedString(envelope, List.of(SECRET)).toString()).isEqualTo("hello");
    EncryptedString locked = new EncryptedString(envelope, List.of());
    assertThatThrownBy(locked::toString).hasMessage("Attempting to decrypt but no vault secrets found");
    assertThat(EncryptedString.reveal(java.util.Map.of("k", List.of(new EncryptedString(envelope, List.of(SECRET))))))
        .isEqualTo(java.util.Map.of("k", List.of("hello")));
  }
}
