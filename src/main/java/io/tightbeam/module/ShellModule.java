package io.tightbeam.module;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A module that is all target-side shell: its arguments checked by an {@link OptionSpec} (and
 * {@code rules}, for what a spec cannot say), turned into shell variables, and its {@code .sh}
 * resource run after the shared functions.
 */
final class ShellModule implements RemoteModule {
  private static final String COMMON = ShellSource.load("common.sh");

  private final String name;
  private final OptionSpec spec;
  private final UnaryOperator<Map<String, Object>> rules;
  private final Function<Map<String, Object>, Map<String, String>> vars;
  private final String body;
  private final boolean checkMode;

  /** Every checked argument becomes a shell variable of its name (booleans as 1/0). */
  ShellModule(String name, OptionSpec spec, UnaryOperator<Map<String, Object>> rules, boolean checkMode) {
    this(name, spec, rules, ShellModule::plainVars, checkMode);
  }

  ShellModule(String name, OptionSpec spec, UnaryOperator<Map<String, Object>> rules,
      Function<Map<String, Object>, Map<String, String>> vars, boolean checkMode) {
    this.name = name;
    this.spec = spec;
    this.rules = rules;
    this.vars = vars;
    this.body = ShellSource.load(name + ".sh");
    this.checkMode = checkMode;
  }

  static Map<String, String> plainVars(Map<String, Object> args) {
    Map<String, String> out = new LinkedHashMap<>();
    args.forEach((k, v) -> out.put(k, v instanceof Boolean b ? (b ? "1" : "0") : ScriptRun.str(v)));
    return out;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Map<String, Object> checkArgs(Map<String, Object> args) {
    return rules.apply(spec.check(args));
  }

  @Override
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    return ScriptRun.script(vars.apply(args), target, COMMON + body);
  }

  @Override
  public CompletableFuture<Map<String, Object>> run(Map<String, Object> args, TargetContext target) {
    return ScriptRun.run(script(args, target), target);
  }

  @Override
  public boolean supportsCheckMode() {
    return checkMode;
  }
}
