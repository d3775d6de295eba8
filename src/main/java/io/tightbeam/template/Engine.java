package io.tightbeam.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Properties;
import jinjava.de.odysseus.el.ExpressionFactoryImpl;
import jinjava.de.odysseus.el.tree.TreeBuilder;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ExpressionFactory;

/**
 * The configured Jinjava and a per-thread pool of interpreters. Creating an interpreter costs
 * about 70 µs, so each thread keeps the ones it made; nested templating of variables borrows a
 * second one from the same pool.
 */
final class Engine {
  private static final int POOL_LIMIT = 8;

  private final Jinjava jinjava;
  private final ThreadLocal<ArrayDeque<AnsibleInterpreter>> pool =
      ThreadLocal.withInitial(ArrayDeque::new);

  Engine() {
    this(false, false);
  }

  /** An engine whose block tags eat the newline after them, or the spaces before them. */
  Engine(boolean trimBlocks, boolean lstripBlocks) {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new AnsibleResolver());
    resolver.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY);
    JinjavaConfig config =
        JinjavaConfig.newBuilder()
            .withElResolver(resolver)
            .withNestedInterpretationEnabled(false)
            .withFailOnUnknownTokens(false)
            .withTrimBlocks(trimBlocks)
            .withLstripBlocks(lstripBlocks)
            .withLegacyOverrides(
                LegacyOverrides.newBuilder().withUsePyishObjectMapper(true).build())
            .build();
    ExpressionFactory factory = expressionFactory();
    this.jinjava =
        new Jinjava(config) {
          @Override
          public ExpressionFactory getExpressionFactory() {
            return factory;
          }
        };
    jinjava.registerTag(new PythonIfTag());
    Filters.register(jinjava);
    Tests.register(jinjava);
    Lookups.register(jinjava);
  }

  private static ExpressionFactory expressionFactory() {
    Properties props = new Properties();
    props.setProperty(TreeBuilder.class.getName(), ExtendedSyntaxBuilder.class.getName());
    return new ExpressionFactoryImpl(props, new PythonTypeConverter());
  }

  /** Evaluates a bare expression to its native (possibly lazy) value. */
  Object evaluate(String expression, String source, Evaluation evaluation) {
    String fixed = Escapes.inExpression(expression);
    return run(evaluation, source, interp -> interp.resolveELExpression(fixed, 1));
  }

  /** Renders a template to a String. */
  String render(String template, Evaluation evaluation) {
    String fixed = Escapes.inTemplate(template);
    return (String) run(evaluation, template, interp -> interp.render(fixed));
  }

  private interface Body {
    Object apply(JinjavaInterpreter interp);
  }

  private Object run(Evaluation evaluation, String source, Body body) {
    ArrayDeque<AnsibleInterpreter> free = pool.get();
    AnsibleInterpreter interp = free.poll();
    if (interp == null) {
      interp = new AnsibleInterpreter(jinjava, new AnsibleContext(jinjava.getGlobalContext()));
    }
    interp.bind(evaluation);
    boolean clean = false;
    // Jinjava's filters find their interpreter through a thread-local stack.
    try (var current = JinjavaInterpreter.closeablePushCurrent(interp).get()) {
      Object result = body.apply(current.value());
      failOnErrors(interp.getErrorsCopy(), source);
      clean = interp.getContext() == interp.root();
      return result;
    } catch (TemplateException e) {
      throw e;
    } catch (RuntimeException e) {
      throw translate(e, source);
    } finally {
      interp.bind(null);
      if (clean && free.size() < POOL_LIMIT) {
        while (interp.getLastError().isPresent()) {
          interp.removeLastError();
        }
        interp.root().clear();
        free.push(interp);
      }
    }
  }

  private static void failOnErrors(List<TemplateError> errors, String source) {
    for (TemplateError error : errors) {
      RuntimeException known = known(error.getException());
      if (known != null) {
        throw translate(known, source);
      }
    }
    for (TemplateError error : errors) {
      if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
        throw new TemplateException(
            "template error while templating string: " + error.getMessage() + ". String: " + source);
      }
    }
  }

  private static RuntimeException known(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof TemplateException) {
        return (RuntimeException) c;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }

  private static TemplateException translate(RuntimeException e, String source) {
    RuntimeException known = known(e);
    if (known instanceof TemplateException t) {
      return t;
    }
    if (known != null) {
      return new TemplateException(known.getMessage(), e);
    }
    return new TemplateException(
        "template error while templating string: " + e.getMessage() + ". String: " + source, e);
  }
}
