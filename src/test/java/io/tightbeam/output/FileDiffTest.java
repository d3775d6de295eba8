package io.tightbeam.output;

import static io.tightbeam.output.Console.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.tightbeam.executor.HostOutcome;
import io.tightbeam.executor.RunListener;
import io.tightbeam.executor.TaskHeader;
import io.tightbeam.yaml.Pos;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Diff rendering against Python's difflib and Ansible's callback (expected texts printed by
 * python3's difflib.unified_diff and ansible-playbook 2.14 on this machine).
 */
class FileDiffTest {
  private static List<String> lines(String chars) {
    List<String> out = new ArrayList<>();
    chars.chars().forEach(c -> out.add((char) c + "\n"));
    return out;
  }

  private static String diff(List<String> a, List<String> b) {
    return String.join("", UnifiedDiff.lines(a, b, "before", "after", 3));
  }

  @Test
  void matchesDifflibWhereAnotherAlgorithmWouldChooseOtherHunks() {
    assertThat(diff(lines("abcabba"), lines("cbabac")))
        .isEqualTo("--- before\n+++ after\n@@ -1,7 +1,6 @@\n+c\n+b\n a\n b\n+a\n c\n-a\n-b\n-b\n-a\n");
  }

  @Test
  void changesFarApartMakeSeparateHunksWithThreeLinesOfContext() {
    assertThat(diff(lines("abcdefghijklmnop"), lines("abXdefghijklmnoZ")))
        .isEqualTo("--- before\n+++ after\n@@ -1,6 +1,6 @@\n a\n b\n-c\n+X\n d\n e\n f\n"
            + "@@ -13,4 +13,4 @@\n m\n n\n o\n-p\n+Z\n");
  }

  @Test
  void emptySidesUseDifflibsRanges() {
    assertThat(diff(List.of(), List.of("x\n"))).isEqualTo("--- before\n+++ after\n@@ -0,0 +1 @@\n+x\n");
    assertThat(diff(List.of("x\n"), List.of())).isEqualTo("--- before\n+++ after\n@@ -1 +0,0 @@\n-x\n");
    assertThat(diff(lines("ab"), lines("ab"))).isEmpty();
  }

  @Test
  void longTextWithPopularLinesMatchesDifflibsAutojunk() {
    List<String> before = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      before.add(i % 3 == 0 ? "x\n" : "line " + i + "\n");
    }
    List<String> after = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (i >= 10 && i <= 12) {
        continue;
      }
      after.add(i % 50 == 0 ? "changed " + i + "\n" : before.get(i));
      if (i == 200) {
        after.add("new\n");
      }
    }
    assertThat(String.join("", UnifiedDiff.lines(before, after, "before: a", "after: b", 3)))
        .isEqualTo(Console.golden("diff/long.txt"));
  }

  @Test
  void contentDiffHasHeadersAndATrailingBlankLine() {
    Map<String, Object> d = map("before", "one\nzwei\n", "after", "one\ntwo\n",
        "before_header", "/etc/a", "after_header", "/tmp/src");
    assertThat(FileDiff.render(List.of(d), false))
        .isEqualTo("--- before: /etc/a\n+++ after: /tmp/src\n@@ -1,2 +1,2 @@\n one\n-zwei\n+two\n\n");
  }

  @Test
  void aLastLineWithoutNewlineIsMarked() {
    assertThat(FileDiff.render(map("before", "a\nc\n", "after", "a\nb"), false))
        .isEqualTo("--- before\n+++ after\n@@ -1,2 +1,2 @@\n a\n-c\n+b\n\\ No newline at end of file\n\n");
  }

  @Test
  void dictSidesAreSortedJsonWithAsciiEscapes() {
    Map<String, Object> d = map(
        "before", map("path", "/tmp/\u00e9", "state", "absent"),
        "after", map("state", "directory", "path", "/tmp/\u00e9"));
    assertThat(FileDiff.render(d, false)).isEqualTo("--- before\n+++ after\n@@ -1,4 +1,4 @@\n {\n"
        + "     \"path\": \"/tmp/\\u00e9\",\n-    \"state\": \"absent\"\n+    \"state\": \"directory\"\n }\n\n");
  }

  @Test
  void equalSidesAndEmptyAttributeDiffsPrintNothing() {
    Map<String, Object> content = map("before", "x\n", "after", "x\n", "before_header", "f (content)",
        "after_header", "f (content)");
    Map<String, Object> attributes = map("before_header", "f (file attributes)", "after_header", "f (file attributes)");
    assertThat(FileDiff.render(List.of(content, attributes), false)).isEmpty();
    assertThat(FileDiff.render(map("before", map("path", "/a"), "after", map("path", "/a")), false)).isEmpty();
  }

  @Test
  void skippedDiffsSayWhyAndPreparedTextIsShownAsIs() {
    assertThat(FileDiff.render(List.of(map("dst_binary", 1, "src_larger", 104448), map("prepared", "apt: +vim\n")), false))
        .isEqualTo("diff skipped: destination file appears to be binary\n"
            + "diff skipped: source file size is greater than 104448\napt: +vim\n");
  }

  @Test
  void colouredLinesAreWrappedOneByOneAsAnsibleDoes() {
    String red = "\033[0;31m";
    String green = "\033[0;32m";
    String cyan = "\033[0;36m";
    String reset = "\033[0m";
    assertThat(FileDiff.render(map("before", "a\n", "after", "b\n"), true)).isEqualTo(
        red + "--- before" + reset + "\n" + red + reset + green + "+++ after" + reset + "\n" + green + reset
            + cyan + "@@ -1 +1 @@" + reset + "\n" + cyan + reset
            + red + "-a" + reset + "\n" + red + reset + green + "+b" + reset + "\n" + green + reset + "\n");
  }

  private static final Map<String, Object> FILE_DIFF =
      map("before", map("path", "/d", "state", "absent"), "after", map("path", "/d", "state", "directory"));

  private static String shown(String callback, Map<String, Object> result) {
    Console c = new Console();
    RunListener l = c.callback(callback, 0, false);
    TaskHeader task = new TaskHeader("file", "file", false, new Pos("pb.yml", 1, 7));
    HostOutcome outcome = new HostOutcome.Ok("h1", result, null, false);
    l.taskStart(task);
    int from = c.stdout().length();
    l.fileDiff(task, outcome);
    l.taskOutcome(task, outcome);
    return c.stdout().substring(from);
  }

  @Test
  void defaultCallbackShowsTheDiffOfAChangedResultBeforeItsLine() {
    assertThat(shown("default", map("changed", true, "diff", FILE_DIFF))).isEqualTo("--- before\n+++ after\n"
        + "@@ -1,4 +1,4 @@\n {\n     \"path\": \"/d\",\n-    \"state\": \"absent\"\n+    \"state\": \"directory\"\n }\n\n"
        + "changed: [h1]\n");
    assertThat(shown("default", map("changed", false, "diff", FILE_DIFF))).isEqualTo("ok: [h1]\n");
  }

  @Test
  void minimalCallbackShowsAnyDiffEvenAnEmptyOne() {
    // ansible -D prints an empty line for an unchanged file module result
    assertThat(shown("minimal", map("changed", false, "diff", map("before", map("path", "/d"), "after", map("path", "/d")))))
        .isEqualTo("\nh1 | SUCCESS => {\n    \"changed\": false\n}\n");
  }

  @Test
  void splitLinesKeepsEndsLikePython() {
    assertThat(FileDiff.splitLines("a\r\nb\rc\u2028d")).containsExactly("a\r\n", "b\r", "c\u2028", "d");
  }
}
