package io.tightbeam.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import io.tightbeam.connection.Keeper;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * Not a command: {@code bin/launch} runs it once per build, while the JVM records the classes a run
 * loads into the class-data-sharing archive that makes later start-ups fast. It runs a small
 * playbook (templating, loops, async jobs and their polling) and an ad hoc command over SSH to a
 * server inside this process on 127.0.0.1, which accepts only a key made for this run and runs
 * commands with {@code /bin/sh -c}, as sshd does. Whatever fails here only makes the archive
 * smaller, so it always exits 0 (run it with {@code -Dtb.warm.show=true} to see its output).
 */
final class Warmup {
  private Warmup() {}

  private static final String PLAYBOOK = """
      - hosts: all
        gather_facts: false
        vars:
          words: [a, b]
        tasks:
          - command: /bin/true
            register: r
          - set_fact:
              seen: "{{ words | map('upper') | join(',') ~ r.rc }}"
            loop: "{{ words }}"
            when: r is succeeded
          - shell: "echo {{ seen | quote }}"
            async: 10
            poll: 1
          - command: /bin/true
            async: 10
            poll: 0
            register: job
          - async_status:
              jid: "{{ job.ansible_job_id }}"
            register: status
            until: status.finished
            retries: 10
            delay: 1
          - copy:
              content: "{{ seen }}\\n"
              dest: "{{ work }}/copied"
          - debug:
              msg: "{{ status.rc | default('none') }}"
      """;

  public static void main(String[] args) {
    try {
      Path dir = Files.createTempDirectory("tightbeam-warmup");
      try {
        run(dir);
      } finally {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    } catch (Exception | LinkageError e) {
      // a smaller archive, nothing worse
    }
    System.exit(0);
  }

  private static void run(Path dir) throws Exception {
    KeyPair hostKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    KeyPair clientKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    Path keyFile = dir.resolve("id_ed25519");
    Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (OutputStream out = Files.newOutputStream(keyFile)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "warmup", null, out);
    }
    SshServer server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, clientKey.getPublic()));
    server.setPasswordAuthenticator(null);
    server.setKeyboardInteractiveAuthenticator(null);
    server.setCommandFactory((channel, command) -> new ShCommand(command));
    server.start();
    try {
      Path playbook = Files.writeString(dir.resolve("warmup.yml"), PLAYBOOK);
      Map<String, String> env = new HashMap<>(System.getenv());
      env.put("ANSIBLE_CONFIG", dir.resolve("none.cfg").toString());
      env.put("ANSIBLE_HOST_KEY_CHECKING", "False");
      env.put("ANSIBLE_ASYNC_DIR", dir.resolve("async").toString());
      env.put("ANSIBLE_REMOTE_TMP", dir.resolve("tmp").toString());
      env.put("ANSIBLE_NOCOLOR", "1");
      // the registry's classes (SQLite's driver) go into the archive; the user's registry is not written
      env.put("TIGHTBEAM_JOB_REGISTRY", dir.resolve("jobs.db").toString());
      env.put("ANSIBLE_SSH_ARGS", ""); // no keeper process outliving the training run
      String inventory = dir.resolve("hosts.ini").toString();
      Files.writeString(Path.of(inventory), "warm ansible_host=127.0.0.1 ansible_port=" + server.getPort()
          + " ansible_ssh_private_key_file=" + keyFile + " work=" + dir + "\n");
      PrintStream quiet = Boolean.getBoolean("tb.warm.show") ? System.out : new PrintStream(OutputStream.nullOutputStream());
      PlaybookCli.execute(new String[] {"-i", inventory, playbook.toString()}, quiet, quiet, env);
      AdHocCli.execute(new String[] {"all", "-i", inventory, "-B", "10", "-P", "1", "-a", "true"}, quiet, quiet, env);
      // the keeper's own start (its socket, lock and dialer), which a cold run waits for, comes from
      // the archive too: it serves nobody and ends after its one second of persist
      Keeper.serve(dir.resolve("keeper"), 1, new PrintStream(OutputStream.nullOutputStream())); // it closes its stream
    } finally {
      try {
        server.stop(true);
      } catch (IOException e) {
        // the process ends anyway
      }
    }
  }

  /** {@code /bin/sh -c command} with the channel's streams and environment, as sshd runs it. */
  private static final class ShCommand implements Command {
    private final String command;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private Process process;

    ShCommand(String command) {
      this.command = command;
    }

    @Override
    public void setInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
      this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
      this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
      ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command);
      pb.environment().putAll(env.getEnv());
      process = pb.start();
      Thread feed = pump(in, process.getOutputStream(), true);
      Thread copyOut = pump(process.getInputStream(), out, false);
      Thread copyErr = pump(process.getErrorStream(), err, false);
      Thread waiter = new Thread(() -> {
        try {
          int code = process.waitFor();
          copyOut.join();
          copyErr.join();
          feed.interrupt();
          exit.onExit(code);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      waiter.setDaemon(true);
      waiter.start();
    }

    private static Thread pump(InputStream from, OutputStream to, boolean closeWhenDone) {
      Thread t = new Thread(() -> {
        byte[] buf = new byte[8192];
        try {
          for (int n; (n = from.read(buf)) >= 0; ) {
            to.write(buf, 0, n);
            to.flush();
          }
        } catch (IOException e) {
          // the other side went away
        } finally {
          if (closeWhenDone) {
            try {
              to.close();
            } catch (IOException e) {
              // nothing to do
            }
          }
        }
      });
      t.setDaemon(true);
      t.start();
      return t;
    }

    @Override
    public void destroy(ChannelSession channel) {
      if (process != null) {
        process.destroyForcibly();
      }
    }
  }
}
