package io.tightbeam.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The json callback's document against ansible-core 2.14.18's for the same play; ids and times
 * differ per run, so both sides have them replaced (and the play's path, which our events lack,
 * was taken out of the recorded document).
 */
class JsonCallbackTest {

  private static String normalise(String json) {
    return json.replaceAll("\"id\": \"[^\"]*\"", "\"id\": \"ID\"")
        .replaceAll("\"start\": \"[^\"]*\"", "\"start\": \"START\"")
        .replaceAll("\"end\": \"[^\"]*\"", "\"end\": \"END\"");
  }

  @Test
  void documentHasAnsiblesShapeKeysAndEscaping() {
    Console c = new Console();
    Display display = new Display(c.outStream, c.errStream, 0, false);
    BasicPlay.play(new JsonCallback(display, Clock.systemUTC(), "02fc0000-0001-2983-2566-"));
    assertThat(normalise(c.stdout())).isEqualTo(Console.golden("json/basic.json"));
  }

  @Test
  void idsCountUpAndTimesArePythonIsoformatInUtc() {
    Console c = new Console();
    Display display = new Display(c.outStream, c.errStream, 0, false);
    Clock clock = Clock.fixed(Instant.parse("2026-11-29T08:53:00.128760Z"), ZoneOffset.UTC);
    JsonCallback json = new JsonCallback(display, clock, "02fc0000-0001-2983-2566-");
    json.playStart("p");
    json.recap(new java.util.TreeMap<>());
    assertThat(c.stdout())
        .contains("\"id\": \"02fc0000-0001-2983-2566-000000000001\"")
        .contains("\"start\": \"2026-11-29T08:53:00.128760Z\"");
    Console whole = new Console();
    JsonCallback second = new JsonCallback(new Display(whole.outStream, whole.errStream, 0, false),
        Clock.fixed(Instant.parse("2026-11-29T08:53:00Z"), ZoneOffset.UTC), "x-");
    second.playStart("p");
    second.recap(new java.util.TreeMap<>());
    assertThat(whole.stdout()).contains("\"start\": \"2026-11-29T08:53:00Z\"");
  }
}
