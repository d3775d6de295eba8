package io.tightbeam.cli;

import io.tightbeam.vault.VaultException;
import io.tightbeam.vault.VaultSecret;
import io.tightbeam.vault.VaultText;
import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** What {@code tightbeam-vault}'s actions do to files, stdin and stdout, with ansible-vault's messages. */
final class VaultFiles {
  private final VaultCli cli;
  private final List<VaultSecret> secrets;
  private final String encryptIdentity;

  VaultFiles(VaultCli cli, List<VaultSecret> secrets, String encryptIdentity) {
    this.cli = cli;
    this.secrets = secrets;
    this.encryptIdentity = encryptIdentity;
  }

  /** The variables and values encrypt_string was given. */
  record Strings(List<String> values, List<String> names, String stdinName, boolean prompt) {}

  void encrypt(List<String> files, String output) throws IOException {
    VaultSecret secret = encryptSecret();
    for (String f : files) {
      byte[] plain = read(f);
      if (VaultText.isEncrypted(plain)) {
        throw error("input is already encrypted");
      }
      write(output == null ? f : output, VaultText.encrypt(plain, secret, secret.vaultId(), null)
          .getBytes(StandardCharsets.US_ASCII));
    }
    if (System.console() != null) {
      cli.err.println("Encryption successful");
    }
  }

  void decrypt(List<String> files, String output) throws IOException {
    for (String f : files) {
      write(output == null ? f : output, open(f).plain());
    }
    if (System.console() != null) {
      cli.err.println("Decryption successful");
    }
  }

  void view(List<String> files) throws IOException {
    for (String f : files) {
      cli.out.write(open(f).plain());
      cli.out.flush();
    }
  }

  void create(String file) throws IOException, InterruptedException {
    if (Files.exists(cli.cwd.resolve(file))) {
      throw error(file + " exists, please use 'edit' instead");
    }
    VaultSecret secret = encryptSecret();
    byte[] plain = Editor.edit(cli.env, new byte[0]);
    write(file, VaultText.encrypt(plain, secret, secret.vaultId(), null).getBytes(StandardCharsets.US_ASCII));
  }

  void edit(String file) throws IOException, InterruptedException {
    VaultText.Decrypted before = open(file);
    byte[] after = Editor.edit(cli.env, before.plain());
    VaultSecret secret = encryptIdentity == null ? secretFor(before.vaultId()) : encryptSecret();
    if (Arrays.equals(after, before.plain()) && secret.vaultId().equals(before.vaultId())) {
      return; // ansible-vault leaves the file as it was when nothing changed
    }
    write(file, VaultText.encrypt(after, secret, secret.vaultId(), null).getBytes(StandardCharsets.US_ASCII));
  }

  void rekey(List<String> files, VaultSecret fresh) throws IOException {
    for (String f : files) {
      byte[] plain = open(f).plain();
      write(f, VaultText.encrypt(plain, fresh, fresh.vaultId(), null).getBytes(StandardCharsets.US_ASCII));
    }
    cli.err.println("Rekey successful");
  }

  void encryptStrings(Strings strings, String output) throws IOException {
    VaultSecret secret = encryptSecret();
    List<String[]> named = new ArrayList<>();
    if (strings.prompt()) {
      String value = Prompt.secretOrNull("String to encrypt: ");
      named.add(new String[] {strings.names().isEmpty() ? null : strings.names().get(0), value == null ? "" : value});
    } else if (strings.values().isEmpty() || strings.stdinName() != null) {
      String value = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
      if (value.isEmpty()) {
        throw error("stdin was empty, not encrypting");
      }
      named.add(new String[] {strings.stdinName(), value});
    }
    for (int i = 0; i < strings.values().size(); i++) {
      named.add(new String[] {i < strings.names().size() ? strings.names().get(i) : null, strings.values().get(i)});
    }
    List<String> blocks = new ArrayList<>();
    for (String[] one : named) {
      blocks.add(yamlBlock(one[0], VaultText.encrypt(one[1], secret, secret.vaultId())));
    }
    String text = String.join("\n", blocks) + "\n";
    write(output == null ? "-" : output, text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code name: !vault |} and the envelope indented by ten, as encrypt_string prints it. */
  static String yamlBlock(String name, String envelope) {
    String indented = envelope.lines().map(l -> "          " + l).collect(Collectors.joining("\n"));
    return (name == null ? "" : name + ": ") + "!vault |\n" + indented;
  }

  private VaultText.Decrypted open(String file) throws IOException {
    byte[] data = read(file);
    try {
      return VaultText.decrypt(new String(data, StandardCharsets.ISO_8859_1), secrets, file);
    } catch (VaultException e) {
      throw error(e.getMessage() + " for " + file);
    }
  }

  /** The secret to encrypt with: {@code --encrypt-vault-id}, else the only one there is. */
  private VaultSecret encryptSecret() {
    if (encryptIdentity != null) {
      return secrets.stream().filter(s -> s.vaultId().equals(encryptIdentity)).findFirst()
          .orElseThrow(() -> error("Did not find a match for --encrypt-vault-id=" + encryptIdentity
              + " in the known vault-ids " + ids()));
    }
    List<String> ids = secrets.stream().map(VaultSecret::vaultId).distinct().toList();
    if (ids.size() > 1) {
      throw error("The vault-ids " + String.join(",", ids)
          + " are available to encrypt. Specify the vault-id to encrypt with --encrypt-vault-id");
    }
    if (secrets.isEmpty()) {
      throw error("A vault password is required to use Ansible's Vault");
    }
    return secrets.get(0);
  }

  private VaultSecret secretFor(String vaultId) {
    return secrets.stream().filter(s -> s.vaultId().equals(vaultId)).findFirst().orElse(secrets.get(0));
  }

  private String ids() {
    return secrets.stream().map(s -> "'" + s.vaultId() + "'").collect(Collectors.joining(", ", "[", "]"));
  }

  private byte[] read(String file) throws IOException {
    if (file.equals("-")) {
      return System.in.readAllBytes();
    }
    Path path = cli.cwd.resolve(file);
    if (!Files.isRegularFile(path)) {
      throw error("Unable to read source file (" + path + "): [Errno 2] No such file or directory: '" + path + "'");
    }
    return Files.readAllBytes(path);
  }

  private void write(String file, byte[] data) throws IOException {
    if (file.equals("-")) {
      cli.out.write(data);
      cli.out.flush();
      return;
    }
    Path path = cli.cwd.resolve(file);
    if (Files.exists(path)) {
      Files.write(path, data);
    } else {
      Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(path, data);
    }
  }

  private static InputException error(String message) {
    return new InputException(List.of(new Diagnostic(message, "", null)), 1);
  }
}
