package io.tightbeam.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;

/**
 * A pooled interpreter bound, for the length of one call, to an {@link Evaluation}; prints values
 * as Jinja2 does ({@code True}, {@code None}, {@code ['a', 'b']}).
 */
final class AnsibleInterpreter extends JinjavaInterpreter {
  private final AnsibleContext root;
  private Evaluation evaluation;

  AnsibleInterpreter(Jinjava jinjava, AnsibleContext root) {
    super(jinjava, root, jinjava.getGlobalConfig());
    this.root = root;
    root.setDynamicVariableResolver(name -> evaluation.variable(name));
  }

  AnsibleContext root() {
    return root;
  }

  Evaluation evaluation() {
    return evaluation;
  }

  void bind(Evaluation evaluation) {
    this.evaluation = evaluation;
  }

  /** The evaluation of the interpreter running on this thread (for functions and filters). */
  static Evaluation currentEvaluation() {
    if (JinjavaInterpreter.getCurrent() instanceof AnsibleInterpreter a && a.evaluation != null) {
      return a.evaluation;
    }
    throw new IllegalStateException("no template evaluation on this thread");
  }

  @Override
  public String getAsString(Object value) {
    return Pyish.str(value);
  }
}
