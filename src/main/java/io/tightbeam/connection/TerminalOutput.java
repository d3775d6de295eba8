package io.tightbeam.connection;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.common.channel.PtyMode;

/**
 * The output side of a {@link Terminal} conversation: holds what the command prints until the
 * ready line, answers the prompt through {@code type}, then sends stdin the same way and passes
 * everything after the ready line on to {@code output}. MINA calls it on one thread at a time.
 */
final class TerminalOutput extends OutputStream {
  private final Terminal terminal;
  private final byte[] stdin;
  private final ByteArrayOutputStream output;
  private final Consumer<byte[]> type;
  private final byte[] ready;
  private final ByteArrayOutputStream conversation = new ByteArrayOutputStream();
  private boolean answered;
  private boolean started;

  TerminalOutput(Terminal terminal, byte[] stdin, ByteArrayOutputStream output, Consumer<byte[]> type) {
    this.terminal = terminal;
    this.stdin = stdin == null ? new byte[0] : stdin;
    this.output = output;
    this.type = type;
    this.ready = (terminal.ready() + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    if (started) {
      output.write(b, off, len);
      return;
    }
    conversation.write(b, off, len);
    byte[] said = conversation.toByteArray();
    int at = indexOf(said, ready);
    if (at >= 0) {
      started = true;
      if (stdin.length > 0) {
        type.accept(stdin);
      }
      output.write(said, at + ready.length, said.length - at - ready.length);
    } else if (!answered && endsWithPrompt(new String(said, StandardCharsets.UTF_8))) {
      answered = true;
      type.accept((terminal.answer() + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The prompt is answered only once it is the last thing said: the command now waits on it. */
  private boolean endsWithPrompt(String said) {
    java.util.regex.Matcher m = terminal.prompt().matcher(said);
    while (m.find()) {
      if (said.substring(m.end()).isBlank()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Asks for a pseudo-terminal that neither echoes what we type nor turns {@code \n} into {@code
   * \r\n} (the command switches it to raw mode once su is done).
   */
  static void configure(ChannelExec channel) {
    channel.setUsePty(true);
    channel.setPtyModes(Map.of(PtyMode.ECHO, 0, PtyMode.OPOST, 0, PtyMode.ONLCR, 0));
  }

  /** Whether the command got as far as its ready line. */
  synchronized boolean started() {
    return started;
  }

  /**
   * The command's result: its stdout and stderr split apart again, or, when it never got to its
   * ready line, what it said (without the password prompt) as stdout.
   */
  synchronized ExecResult result(int exitCode, byte[] stderr) {
    if (!started) {
      String said = new String(conversation.toByteArray(), StandardCharsets.UTF_8);
      byte[] text = terminal.prompt().matcher(said).replaceFirst("").strip().concat("\n").getBytes(StandardCharsets.UTF_8);
      return new ExecResult(exitCode, text, stderr);
    }
    byte[] all = output.toByteArray();
    byte[] mark = ("\n" + terminal.ready() + " stderr\n").getBytes(StandardCharsets.UTF_8);
    int at = lastIndexOf(all, mark);
    if (at < 0) {
      return new ExecResult(exitCode, all, stderr); // killed before it could print its stderr
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    err.writeBytes(stderr);
    err.write(all, at + mark.length, all.length - at - mark.length);
    return new ExecResult(exitCode, Arrays.copyOf(all, at), err.toByteArray());
  }

  private static int lastIndexOf(byte[] data, byte[] part) {
    for (int i = data.length - part.length; i >= 0; i--) {
      if (Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(byte[] data, byte[] part) {
    for (int i = 0; i + part.length <= data.length; i++) {
      if (Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    return -1;
  }
}
