package io.tightbeam.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The {@link Connection} contract for {@link LocalConnection}, plus what only local can show. */
class LocalConnectionIT extends ConnectionContract {
  private final LocalConnection connection = new LocalConnection("localhost");

  @Override
  Connection connection() {
    return connection;
  }

  @Test
  void timeoutKillsTheCommandsChildrenToo() throws Exception {
    java.nio.file.Path marker = tmp.resolve("survived");
    run(ExecRequest.of("(sleep 2; touch " + marker + ") & sleep 30").withTimeout(java.time.Duration.ofMillis(500)));
    Thread.sleep(2500);
    assertThat(marker).doesNotExist();
  }
}
