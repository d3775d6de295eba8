package io.tightbeam.cli;

import io.tightbeam.config.SettingsLoader;
import io.tightbeam.output.ErrorBlock;
import io.tightbeam.vault.VaultConfig;
import io.tightbeam.vault.VaultException;
import io.tightbeam.vault.VaultIds;
import io.tightbeam.vault.VaultSecret;
import io.tightbeam.yaml.Diagnostic;
import io.tightbeam.yaml.InputException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The vault flags every command shares, with Ansible's names. */
final class VaultOptions {
  @Option(names = "--vault-id", description = "the vault identity to use")
  List<String> vaultIds = new ArrayList<>();

  @Option(names = {"--vault-password-file", "--vault-pass-file"}, description = "vault password file")
  List<String> passwordFiles = new ArrayList<>();

  @Option(names = {"-J", "--ask-vault-password", "--ask-vault-pass"}, description = "ask for vault password")
  boolean askVaultPass;

  /**
   * The secrets these flags and the configured identities give; a source that fails prints
   * Ansible's warning and ends the command with its {@code ERROR!} (exit code 1).
   */
  List<VaultSecret> secrets(Map<String, String> env, Path cwd, PrintStream out, PrintStream err,
      boolean autoPrompt, boolean newPassword) {
    return secrets(config(env, cwd), cwd, out, err,
        new VaultIds.Request(vaultIds, passwordFiles, askVaultPass, autoPrompt, newPassword));
  }

  static VaultConfig config(Map<String, String> env, Path cwd) {
    return SettingsLoader.vault(env, cwd, Path.of(System.getProperty("user.home")));
  }

  static List<VaultSecret> secrets(VaultConfig config, Path cwd, PrintStream out, PrintStream err,
      VaultIds.Request request) {
    ErrorBlock block = new ErrorBlock(out, err, 0, false);
    try {
      return new VaultIds(config, cwd, Prompt::secretOrNull, block::warning).load(request);
    } catch (VaultException e) {
      throw failure(e);
    }
  }

  /** A vault error as the CLI ends with it: {@code ERROR! message}, exit code 1. */
  static InputException failure(VaultException e) {
    return new InputException(List.of(new Diagnostic(e.getMessage(), "", null)), 1);
  }
}
