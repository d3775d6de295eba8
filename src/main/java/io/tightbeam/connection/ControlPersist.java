package io.tightbeam.connection;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether the SSH sessions of a run outlive it, read as OpenSSH reads Ansible's {@code ssh_args}
 * (default {@code -C -o ControlMaster=auto -o ControlPersist=60s}): with ControlMaster {@code
 * auto}/{@code yes}/{@code ask}/{@code autoask} and a ControlPersist other than {@code no}, the
 * sessions are held by a {@link Keeper} that serves later runs and exits after {@code idleSeconds}
 * without a run (0: never, as ControlPersist {@code yes} or {@code 0}). Its socket lives in {@code
 * dir}, Ansible's {@code control_path_dir}. As in ssh, the first value given for an option wins.
 */
record ControlPersist(long idleSeconds, Path dir) {

  /** The endpoint's setting from its {@code ssh_args} and {@code control_path_dir} options, or null for none. */
  static ControlPersist of(Endpoint endpoint, Map<String, String> env) {
    String args = endpoint.options().get("ssh_args");
    String dir = endpoint.options().get("control_path_dir");
    if (args == null || args.isBlank() || dir == null || dir.isBlank()) {
      return null;
    }
    Long idle;
    try {
      idle = idleSeconds(SshSettings.words(args));
    } catch (IllegalArgumentException e) {
      return null; // ssh would refuse the arguments; run without persistence rather than fail here
    }
    if (idle == null) {
      return null;
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    Path where = dir.equals("~") ? Path.of(home) : dir.startsWith("~/") ? Path.of(home, dir.substring(2)) : Path.of(dir);
    return new ControlPersist(idle, where.toAbsolutePath().normalize());
  }

  /** Seconds to persist from ssh arguments, 0 for ever, or null when the sessions do not persist. */
  static Long idleSeconds(List<String> words) {
    String master = null;
    String persist = null;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      String option;
      if (w.equals("-o") && i + 1 < words.size()) {
        option = words.get(++i);
      } else if (w.startsWith("-o") && w.length() > 2) {
        option = w.substring(2);
      } else {
        continue;
      }
      String[] kv = option.strip().split("\\s*=\\s*|\\s+", 2);
      if (kv.length < 2) {
        continue;
      }
      String key = kv[0].toLowerCase(Locale.ROOT);
      if (key.equals("controlmaster") && master == null) {
        master = kv[1].toLowerCase(Locale.ROOT);
      } else if (key.equals("controlpersist") && persist == null) {
        persist = kv[1].toLowerCase(Locale.ROOT);
      }
    }
    if (master == null || !List.of("yes", "auto", "ask", "autoask").contains(master)
        || persist == null || persist.equals("no")) {
      return null;
    }
    return persist.equals("yes") ? 0L : seconds(persist);
  }

  /** OpenSSH's time format: {@code 60}, {@code 60s}, {@code 10m}, {@code 1h30m} (units s m h d w). */
  static long seconds(String text) {
    long total = 0;
    long number = -1;
    for (char c : text.toCharArray()) {
      if (c >= '0' && c <= '9') {
        number = (number < 0 ? 0 : number * 10) + (c - '0');
        continue;
      }
      long unit = switch (c) {
        case 's' -> 1;
        case 'm' -> 60;
        case 'h' -> 3600;
        case 'd' -> 86400;
        case 'w' -> 604800;
        default -> throw new IllegalArgumentException("bad time value '" + text + "'");
      };
      if (number < 0) {
        throw new IllegalArgumentException("bad time value '" + text + "'");
      }
      total += number * unit;
      number = -1;
    }
    if (number >= 0) {
      total += number;
    } else if (text.isEmpty()) {
      throw new IllegalArgumentException("bad time value ''");
    }
    return total;
  }
}
