import io.tightbeam.module.Modules;
import io.tightbeam.template.Templar;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Set;

/**
 * Dev tool for conformance/module-share: reads action names (one a line) and answers each with
 * "yes" or "no", by the test Plan makes before a run (registry, then the executor's own actions).
 */
final class KnownActions {
  public static void main(String[] args) throws Exception {
    Modules modules = Modules.builtin(new Templar(), List.of());
    // ActionRunner's set is the one Plan reads; package-private, so read it as Plan sees it
    Field f = Class.forName("io.tightbeam.executor.ActionRunner").getDeclaredField("EXECUTOR_ACTIONS");
    f.setAccessible(true);
    @SuppressWarnings("unchecked")
    Set<String> executor = (Set<String>) f.get(null);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    for (String name; (name = in.readLine()) != null; ) {
      boolean known = modules.remote(name).isPresent() || modules.action(name).isPresent()
          || executor.contains(Modules.shortName(name));
      System.out.println(name + "\t" + (known ? "yes" : "no"));
    }
  }
}
