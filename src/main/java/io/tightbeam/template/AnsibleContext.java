package io.tightbeam.template;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;

/**
 * The root scope of one pooled interpreter. It makes unknown filters and tests fail loudly (Jinjava
 * silently yields null), and stops Jinjava's bookkeeping of resolved names from reaching the
 * shared global context, whose plain HashSets are not safe for concurrent writes.
 */
final class AnsibleContext extends Context {
  AnsibleContext(Context global) {
    super(global);
  }

  @Override
  public Filter getFilter(String name) {
    Filter filter = super.getFilter(name);
    if (filter == null) {
      throw new TemplateException("template error while templating string: no filter named '" + name + "'");
    }
    return filter;
  }

  @Override
  public ExpTest getExpTest(String name) {
    ExpTest test = super.getExpTest(name);
    if (test == null) {
      throw new TemplateException("template error while templating string: no test named '" + name + "'");
    }
    return test;
  }

  @Override
  public void addResolvedValue(String value) {}

  @Override
  public void addResolvedExpression(String expression) {}

  @Override
  public void addResolvedFunction(String function) {}

  @Override
  public void addResolvedFrom(Context context) {}
}
