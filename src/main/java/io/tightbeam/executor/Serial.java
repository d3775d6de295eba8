package io.tightbeam.executor;

import java.util.ArrayList;
import java.util.List;

/** {@code serial}: a number, a percentage, or a list of them (the last one repeats). */
final class Serial {
  private Serial() {}

  static List<List<String>> batches(Object serial, List<String> hosts) {
    List<List<String>> out = new ArrayList<>();
    if (serial == null || hosts.isEmpty()) {
      out.add(hosts);
      return out;
    }
    List<Object> sizes = serial instanceof List<?> l ? new ArrayList<>(l) : List.of(serial);
    int i = 0;
    int step = 0;
    while (i < hosts.size()) {
      Object spec = sizes.get(Math.min(step, sizes.size() - 1));
      int size = size(spec, hosts.size());
      out.add(hosts.subList(i, Math.min(hosts.size(), i + size)));
      i += size;
      step++;
    }
    return out;
  }

  private static int size(Object spec, int total) {
    String s = String.valueOf(spec).trim();
    int n;
    if (s.endsWith("%")) {
      n = (int) Math.floor(total * Double.parseDouble(s.substring(0, s.length() - 1)) / 100.0);
    } else {
      n = (int) Double.parseDouble(s);
    }
    return n <= 0 ? total : n;
  }
}
