package io.tightbeam.output;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A unified diff of two line lists as Python's {@code difflib.unified_diff} writes it (Ansible's
 * callbacks use it): the same matching (longest common runs found recursively, lines that make up
 * more than 1% of a 200+ line text left out of the search), the same hunks and the same headers.
 * Another algorithm (Myers) would often choose other hunks, and the console would differ.
 */
final class UnifiedDiff {
  /** {@code a[i, i + size)} equals {@code b[j, j + size)}. */
  private record Match(int i, int j, int size) {}

  /** difflib's opcodes: how {@code a[i1, i2)} becomes {@code b[j1, j2)}. */
  private enum Tag { EQUAL, REPLACE, DELETE, INSERT }

  private record Op(Tag tag, int i1, int i2, int j1, int j2) {}

  private final List<String> a;
  private final List<String> b;
  private final Map<String, List<Integer>> positionsInB = new HashMap<>();

  private UnifiedDiff(List<String> a, List<String> b) {
    this.a = a;
    this.b = b;
    for (int j = 0; j < b.size(); j++) {
      positionsInB.computeIfAbsent(b.get(j), k -> new ArrayList<>()).add(j);
    }
    if (b.size() >= 200) {
      int popular = b.size() / 100 + 1;
      positionsInB.values().removeIf(js -> js.size() > popular);
    }
  }

  /**
   * The diff's lines, each ending as its input line ends; none when the lists are equal. Headers
   * are {@code --- from} and {@code +++ to}; {@code context} equal lines surround each change.
   */
  static List<String> lines(List<String> a, List<String> b, String from, String to, int context) {
    List<String> out = new ArrayList<>();
    for (List<Op> hunk : new UnifiedDiff(a, b).hunks(context)) {
      if (out.isEmpty()) {
        out.add("--- " + from + "\n");
        out.add("+++ " + to + "\n");
      }
      Op first = hunk.get(0);
      Op last = hunk.get(hunk.size() - 1);
      out.add("@@ -" + range(first.i1(), last.i2()) + " +" + range(first.j1(), last.j2()) + " @@\n");
      for (Op op : hunk) {
        if (op.tag() == Tag.EQUAL) {
          a.subList(op.i1(), op.i2()).forEach(l -> out.add(" " + l));
          continue;
        }
        if (op.tag() != Tag.INSERT) {
          a.subList(op.i1(), op.i2()).forEach(l -> out.add("-" + l));
        }
        if (op.tag() != Tag.DELETE) {
          b.subList(op.j1(), op.j2()).forEach(l -> out.add("+" + l));
        }
      }
    }
    return out;
  }

  /** difflib's range: {@code start,length}, the length left out when it is 1, start-1 when 0. */
  private static String range(int start, int stop) {
    int length = stop - start;
    if (length == 1) {
      return String.valueOf(start + 1);
    }
    return (length == 0 ? start : start + 1) + "," + length;
  }

  /** The opcodes cut into hunks with at most {@code n} equal lines around each change. */
  private List<List<Op>> hunks(int n) {
    List<Op> codes = new ArrayList<>(opcodes());
    if (codes.isEmpty()) {
      codes.add(new Op(Tag.EQUAL, 0, 1, 0, 1));
    }
    Op head = codes.get(0);
    if (head.tag() == Tag.EQUAL) {
      codes.set(0, new Op(Tag.EQUAL, Math.max(head.i1(), head.i2() - n), head.i2(),
          Math.max(head.j1(), head.j2() - n), head.j2()));
    }
    Op tail = codes.get(codes.size() - 1);
    if (tail.tag() == Tag.EQUAL) {
      codes.set(codes.size() - 1, new Op(Tag.EQUAL, tail.i1(), Math.min(tail.i2(), tail.i1() + n),
          tail.j1(), Math.min(tail.j2(), tail.j1() + n)));
    }
    List<List<Op>> hunks = new ArrayList<>();
    List<Op> hunk = new ArrayList<>();
    for (Op op : codes) {
      int i1 = op.i1();
      int j1 = op.j1();
      if (op.tag() == Tag.EQUAL && op.i2() - i1 > 2 * n) {
        hunk.add(new Op(Tag.EQUAL, i1, Math.min(op.i2(), i1 + n), j1, Math.min(op.j2(), j1 + n)));
        hunks.add(hunk);
        hunk = new ArrayList<>();
        i1 = Math.max(i1, op.i2() - n);
        j1 = Math.max(j1, op.j2() - n);
      }
      hunk.add(new Op(op.tag(), i1, op.i2(), j1, op.j2()));
    }
    if (!hunk.isEmpty() && !(hunk.size() == 1 && hunk.get(0).tag() == Tag.EQUAL)) {
      hunks.add(hunk);
    }
    return hunks;
  }

