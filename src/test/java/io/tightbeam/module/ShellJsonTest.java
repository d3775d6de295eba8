package io.tightbeam.module;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShellJsonTest {
  private static String encode(byte[] input) throws Exception {
    Process p =
        new ProcessBuilder("/bin/sh", "-c", ShellJson.FUNCTIONS + "\ntb_json").start();
    p.getOutputStream().write(input);
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    p.waitFor(10, TimeUnit.SECONDS);
    return new String(out, StandardCharsets.UTF_8);
  }

  @Test
  void awkwardTextSurvivesARoundTripThroughJson() throws Exception {
    String text = "a \"quoted\" \\ back\tslash\r\nline2 ünïcödé\u0001\u0000end\n";
    String json = encode(text.getBytes(StandardCharsets.UTF_8));
    assertThat(new ObjectMapper().readValue(json, String.class)).isEqualTo(text);
  }

  @Test
  void emptyInputIsTheEmptyString() throws Exception {
    assertThat(encode(new byte[0])).isEqualTo("\"\"");
  }
}
