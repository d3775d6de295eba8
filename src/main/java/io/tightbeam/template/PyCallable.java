package io.tightbeam.template;

import java.util.List;
import java.util.Map;

/** Something a template can call: a macro, a global function, a bound method, {@code loop}. */
interface PyCallable {
  Object call(List<Object> args, Map<String, Object> kwargs);
}
