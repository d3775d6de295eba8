package io.tightbeam.connection;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;

/**
 * How to reach one host over SSH, read from an {@link Endpoint}: its fields first, then the
 * OpenSSH options found in {@code ansible_ssh_common_args} / {@code ansible_ssh_extra_args} for
 * whatever the endpoint leaves unset. A port of 0 and a null user leave the choice to {@code
 * ~/.ssh/config} ({@link #withConfig}), then 22 and the local user. {@code identityFiles} must load;
 * {@code configKeys} (from ssh_config) are tried when they do. {@code proxyJump} is OpenSSH's
 * {@code [user@]host[:port][,...]} or null.
 */
record SshSettings(
    String inventoryName,
    String address,
    int port,
    String user,
    Duration connectTimeout,
    List<Path> identityFiles,
    List<Path> configKeys,
    String password,
    HostKeyPolicy hostKeys,
    String proxyJump) {

  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Whether and against which file host keys are checked; {@code acceptNew} adds unknown ones. */
  record HostKeyPolicy(boolean check, boolean acceptNew, Path knownHosts) {}

  static SshSettings from(Endpoint endpoint, Path sshDir) {
    Map<String, String> options = endpoint.options() == null ? Map.of() : endpoint.options();
    List<String> args = new ArrayList<>();
    args.addAll(words(options.get("ansible_ssh_common_args")));
    args.addAll(words(options.get("ansible_ssh_extra_args")));

    int port = endpoint.port();
    String user = blankToNull(endpoint.user());
    Duration timeout = endpoint.connectTimeout();
    List<Path> keys = new ArrayList<>();
    String keyOption = blankToNull(options.get("ansible_ssh_private_key_file"));
    if (keyOption == null) {
      keyOption = blankToNull(options.get("ansible_private_key_file"));
    }
    if (keyOption != null) {
      keys.add(localPath(keyOption));
    }
    String jump = null;
    boolean check = !isFalse(options.get("host_key_checking"));
    boolean acceptNew = false;
    Path knownHosts = sshDir.resolve("known_hosts");

    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String value = i + 1 < args.size() ? args.get(i + 1) : null;
      if (arg.length() > 2 && arg.startsWith("-") && "iploJ".indexOf(arg.charAt(1)) >= 0) {
        value = arg.substring(2); // -oKey=value, -p2222 ...
        arg = arg.substring(0, 2);
      } else {
        i++;
      }
      if (value == null) {
        break;
      }
      switch (arg) {
        case "-i" -> keys.add(localPath(value));
        case "-p" -> port = port > 0 ? port : Integer.parseInt(value);
        case "-l" -> user = user != null ? user : value;
        case "-J" -> jump = jump != null ? jump : value;
        case "-o" -> {
          String[] kv = value.split("[=\\s]+", 2);
          String key = kv[0].toLowerCase(Locale.ROOT);
          String v = kv.length > 1 ? kv[1].trim() : "";
          switch (key) {
            case "stricthostkeychecking" -> {
              check = check && !isFalse(v);
              acceptNew = v.equalsIgnoreCase("accept-new");
            }
            case "userknownhostsfile" -> knownHosts = localPath(v.split("\\s+")[0]);
            case "identityfile" -> keys.add(localPath(v));
            case "port" -> port = port > 0 ? port : Integer.parseInt(v);
            case "user" -> user = user != null ? user : v;
            case "connecttimeout" -> timeout = timeout != null ? timeout : Duration.ofSeconds(Long.parseLong(v));
            case "proxyjump" -> jump = jump != null ? jump : v;
            default -> {
              // other OpenSSH options have no MINA equivalent we honour; ignoring them matches ssh's tolerance
            }
          }
        }
        default -> i--; // an unknown flag: do not swallow the next word
      }
    }
    String password = options.get("ansible_password");
    if (password == null) {
      password = options.get("ansible_ssh_pass");
    }
    String address = blankToNull(endpoint.address()) != null ? endpoint.address() : endpoint.inventoryName();
    return new SshSettings(
        endpoint.inventoryName(),
        address,
        Math.max(port, 0),
        user,
        timeout == null ? DEFAULT_CONNECT_TIMEOUT : timeout,
        List.copyOf(keys),
        List.of(),
        password,
        new HostKeyPolicy(check, acceptNew, knownHosts),
        jump);
  }

  /**
   * These settings completed from ssh_config as ssh reads it for {@link #address}: what the
   * inventory and the ssh arguments leave unset comes from the first matching {@code HostName},
   * {@code Port}, {@code User} and {@code ProxyJump}, and {@code IdentityFile}s are added after
   * ours; then port 22 and the local user.
   */
  SshSettings withConfig(HostConfigEntryResolver config) {
    HostConfigEntry entry;
    try {
      entry = config.resolveEffectiveHost(address, port, null, user, proxyJump, null);
    } catch (IOException | RuntimeException e) {
      throw new ConnectionException("cannot read the ssh config for " + address + ": " + SshDialer.describe(e), e);
    }
    String host = address;
    int p = port;
    String u = user;
    String jump = proxyJump;
    List<Path> extraKeys = new ArrayList<>();
    if (entry != null) {
      host = blankToNull(entry.getHostName()) != null ? entry.getHostName() : address;
      p = p > 0 ? p : entry.getPort();
      u = u != null ? u : blankToNull(entry.getUsername());
      jump = jump != null ? jump : blankToNull(entry.getProxyJump());
      for (String key : entry.getIdentities()) {
        if (!identityFiles.contains(Path.of(key))) {
          extraKeys.add(Path.of(key));
        }
      }
    }
    if (jump != null && jump.equalsIgnoreCase("none")) {
      jump = null; // as ssh: "none" switches off a ProxyJump set elsewhere
    }
    return new SshSettings(inventoryName, host, p > 0 ? p : 22, u != null ? u : System.getProperty("user.name"),
        connectTimeout, identityFiles, List.copyOf(extraKeys), password, hostKeys, jump);
  }

  private static boolean isFalse(String value) {
    if (value == null) {
      return false;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "false", "no", "off", "0", "n" -> true;
      default -> false;
    };
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  static Path localPath(String path) {
    if (path.equals("~") || path.startsWith("~/")) {
      return Path.of(System.getProperty("user.home") + path.substring(1));
    }
    return Path.of(path);
  }

  /** Splits an ssh argument string into words as sh would: quotes group, backslash escapes. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
          word.append(text.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        if (word == null) {
          word = new StringBuilder();
        }
        if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '\\' && i + 1 < text.length()) {
          word.append(text.charAt(++i));
        } else {
          word.append(c);
        }
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }
}
