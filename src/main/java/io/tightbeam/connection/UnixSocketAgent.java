package io.tightbeam.connection;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * Talks to the user's ssh-agent over {@code SSH_AUTH_SOCK} with the JDK's own UNIX-domain sockets;
 * MINA's built-in agent client needs the native APR library, which we do not ship.
 */
final class UnixSocketAgent extends AbstractAgentProxy {
  private final Path socket;

  UnixSocketAgent(Path socket) {
    super(null);
    this.socket = socket;
  }

  /** The factory MINA asks for an agent during public-key authentication. */
  static SshAgentFactory factory(Path socket) {
    return new SshAgentFactory() {
      @Override
      public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
        return List.of(); // no agent forwarding
      }

      @Override
      public SshAgent createClient(Session session, FactoryManager manager) {
        return new UnixSocketAgent(socket);
      }

      @Override
      public SshAgentServer createServer(ConnectionService service) {
        throw new UnsupportedOperationException("agent forwarding is not supported");
      }
    };
  }

  @Override
  public boolean isOpen() {
    return true; // each request opens its own socket
  }

  @Override
  protected synchronized Buffer request(Buffer buffer) throws IOException {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      // The buffer already starts with its length prefix.
      ByteBuffer out = ByteBuffer.wrap(buffer.getCompactData());
      while (out.hasRemaining()) {
        channel.write(out);
      }
      ByteBuffer length = readFully(channel, 4);
      return new ByteArrayBuffer(readFully(channel, length.getInt()).array());
    }
  }

  private static ByteBuffer readFully(SocketChannel channel, int size) throws IOException {
    ByteBuffer data = ByteBuffer.allocate(size);
    while (data.hasRemaining()) {
      if (channel.read(data) < 0) {
        throw new EOFException("ssh-agent closed the connection");
      }
    }
    return data.flip();
  }
}
