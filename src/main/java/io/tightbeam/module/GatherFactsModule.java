package io.tightbeam.module;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Ansible's {@code gather_facts} as a task: {@code setup} (its one facts module here) with the
 * extra {@code parallel} option; the facts say {@code _ansible_facts_gathered} and the result
 * carries empty {@code warnings} and {@code deprecations}, as ansible-playbook 2.14 registers.
 */
final class GatherFactsModule implements RemoteModule {
  private final SetupModule setup = new SetupModule();

  @Override
  public String name() {
    return "gather_facts";
  }

  @Override
  public boolean supportsCheckMode() {
    return true;
  }

  @Override
  public Map<String, Object> checkArgs(Map<String, Object> args) {
    Map<String, Object> forSetup = new LinkedHashMap<>(args);
    forSetup.remove("parallel"); // one module: nothing to run in parallel
    return setup.checkArgs(forSetup);
  }

  @Override
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    return setup.script(args, target);
  }

  @Override
  public CompletableFuture<Map<String, Object>> run(Map<String, Object> args, TargetContext target) {
    return setup.run(args, target).thenApply(GatherFactsModule::gathered);
  }

  static Map<String, Object> gathered(Map<String, Object> result) {
    Map<String, Object> r = new LinkedHashMap<>(result);
    if (r.get("ansible_facts") instanceof Map<?, ?> facts && !Boolean.TRUE.equals(r.get("failed"))) {
      Map<Object, Object> marked = new LinkedHashMap<>(facts);
      marked.put("_ansible_facts_gathered", true);
      r.put("ansible_facts", marked);
      r.putIfAbsent("warnings", List.of());
      r.putIfAbsent("deprecations", List.of());
    }
    return r;
  }
}
