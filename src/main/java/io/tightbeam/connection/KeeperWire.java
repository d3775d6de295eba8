package io.tightbeam.connection;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The frames between a run and its {@link Keeper}, over a UNIX socket. The run opens with {@link
 * #MAGIC}, {@link #VERSION} and how long the keeper should persist after it; the keeper answers
 * {@link #VERSION}. Then the run sends requests ({@code 'R'}: id, endpoint, exec request) and
 * cancellations ({@code 'C'}: id); the keeper answers each request once, in any order: id, then
 * {@code 0} exit code, stdout, stderr; {@code 1} a {@link ConnectionException}'s message; or
 * {@code 2} an {@link IllegalArgumentException}'s. Strings are a length (-1 for null) and UTF-8.
 */
final class KeeperWire {
  static final int MAGIC = 0x54424b50; // "TBKP"
  static final int VERSION = 1;
  static final byte REQUEST = 'R';
  static final byte CANCEL = 'C';
  static final byte RESULT = 0;
  static final byte UNREACHABLE = 1;
  static final byte BAD_ARGUMENT = 2;

  private KeeperWire() {}

  /** An exec request as the keeper received it. */
  record Request(long id, Endpoint endpoint, ExecRequest exec) {}

  static void writeRequest(DataOutputStream out, long id, Endpoint e, ExecRequest r) throws IOException {
    out.writeByte(REQUEST);
    out.writeLong(id);
    writeString(out, e.inventoryName());
    writeString(out, e.type());
    writeString(out, e.address());
    out.writeInt(e.port());
    writeString(out, e.user());
    out.writeLong(e.connectTimeout() == null ? -1 : e.connectTimeout().toMillis());
    writeMap(out, e.options());
    writeString(out, r.command());
    writeBytes(out, r.stdin());
    writeMap(out, r.environment());
    writeString(out, r.workDir());
    out.writeLong(r.timeout() == null ? -1 : r.timeout().toMillis());
    Terminal t = r.terminal();
    out.writeBoolean(t != null);
    if (t != null) {
      writeString(out, t.prompt().pattern());
      out.writeInt(t.prompt().flags());
      writeString(out, t.answer());
      writeString(out, t.ready());
    }
  }

  /** Reads the request that follows a {@link #REQUEST} byte. */
  static Request readRequest(DataInputStream in) throws IOException {
    long id = in.readLong();
    String name = readString(in);
    String type = readString(in);
    String address = readString(in);
    int port = in.readInt();
    String user = readString(in);
    long connect = in.readLong();
    Map<String, String> options = readMap(in);
    Endpoint endpoint = new Endpoint(name, type, address, port, user,
        connect < 0 ? null : Duration.ofMillis(connect), options);
    String command = readString(in);
    byte[] stdin = readBytes(in);
    Map<String, String> environment = readMap(in);
    String workDir = readString(in);
    long timeout = in.readLong();
    Terminal terminal = null;
    if (in.readBoolean()) {
      String pattern = readString(in);
      int flags = in.readInt();
      terminal = new Terminal(Pattern.compile(pattern, flags), readString(in), readString(in));
    }
    return new Request(id, endpoint, new ExecRequest(command, stdin, environment, workDir,
        timeout < 0 ? null : Duration.ofMillis(timeout), terminal));
  }

  static void writeString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
    } else {
      writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
    }
  }

  static String readString(DataInputStream in) throws IOException {
    byte[] b = readBytes(in);
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  static byte[] readBytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    return in.readNBytes(n);
  }

  private static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
    Map<String, String> m = map == null ? Map.of() : map;
    out.writeInt(m.size());
    for (Map.Entry<String, String> e : m.entrySet()) {
      writeString(out, e.getKey());
      writeString(out, e.getValue());
    }
  }

  private static Map<String, String> readMap(DataInputStream in) throws IOException {
    int n = in.readInt();
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      m.put(readString(in), readString(in));
    }
    return m;
  }

  /**
   * A blocking stream over the channel's own read: {@code Channels.newInputStream} takes the
   * channel's blocking lock, which a writer on another thread also takes.
   */
  static InputStream input(SocketChannel channel) {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return len == 0 ? 0 : channel.read(ByteBuffer.wrap(b, off, len));
      }
    };
  }

  /** A blocking stream over the channel's own write (see {@link #input}). */
  static OutputStream output(SocketChannel channel) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }
    };
  }
}
