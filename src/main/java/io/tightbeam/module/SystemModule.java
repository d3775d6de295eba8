package io.tightbeam.module;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A system-administration module whose whole target side is one {@code .sh} resource: every
 * checked argument becomes a shell variable of its name (booleans 1/0, lists one item a line,
 * unset ''), and the script prints the result object.
 */
final class SystemModule implements RemoteModule {
  /**
   * The functions every system script may use, after the JSON and file functions: those the
   * {@code sh/} modules share ({@code tb_need}), then the system ones.
   */
  static final String COMMON = ShellSource.load("common.sh") + resource("common");

  private final String name;
  private final OptionSpec spec;
  private final Consumer<Map<String, Object>> rules;
  private final String body;
  private final boolean checkMode;

  /**
   * {@code rules} checks what the table cannot (exclusive or dependent arguments), throwing
   * {@link ModuleArgumentException} with Ansible's message.
   */
  SystemModule(String name, OptionSpec spec, Consumer<Map<String, Object>> rules) {
    this(name, spec, rules, "");
  }

  /** As above, with {@code functions} (such as {@code sh/http.sh}'s) before the script. */
  SystemModule(String name, OptionSpec spec, Consumer<Map<String, Object>> rules, String functions) {
    this(name, spec, rules, functions + resource(name), true);
  }

  private SystemModule(String name, OptionSpec spec, Consumer<Map<String, Object>> rules, String body,
      boolean checkMode) {
    this.name = name;
    this.spec = spec;
    this.rules = rules;
    this.body = body;
    this.checkMode = checkMode;
  }

  /** This module, refusing check mode as its Ansible module does (the executor skips it then). */
  SystemModule withoutCheckMode() {
    return new SystemModule(name, spec, rules, body, false);
  }

  SystemModule(String name, OptionSpec spec) {
    this(name, spec, args -> {});
  }

  /** The text of {@code system/NAME.sh} next to this class, read once per module. */
  static String resource(String name) {
    return ShellSource.resource("system/" + name + ".sh");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Map<String, Object> checkArgs(Map<String, Object> args) {
    Map<String, Object> checked = spec.check(args);
    rules.accept(checked);
    return checked;
  }

  @Override
  public RemoteScript script(Map<String, Object> args, TargetContext target) {
    Map<String, String> vars = new LinkedHashMap<>();
    args.forEach((k, v) -> vars.put(k, shellValue(v)));
    return ScriptRun.script(vars, target, COMMON + body);
  }

  private static String shellValue(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Boolean b) {
      return b ? "1" : "0";
    }
    if (v instanceof List<?> list) {
      StringBuilder s = new StringBuilder();
      list.forEach(item -> s.append(item).append('\n'));
      return s.toString();
    }
    return String.valueOf(v);
  }

  @Override
  public CompletableFuture<Map<String, Object>> run(Map<String, Object> args, TargetContext target) {
    return ScriptRun.run(script(args, target), target).thenApply(OutputLines::added);
  }

  @Override
  public boolean supportsCheckMode() {
    return checkMode;
  }
}
