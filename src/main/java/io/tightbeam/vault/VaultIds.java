package io.tightbeam.vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Turns {@code --vault-id label@source}, {@code --vault-password-file}, {@code --ask-vault-pass}
 * and the configured identities into secrets, in Ansible's order: the configured identity list,
 * the {@code --vault-id}s, the password files (given, then configured), then the prompt. A source
 * is {@code prompt}, a file whose stripped content is the password, or an executable whose stdout
 * is (a {@code *-client} script is asked with {@code --vault-id label}).
 */
public final class VaultIds {
  private final VaultConfig config;
  private final Path cwd;
  private final UnaryOperator<String> prompt;
  private final Consumer<String> warnings;

  /**
   * {@code prompt} reads a password after showing its argument (no echo); {@code warnings} takes
   * Ansible's warnings (without the {@code [WARNING]: } prefix) shown before an error.
   */
  public VaultIds(VaultConfig config, Path cwd, UnaryOperator<String> prompt, Consumer<String> warnings) {
    this.config = config;
    this.cwd = cwd;
    this.prompt = prompt;
    this.warnings = warnings;
  }

  /** What the command line asked for. {@code autoPrompt}: prompt when nothing else was given. */
  public record Request(List<String> vaultIds, List<String> passwordFiles, boolean askVaultPass,
      boolean autoPrompt, boolean newPassword) {
    public Request {
      vaultIds = List.copyOf(vaultIds);
      passwordFiles = List.copyOf(passwordFiles);
    }

    public static Request of(List<String> vaultIds, List<String> passwordFiles, boolean askVaultPass) {
      return new Request(vaultIds, passwordFiles, askVaultPass, false, false);
    }
  }

  /** The secrets, in order; throws {@link VaultException} with Ansible's message for a bad source. */
  public List<VaultSecret> load(Request request) {
    List<VaultSecret> out = new ArrayList<>();
    Set<String> prompted = new HashSet<>();
    for (String slug : slugs(request)) {
      int at = slug.indexOf('@');
      String label = at < 0 ? config.identity() : slug.substring(0, at);
      String source = at < 0 ? slug : slug.substring(at + 1);
      if (source.equals("prompt") || source.equals("prompt_ask_vault_pass")) {
        if (prompted.add(label)) {
          out.add(fromPrompt(label, source.equals("prompt_ask_vault_pass"), request.newPassword()));
        }
      } else {
        out.add(fromFile(label, source));
      }
    }
    return out;
  }

  private List<String> slugs(Request request) {
    List<String> slugs = new ArrayList<>(config.identityList());
    slugs.addAll(request.vaultIds());
    List<String> files = new ArrayList<>(request.passwordFiles());
    if (config.passwordFile() != null) {
      files.add(config.passwordFile());
    }
    files.forEach(f -> slugs.add(config.identity() + "@" + f));
    if (request.askVaultPass() || (slugs.isEmpty() && request.autoPrompt())) {
      slugs.add(config.identity() + "@prompt_ask_vault_pass");
    }
    return slugs;
  }

  private VaultSecret fromPrompt(String label, boolean plain, boolean confirm) {
    boolean bare = plain && label.equals(VaultSecret.DEFAULT_ID);
    String first = confirm
        ? (bare ? "New Vault password: " : "New vault password (" + label + "): ")
        : (bare ? "Vault password: " : "Vault password (" + label + "): ");
    String password = prompt.apply(first);
    if (password == null) {
      throw fail("Error in vault password prompt", label, "EOFError (ctrl-d) on prompt for (" + label + ")");
    }
    if (confirm) {
      String again = prompt.apply(bare ? "Confirm New Vault password: " : "Confirm new vault password (" + label + "): ");
      if (!password.equals(again)) {
        throw fail("Error in vault password prompt", label, "Passwords do not match");
      }
    }
    return VaultSecret.of(label, password);
  }

  private VaultSecret fromFile(String label, String source) {
    Path path = cwd.resolve(source.startsWith("~/")
        ? System.getProperty("user.home") + source.substring(1) : source).normalize();
    if (!Files.exists(path)) {
      throw fail("Error getting vault password file", label, "The vault password file " + path + " was not found");
    }
    try {
      if (Files.isExecutable(path) && !Files.isDirectory(path)) {
        return new VaultSecret(label, PasswordScript.run(path, label));
      }
      byte[] password = strip(Files.readAllBytes(path));
      if (password.length == 0) {
        throw new VaultException("Invalid vault password was provided from file (" + path + ")");
      }
      return new VaultSecret(label, password);
    } catch (IOException e) {
      throw fail("Error in vault password file loading", label, "Could not read vault password file " + path + ": " + e.getMessage());
    } catch (VaultException e) {
      throw fail("Error in vault password file loading", label, e.getMessage());
    }
  }

  private VaultException fail(String what, String label, String message) {
    warnings.accept(what + " (" + label + "): " + message);
    return new VaultException(message);
  }

  /** Python's {@code bytes.strip()}: ASCII whitespace off both ends. */
  static byte[] strip(byte[] data) {
    int start = 0;
    int end = data.length;
    while (start < end && isSpace(data[start])) {
      start++;
    }
    while (end > start && isSpace(data[end - 1])) {
      end--;
    }
    return java.util.Arrays.copyOfRange(data, start, end);
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0b || b == 0x0c;
  }

  static String text(byte[] data) {
    return new String(data, StandardCharsets.UTF_8);
  }
}
