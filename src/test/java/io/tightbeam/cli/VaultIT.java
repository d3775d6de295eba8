package io.tightbeam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vault against Debian's ansible-vault 2.14 both ways (what one writes the other opens), and
 * playbooks with vaulted vars files and inline values: the output and exit codes ansible-playbook
 * gave for the same files and passwords.
 */
class VaultIT {
  @TempDir
  Path dir;
  private final CliRunner cli = new CliRunner();
  private final Map<String, String> env = new HashMap<>(System.getenv());

  @BeforeEach
  void passwords() throws Exception {
    Files.writeString(dir.resolve("pw1"), "secret1\n");
    Files.writeString(dir.resolve("pw2"), "other");
    env.put("ANSIBLE_CONFIG", "/nonexistent/ansible.cfg");
  }

  private record Result(int exitCode, String out, String err) {}

  private Result vault(String... argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = VaultCli.execute(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env);
    return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Result ansibleVault(String... argv) throws Exception {
    assumeThat(Files.isExecutable(Path.of("/usr/bin/ansible-vault"))).as("ansible-vault installed").isTrue();
    List<String> cmd = new java.util.ArrayList<>(List.of("ansible-vault"));
    cmd.addAll(List.of(argv));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    return new Result(p.waitFor(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }

  private String path(String name) {
    return dir.resolve(name).toString();
  }

  /** ansible-vault --help and ACTION --help print the usage and exit 0, as argparse does. */
  @Test
  void helpIsShownWithExitZero() {
    Result top = vault("--help");
    assertThat(top.exitCode()).isZero();
    assertThat(top.out()).contains("encrypt_string", "rekey", "-h, --help");
    Result action = vault("encrypt", "-h");
    assertThat(action.exitCode()).isZero();
    assertThat(action.out()).contains("--vault-id", "--output");
  }

  @Test
  void ansibleVaultOpensWhatWeEncryptInFormats11And12() throws Exception {
    Files.writeString(dir.resolve("a.yml"), "a: 1\nb: \"ü\"\n");
    Files.copy(dir.resolve("a.yml"), dir.resolve("b.yml"));
    assertThat(vault("encrypt", "--vault-password-file", path("pw1"), path("a.yml")).exitCode()).isZero();
    assertThat(vault("encrypt", "--vault-id", "lab@" + path("pw1"), path("b.yml")).exitCode()).isZero();
    assertThat(Files.readString(dir.resolve("b.yml"))).startsWith("$ANSIBLE_VAULT;1.2;AES256;lab\n");

    assertThat(ansibleVault("view", "--vault-password-file", "pw1", "a.yml").out()).isEqualTo("a: 1\nb: \"ü\"\n");
    assertThat(ansibleVault("view", "--vault-id", "lab@pw1", "b.yml").out()).isEqualTo("a: 1\nb: \"ü\"\n");
    assertThat(ansibleVault("decrypt", "--vault-password-file", "pw1", "a.yml").exitCode()).isZero();
    assertThat(Files.readString(dir.resolve("a.yml"))).isEqualTo("a: 1\nb: \"ü\"\n");
  }

  @Test
  void weOpenWhatAnsibleVaultEncrypts() throws Exception {
    Files.writeString(dir.resolve("a.yml"), "secret: s3cret\n");
    assertThat(ansibleVault("encrypt", "--vault-id", "prod@pw1", "a.yml").exitCode()).isZero();
    assertThat(vault("view", "--vault-id", "prod@" + path("pw1"), path("a.yml")).out()).isEqualTo("secret: s3cret\n");
    assertThat(vault("decrypt", "--vault-password-file", path("pw1"), path("a.yml")).exitCode()).isZero();
    assertThat(Files.readString(dir.resolve("a.yml"))).isEqualTo("secret: s3cret\n");
  }

  @Test
  void encryptStringIsReadByAnsibleAsAnInlineValue() throws Exception {
    Result r = vault("encrypt_string", "--vault-id", "lab@" + path("pw1"), "--name", "nm", "secretval");
    assertThat(r.out()).startsWith("nm: !vault |\n          $ANSIBLE_VAULT;1.2;AES256;lab\n          ");
    Files.writeString(dir.resolve("vars.yml"), r.out());
    Files.writeString(dir.resolve("p.yml"), "- hosts: localhost\n  gather_facts: false\n  vars_files: [vars.yml]\n"
        + "  tasks:\n    - debug: var=nm\n");
    assumeThat(Files.isExecutable(Path.of("/usr/bin/ansible-playbook"))).isTrue();
    Process p = new ProcessBuilder("ansible-playbook", "p.yml", "--vault-id", "lab@pw1").directory(dir.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(out).contains("\"nm\": \"secretval\"");
  }

  @Test
  void wrongPasswordAndPlainInputAreAnsibleVaultsErrors() throws Exception {
    Files.writeString(dir.resolve("plain.yml"), "plain: 1\n");
    Result plain = vault("decrypt", "--vault-password-file", path("pw1"), path("plain.yml"));
    assertThat(plain.exitCode()).isEqualTo(1);
    assertThat(plain.err()).isEqualTo("ERROR! input is not vault encrypted data. " + path("plain.yml")
        + " is not a vault encrypted file for " + path("plain.yml") + "\n");
    Files.writeString(dir.resolve("s.yml"), "x: 1\n");
    vault("encrypt", "--vault-password-file", path("pw1"), path("s.yml"));
    Result wrong = vault("view", "--vault-password-file", path("pw2"), path("s.yml"));
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.err()).isEqualTo("ERROR! Decryption failed (no vault secrets were found that could decrypt) on "
        + path("s.yml") + " for " + path("s.yml") + "\n");
    Result twice = vault("encrypt", "--vault-password-file", path("pw1"), path("s.yml"));
    assertThat(twice.err()).isEqualTo("ERROR! input is already encrypted\n");
    Result two = vault("encrypt_string", "--vault-password-file", path("pw1"), "--vault-id", "x@" + path("pw2"), "aa");
    assertThat(two.err()).isEqualTo("ERROR! The vault-ids x,default are available to encrypt. Specify the vault-id"
        + " to encrypt with --encrypt-vault-id\n");
  }

  @Test
  void rekeyMovesAFileToTheNewSecret() throws Exception {
    Files.writeString(dir.resolve("s.yml"), "x: 1\n");
    vault("encrypt", "--vault-password-file", path("pw1"), path("s.yml"));
    Result r = vault("rekey", "--vault-password-file", path("pw1"), "--new-vault-id", "new@" + path("pw2"), path("s.yml"));
    assertThat(r.err()).isEqualTo("Rekey successful\n");
    assertThat(Files.readString(dir.resolve("s.yml"))).startsWith("$ANSIBLE_VAULT;1.2;AES256;new\n");
    assertThat(ansibleVault("view", "--vault-password-file", "pw2", "s.yml").out()).isEqualTo("x: 1\n");
  }

  @Test
  void editRunsTheEditorAndKeepsTheVaultId() throws Exception {
    Files.writeString(dir.resolve("s.yml"), "x: 1\n");
    vault("encrypt", "--vault-id", "lab@" + path("pw1"), path("s.yml"));
    Path editor = dir.resolve("ed.sh");
    Files.writeString(editor, "#!/bin/sh\necho 'y: 2' >> \"$1\"\n");
    editor.toFile().setExecutable(true);
    env.put("EDITOR", editor.toString());
    assertThat(vault("edit", "--vault-id", "lab@" + path("pw1"), path("s.yml")).exitCode()).isZero();
    assertThat(Files.readString(dir.resolve("s.yml"))).startsWith("$ANSIBLE_VAULT;1.2;AES256;lab\n");
    assertThat(ansibleVault("view", "--vault-id", "lab@pw1", "s.yml").out()).isEqualTo("x: 1\ny: 2\n");
  }

  @Test
  void vaultedVarsFilesAndInlineValuesRunAsInAnsiblePlaybook() throws Exception {
    Files.writeString(dir.resolve("sv.yml"), "secretvar: s3cret\n");
    vault("encrypt", "--vault-password-file", path("pw1"), path("sv.yml"));
    String inline = vault("encrypt_string", "--vault-password-file", path("pw1"), "--name", "myvar", "hello").out();
    Files.writeString(dir.resolve("inl.yml"), inline);
    Files.writeString(dir.resolve("p.yml"), "- hosts: localhost\n  gather_facts: false\n  vars_files: [sv.yml, inl.yml]\n"
        + "  tasks:\n    - debug: msg=start\n    - debug: var=myvar\n    - debug: var=secretvar\n");
    Files.writeString(dir.resolve("i.yml"), "- hosts: localhost\n  gather_facts: false\n  vars_files: [inl.yml]\n"
        + "  tasks:\n    - debug: msg=start\n    - debug: var=myvar\n");

    CliRunner.Run ok = cli.playbook(path("p.yml"), "--vault-password-file", path("pw1"));
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.out()).contains("\"myvar\": \"hello\"").contains("\"secretvar\": \"s3cret\"");

    // ansible-playbook: the whole file is read before the banner; ERROR!, exit 1
    CliRunner.Run none = cli.playbook(path("p.yml"));
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.out()).doesNotContain("PLAY [");
    assertThat(none.err()).contains("ERROR! Attempting to decrypt but no vault secrets found");
    CliRunner.Run wrong = cli.playbook(path("p.yml"), "--vault-password-file", path("pw2"));
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.err()).contains("ERROR! Decryption failed (no vault secrets were found that could decrypt) on "
        + path("sv.yml"));

    // an inline value is opened only when used: the task fails, the run goes on to the recap, exit 2
    CliRunner.Run lazy = cli.playbook(path("i.yml"));
    assertThat(lazy.exitCode()).isEqualTo(2);
    assertThat(lazy.out()).contains("\"msg\": \"start\"")
        .contains("fatal: [localhost]: FAILED! => {\"msg\": \"Attempting to decrypt but no vault secrets found\"}")
        .doesNotContain("$ANSIBLE_VAULT");
    CliRunner.Run lazyWrong = cli.playbook(path("i.yml"), "--vault-password-file", path("pw2"));
    assertThat(lazyWrong.out())
        .contains("{\"msg\": \"Decryption failed (no vault secrets were found that could decrypt)\"}");
  }

  @Test
  void aMissingPasswordFileIsAnsiblesError() {
    CliRunner.Run run = cli.playbook(path("p.yml"), "--vault-password-file", path("nope"));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("[WARNING]: Error getting vault password file (default): The vault password file")
        .contains("ERROR! The vault password file " + path("nope") + " was not found");
  }

  @Test
  void aPasswordScriptsOutputIsThePassword() throws Exception {
    Path script = dir.resolve("pass.sh");
    Files.writeString(script, "#!/bin/sh\necho secret1\n");
    script.toFile().setExecutable(true);
    Files.writeString(dir.resolve("s.yml"), "x: 1\n");
    vault("encrypt", "--vault-password-file", path("pw1"), path("s.yml"));
    assertThat(vault("view", "--vault-password-file", script.toString(), path("s.yml")).out()).isEqualTo("x: 1\n");
  }
}
