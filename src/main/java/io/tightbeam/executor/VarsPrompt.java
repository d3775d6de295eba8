package io.tightbeam.executor;

import io.tightbeam.playbook.Play;
import io.tightbeam.py.Py;
import io.tightbeam.yaml.UnsafeText;
import java.io.Console;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A play's {@code vars_prompt}, as ansible-playbook asks it before the play's banner: the entries
 * are templated first (play vars, vars files, extra vars), a name given as an extra var is not
 * asked, and without a terminal the default (else None) is taken with one warning.
 */
final class VarsPrompt {
  private final PlayContext.Services services;

  VarsPrompt(PlayContext.Services services) {
    this.services = services;
  }

  /** Puts the answers into {@code playVars}. */
  void ask(Play play, Map<String, Object> playVars) {
    Object raw = play.keywords().get("vars_prompt");
    if (raw == null) {
      return;
    }
    Map<String, Object> vars = new LinkedHashMap<>(playVars);
    vars.putAll(services.options().extraVars());
    Object templated;
    try {
      templated = services.templar().template(raw, vars);
    } catch (io.tightbeam.template.TemplateException ex) {
      // ansible-playbook stops before the play: "ERROR! 'x' is undefined. 'x' is undefined", exit 1
      String msg = ex.isUndefined() ? ex.getMessage() + ". " + ex.getMessage() : ex.getMessage();
      throw new io.tightbeam.yaml.InputException(List.of(
          new io.tightbeam.yaml.Diagnostic(msg, "", null)), 1);
    }
    List<?> entries = templated instanceof List<?> l ? l : List.of(templated);
    Console console = System.console();
    for (Object entry : entries) {
      if (!(entry instanceof Map<?, ?> e) || services.options().extraVars().containsKey(Py.str(e.get("name")))) {
        continue;
      }
      String name = Py.str(e.get("name"));
      Object answer;
      if (console == null) {
        services.listener().warning("Not prompting as we are not in interactive mode");
        answer = e.get("default");
      } else {
        answer = asked(console, name, e);
      }
      if (answer != null && e.get("encrypt") != null) {
        answer = encrypted(answer, e);
      }
      // The answer is always text, as Python's to_text gives it: no default is "None", 5 is "5".
      String text = answer instanceof String s ? s : Py.str(answer);
      answer = Py.truthy(e.get("unsafe")) ? UnsafeText.of(text) : text;
      playVars.put(name, answer);
    }
  }

  private static Object asked(Console console, String name, Map<?, ?> e) {
    Object prompt = e.containsKey("prompt") ? e.get("prompt") : name;
    Object dflt = e.get("default");
    String msg = prompt == null || Py.str(prompt).isEmpty() ? "input for " + name + ": "
        : dflt != null ? Py.str(prompt) + " [" + Py.str(dflt) + "]: " : Py.str(prompt) + ": ";
    boolean hidden = !e.containsKey("private") || Py.truthy(e.get("private"));
    while (true) {
      String first = read(console, msg, hidden);
      if (!Py.truthy(e.get("confirm")) || first.equals(read(console, "confirm " + msg, hidden))) {
        return first.isEmpty() && dflt != null ? dflt : first;
      }
      console.printf("%s%n", "***** VALUES ENTERED DO NOT MATCH ****");
    }
  }

  private static String read(Console console, String msg, boolean hidden) {
    if (hidden) {
      char[] typed = console.readPassword("%s", msg);
      return typed == null ? "" : new String(typed);
    }
    String line = console.readLine("%s", msg);
    return line == null ? "" : line;
  }

  /** encrypt/salt/salt_size: the value hashed as the password_hash filter does (passlib's rules). */
  private Object encrypted(Object answer, Map<?, ?> e) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("__value", answer);
    v.put("__scheme", e.get("encrypt"));
    v.put("__salt", e.get("salt"));
    v.put("__salt_size", e.get("salt_size"));
    return services.templar().template(
        "{{ __value | password_hash(__scheme, __salt, __salt_size) }}", v);
  }
}
