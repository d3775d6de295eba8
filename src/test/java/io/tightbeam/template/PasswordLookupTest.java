package io.tightbeam.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The password lookup; seeded values recorded from ansible 2.14. */
class PasswordLookupTest {
  private final LookupEnv env = new LookupEnv();
  @TempDir Path dir;

  private String password(String term, Object... kv) {
    Map<String, Object> options = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      options.put((String) kv[i], kv[i + 1]);
    }
    List<Object> out = Catalogue.builtin().lookup("password").body()
        .run(new ArrayList<>(List.of(term)), options, env);
    assertThat(out).hasSize(1);
    return (String) out.get(0);
  }

  @Test
  void aSeedGivesPythonsSequence() {
    assertThat(password("/dev/null seed=foo")).isEqualTo("6JUEsF6-,RiuGZDEWF4r");
    assertThat(password("/dev/null length=8 chars=digits seed=42")).isEqualTo("77410197");
    assertThat(password("/dev/null", "seed", "foo", "length", 30, "chars",
        List.of("ascii_lowercase", ",,", "digits"))).isEqualTo("1rxpjp143vekqzopyp0i5duspi81fi");
    assertThat(password("/dev/null seed=x chars=ascii_letters,digits,hexdigits,punctuation "
        + "length=40")).isEqualTo("COee9i:Xd6#5WvW9a>22bS2~gx2~8f[6hEbsEi`S");
    assertThat(password("/dev/null", "seed", 7, "length", 12)).isEqualTo("qMz6U8FjyrH7");
    assertThat(password("/dev/null seed=é length=5 chars=ab")).isEqualTo("baaba");
  }

  @Test
  void withoutSeedEachCallDiffers() {
    String a = password("/dev/null");
    assertThat(a).hasSize(20).matches("[A-Za-z0-9.,:_-]+");
    assertThat(password("/dev/null")).isNotEqualTo(a);
    assertThat(password("/dev/null length=5 chars=\"ab\"")).matches("[ab]{5}");
  }

  @Test
  void badParameters() {
    assertThatThrownBy(() -> password("/dev/null bogus=1"))
        .hasMessage("Unrecognized parameter(s) given to password lookup: bogus");
    assertThatThrownBy(() -> password("/dev/null length=x"))
        .hasMessage("invalid literal for int() with base 10: 'x'");
  }

  @Test
  void thePasswordIsKeptInAPrivateFile() throws Exception {
    Path file = dir.resolve("lookup/password");
    String first = password(file + " length=8");
    assertThat(Files.readString(file)).isEqualTo(first + "\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(password(file + " length=8")).isEqualTo(first);
  }

  @Test
  void encryptKeepsTheSaltAndHashesThroughPasswordHash() throws Exception {
    Path file = dir.resolve("salted");
    String hashed = password(file + " encrypt=sha256_crypt");
    String content = Files.readString(file).strip();
    assertThat(content).matches("[A-Za-z0-9.,:_-]{20} salt=[A-Za-z0-9./]{16}");
    String plain = content.substring(0, 20);
    String salt = content.substring(content.indexOf(" salt=") + 6);
    assertThat(hashed).isEqualTo(
        "password_hash('" + plain + "', ['sha256_crypt', '" + salt + "'], {'ident': None})");
    assertThat(password(file.toString())).isEqualTo(plain);
    assertThat(password(file + " encrypt=")).isEqualTo(plain);
    assertThat(Files.readString(file).strip()).isEqualTo(content);
  }

  @Test
  void bcryptStoresItsIdent() throws Exception {
    Path file = dir.resolve("bcrypt");
    password(file + " encrypt=bcrypt");
    assertThat(Files.readString(file).strip())
        .matches("[A-Za-z0-9.,:_-]{20} salt=[A-Za-z0-9./]{22} ident=2b");
  }
}
