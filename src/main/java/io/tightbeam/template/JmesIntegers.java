package io.tightbeam.template;

import io.burt.jmespath.Adapter;
import io.burt.jmespath.JmesPathType;
import io.burt.jmespath.function.ArgumentConstraints;
import io.burt.jmespath.function.BaseFunction;
import io.burt.jmespath.function.FunctionArgument;
import java.util.List;

/**
 * JMESPath's {@code sum}, {@code ceil} and {@code floor} as Python's jmespath has them: whole
 * numbers stay ints ({@code sum([1, 2])} is 3, io.burt's gives 3.0, which a template prints).
 */
final class JmesIntegers extends BaseFunction {
  private final String op;

  private JmesIntegers(String op) {
    super(op, op.equals("sum")
        ? ArgumentConstraints.arrayOf(ArgumentConstraints.typeOf(JmesPathType.NUMBER))
        : ArgumentConstraints.typeOf(JmesPathType.NUMBER));
    this.op = op;
  }

  static JmesIntegers[] all() {
    return new JmesIntegers[] {new JmesIntegers("sum"), new JmesIntegers("ceil"),
        new JmesIntegers("floor")};
  }

  @Override
  protected <T> T callFunction(Adapter<T> runtime, List<FunctionArgument<T>> arguments) {
    T arg = arguments.get(0).value();
    if (!op.equals("sum")) {
      double d = runtime.toNumber(arg).doubleValue();
      return runtime.createNumber((long) (op.equals("ceil") ? Math.ceil(d) : Math.floor(d)));
    }
    long whole = 0;
    double real = 0;
    boolean integral = true;
    for (T element : runtime.toList(arg)) {
      Number n = runtime.toNumber(element);
      integral &= n instanceof Long || n instanceof Integer || n instanceof java.math.BigInteger;
      whole += n.longValue();
      real += n.doubleValue();
    }
    return integral ? runtime.createNumber(whole) : runtime.createNumber(real);
  }
}
