package io.tightbeam.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.IfTag;
import com.hubspot.jinjava.tree.TagNode;

/** {@code {% if %}}/{@code {% elif %}} with Python's truth rule: the string "false" is true. */
final class PythonIfTag extends IfTag {
  private static final long serialVersionUID = 1L;

  @Override
  public boolean isPositiveIfElseNode(TagNode tagNode, JinjavaInterpreter interpreter) {
    return Pyish.truthy(interpreter.resolveELExpression(
        tagNode.getHelpers(), tagNode.getLineNumber(), tagNode.getStartPosition()));
  }
}