  private List<Op> opcodes() {
    List<Op> ops = new ArrayList<>();
    int i = 0;
    int j = 0;
    for (Match m : matches()) {
      Tag tag = i < m.i() && j < m.j() ? Tag.REPLACE : i < m.i() ? Tag.DELETE : j < m.j() ? Tag.INSERT : null;
      if (tag != null) {
        ops.add(new Op(tag, i, m.i(), j, m.j()));
      }
      i = m.i() + m.size();
      j = m.j() + m.size();
      if (m.size() > 0) {
        ops.add(new Op(Tag.EQUAL, m.i(), i, m.j(), j));
      }
    }
    return ops;
  }

  /** The matching runs in order, adjacent ones joined, ending with the empty run at the ends. */
  private List<Match> matches() {
    List<Match> found = new ArrayList<>();
    Deque<int[]> todo = new ArrayDeque<>();
    todo.push(new int[] {0, a.size(), 0, b.size()});
    while (!todo.isEmpty()) {
      int[] r = todo.pop();
      Match m = longest(r[0], r[1], r[2], r[3]);
      if (m.size() == 0) {
        continue;
      }
      found.add(m);
      if (r[0] < m.i() && r[2] < m.j()) {
        todo.push(new int[] {r[0], m.i(), r[2], m.j()});
      }
      if (m.i() + m.size() < r[1] && m.j() + m.size() < r[3]) {
        todo.push(new int[] {m.i() + m.size(), r[1], m.j() + m.size(), r[3]});
      }
    }
    found.sort(Comparator.comparingInt(Match::i).thenComparingInt(Match::j));
    List<Match> joined = new ArrayList<>();
    Match run = new Match(0, 0, 0);
    for (Match m : found) {
      if (run.i() + run.size() == m.i() && run.j() + run.size() == m.j()) {
        run = new Match(run.i(), run.j(), run.size() + m.size());
      } else {
        if (run.size() > 0) {
          joined.add(run);
        }
        run = m;
      }
    }
    if (run.size() > 0) {
      joined.add(run);
    }
    joined.add(new Match(a.size(), b.size(), 0));
    return joined;
  }

  /**
   * The longest run of equal lines in {@code a[alo, ahi)} and {@code b[blo, bhi)}, the earliest
   * in {@code a} (then in {@code b}) among equals; popular lines are left out of the search but
   * may extend a run found without them.
   */
  private Match longest(int alo, int ahi, int blo, int bhi) {
    int bestI = alo;
    int bestJ = blo;
    int best = 0;
    Map<Integer, Integer> runEndingAt = new HashMap<>();
    for (int i = alo; i < ahi; i++) {
      Map<Integer, Integer> next = new HashMap<>();
      for (int j : positionsInB.getOrDefault(a.get(i), List.of())) {
        if (j < blo) {
          continue;
        }
        if (j >= bhi) {
          break;
        }
        int k = runEndingAt.getOrDefault(j - 1, 0) + 1;
        next.put(j, k);
        if (k > best) {
          bestI = i - k + 1;
          bestJ = j - k + 1;
          best = k;
        }
      }
      runEndingAt = next;
    }
    while (bestI > alo && bestJ > blo && a.get(bestI - 1).equals(b.get(bestJ - 1))) {
      bestI--;
      bestJ--;
      best++;
    }
    while (bestI + best < ahi && bestJ + best < bhi && a.get(bestI + best).equals(b.get(bestJ + best))) {
      best++;
    }
    return new Match(bestI, bestJ, best);
  }
}
