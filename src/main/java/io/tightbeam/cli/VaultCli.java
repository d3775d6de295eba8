package io.tightbeam.cli;

import io.tightbeam.vault.VaultConfig;
import io.tightbeam.vault.VaultException;
import io.tightbeam.vault.VaultIds;
import io.tightbeam.vault.VaultSecret;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tightbeam-vault}: Ansible's {@code ansible-vault}, encrypting and decrypting files and strings. */
@Command(name = "tightbeam-vault", versionProvider = Version.class,
    description = "encryption/decryption utility for Ansible data files",
    subcommands = {VaultCli.Create.class, VaultCli.Decrypt.class, VaultCli.Edit.class, VaultCli.View.class,
        VaultCli.Encrypt.class, VaultCli.EncryptString.class, VaultCli.Rekey.class})
public final class VaultCli implements Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help message and exit")
  boolean help;

  final PrintStream out;
  final PrintStream err;
  final Map<String, String> env;
  final Path cwd = Path.of("").toAbsolutePath();

  VaultCli(PrintStream out, PrintStream err, Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.env = env;
  }

  public static void main(String[] argv) {
    System.exit(execute(argv, System.out, System.err, System.getenv()));
  }

  /** Runs the command as the process would, with {@code env} as its environment; returns the exit code. */
  public static int execute(String[] argv, PrintStream out, PrintStream err, Map<String, String> env) {
    if (Version.asked(argv)) {
      return Version.print("tightbeam-vault", out, env);
    }
    return Cli.commandLine(new VaultCli(out, err, env), out, err).execute(argv);
  }

  @Override
  public Integer call() {
    err.println("usage: tightbeam-vault [-h] [--version] [-v]");
    err.println("                       {create,decrypt,edit,view,encrypt,encrypt_string,rekey}");
    err.println("                       ...");
    err.println("tightbeam-vault: error: the following arguments are required: action");
    return 2;
  }

  /** What every action shares: the vault flags, {@code -v}, and turning errors into Ansible's. */
  abstract static class Action implements Callable<Integer> {
    @CommandLine.ParentCommand
    VaultCli cli;

    @CommandLine.Mixin
    VaultOptions vault = new VaultOptions();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help message and exit")
    boolean help;

    @Option(names = {"-v", "--verbose"}, description = "Causes Ansible to print more debug messages")
    boolean[] verbose = new boolean[0];

    @Override
    public Integer call() {
      return Guard.run(cli.out, cli.err, verbose.length, () -> {
        try {
          run(new VaultFiles(cli, secrets(), encryptIdentity()));
          return 0;
        } catch (VaultException e) {
          throw VaultOptions.failure(e);
        }
      });
    }

    abstract void run(VaultFiles files) throws Exception;

    /** Whether this action writes vaulted data (then a prompt asks for a new password twice). */
    boolean encrypts() {
      return false;
    }

    String encryptVaultId() {
      return null;
    }

    private List<VaultSecret> secrets() {
      return VaultOptions.secrets(config(), cli.cwd, cli.out, cli.err, new VaultIds.Request(
          vault.vaultIds, vault.passwordFiles, vault.askVaultPass, true, encrypts()));
    }

    VaultConfig config() {
      return VaultOptions.config(cli.env, cli.cwd);
    }

    private String encryptIdentity() {
      return encryptVaultId() != null ? encryptVaultId() : config().encryptIdentity();
    }
  }

  /** The actions that write vaulted data choose the secret with {@code --encrypt-vault-id}. */
  abstract static class EncryptingAction extends Action {
    @Option(names = "--encrypt-vault-id", description = "the vault id used to encrypt (required if more than one vault-id is provided)")
    String encryptVaultId;

    @Override
    boolean encrypts() {
      return true;
    }

    @Override
    String encryptVaultId() {
      return encryptVaultId;
    }
  }

  @Command(name = "create", description = "Create new vault encrypted file")
  static final class Create extends EncryptingAction {
    @Parameters(arity = "1", paramLabel = "file_name")
    String file;

    @Override
    void run(VaultFiles files) throws Exception {
      files.create(file);
    }
  }

  @Command(name = "decrypt", description = "Decrypt vault encrypted file")
  static final class Decrypt extends Action {
    @Parameters(paramLabel = "file_name")
    List<String> fileNames = new ArrayList<>();

    @Option(names = "--output", description = "output file name for encrypt or decrypt; use - for stdout")
    String output;

    @Override
    void run(VaultFiles files) throws Exception {
      files.decrypt(fileNames.isEmpty() ? List.of("-") : fileNames, output);
    }
  }

  @Command(name = "edit", description = "Edit vault encrypted file")
  static final class Edit extends EncryptingAction {
    @Parameters(arity = "1", paramLabel = "file_name")
    String file;

    @Override
    boolean encrypts() {
      return false;
    }

    @Override
    void run(VaultFiles files) throws Exception {
      files.edit(file);
    }
  }

  @Command(name = "view", description = "View vault encrypted file")
  static final class View extends Action {
    @Parameters(arity = "1..*", paramLabel = "file_name")
    List<String> fileNames = new ArrayList<>();

    @Override
    void run(VaultFiles files) throws Exception {
      files.view(fileNames);
    }
  }

  @Command(name = "encrypt", description = "Encrypt YAML file")
  static final class Encrypt extends EncryptingAction {
    @Parameters(paramLabel = "file_name")
    List<String> fileNames = new ArrayList<>();

    @Option(names = "--output", description = "output file name for encrypt or decrypt; use - for stdout")
    String output;

    @Override
    void run(VaultFiles files) throws Exception {
      files.encrypt(fileNames.isEmpty() ? List.of("-") : fileNames, output);
    }
  }

  @Command(name = "encrypt_string", description = "Encrypt a string")
  static final class EncryptString extends EncryptingAction {
    @Parameters(paramLabel = "string_to_encrypt")
    List<String> strings = new ArrayList<>();

    @Option(names = {"-n", "--name"}, description = "Specify the variable name")
    List<String> names = new ArrayList<>();

    @Option(names = "--stdin-name", description = "Specify the variable name for stdin")
    String stdinName;

    @Option(names = {"-p", "--prompt"}, description = "Prompt for the string to encrypt")
    boolean prompt;

    @Option(names = "--output", description = "output file name for encrypt or decrypt; use - for stdout")
    String output;

    @Override
    void run(VaultFiles files) throws Exception {
      files.encryptStrings(new VaultFiles.Strings(strings, names, stdinName, prompt), output);
    }
  }

  @Command(name = "rekey", description = "Re-key a vault encrypted file")
  static final class Rekey extends EncryptingAction {
    @Parameters(arity = "1..*", paramLabel = "file_name")
    List<String> fileNames = new ArrayList<>();

    @Option(names = "--new-vault-id", description = "the new vault identity to use for rekey")
    String newVaultId;

    @Option(names = {"--new-vault-password-file", "--new-vault-pass-file"}, description = "new vault password file for rekey")
    String newPasswordFile;

    @Override
    boolean encrypts() {
      return false;
    }

    @Override
    void run(VaultFiles files) throws Exception {
      String label = newVaultId == null ? config().identity()
          : newVaultId.contains("@") ? newVaultId.substring(0, newVaultId.indexOf('@')) : newVaultId;
      String source = newPasswordFile != null ? newPasswordFile
          : newVaultId != null && newVaultId.contains("@") ? newVaultId.substring(newVaultId.indexOf('@') + 1)
          : "prompt_ask_vault_pass";
      List<VaultSecret> fresh = VaultOptions.secrets(
          new VaultConfig(null, List.of(), label, null), cli.cwd, cli.out, cli.err,
          new VaultIds.Request(List.of(label + "@" + source), List.of(), false, false, true));
      files.rekey(fileNames, fresh.get(0));
    }
  }
}
