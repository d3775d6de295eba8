package io.tightbeam.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TemplarThreadSafetyTest {
  private final Templar shared = new Templar();

  @Test
  void oneTemplarServesManyThreadsWithoutMismatches() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        int id = thread;
        futures.add(pool.submit(() -> run(id)));
      }
      int mismatches = 0;
      for (Future<Integer> f : futures) {
        mismatches += f.get(120, TimeUnit.SECONDS);
      }
      assertThat(mismatches).isZero();
    } finally {
      pool.shutdownNow();
    }
  }

  private int run(int id) {
    int mismatches = 0;
    for (int i = 0; i < 1500; i++) {
      Map<String, Object> vars = new HashMap<>();
      vars.put("item", i);
      vars.put("host", "h" + id);
      vars.put("durations", "{{ item }}");
      vars.put("r", Map.of("finished", i % 2, "stdout", "out" + id));
      Object native1 = shared.template("{{ durations * 2 + 1 }}", vars);
      Object text = shared.template("{{ host }}-{{ item }}-{{ r.stdout | upper }}", vars);
      boolean finished = shared.isTrue("r.finished", vars);
      boolean failedAsExpected;
      try {
        shared.template("{{ missing_" + id + " }}", vars);
        failedAsExpected = false;
      } catch (TemplateException e) {
        failedAsExpected = e.getMessage().equals("'missing_" + id + "' is undefined");
      }
      if (!String.valueOf(i * 2 + 1).equals(native1)
          || !(("h" + id + "-" + i + "-OUT" + id).equals(text))
          || finished != (i % 2 == 1)
          || !failedAsExpected) {
        mismatches++;
      }
    }
    return mismatches;
  }
}
