package io.tightbeam.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExecRequestTest {
  @Test
  void aProgramForBinShIsTheCommandLineItself() {
    ExecRequest r = ExecRequest.program("/bin/sh", "echo 'a b'\necho c\n");
    assertThat(r.command()).isEqualTo("echo 'a b'\necho c\n");
    assertThat(r.stdin()).isEmpty();
  }

  @Test
  void anotherShellOrALongProgramReadsItOnStdin() {
    ExecRequest busybox = ExecRequest.program("busybox sh", "echo hi\n");
    assertThat(busybox.command()).isEqualTo("busybox sh -s");
    assertThat(new String(busybox.stdin(), StandardCharsets.UTF_8)).isEqualTo("echo hi\n");

    String longText = "#" + "x".repeat(40_000) + "\necho hi\n";
    ExecRequest tooLong = ExecRequest.program("/bin/sh", longText);
    assertThat(tooLong.command()).as("one argument has a limit (128 KiB on Linux)").isEqualTo("/bin/sh -s");
    assertThat(new String(tooLong.stdin(), StandardCharsets.UTF_8)).isEqualTo(longText);
  }
}
