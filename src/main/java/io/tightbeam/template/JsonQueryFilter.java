package io.tightbeam.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.RuntimeConfiguration;
import io.burt.jmespath.function.FunctionRegistry;
import io.burt.jmespath.jackson.JacksonRuntime;
import io.burt.jmespath.parser.ParseError;
import io.burt.jmespath.parser.ParseException;
import io.tightbeam.py.Py;

/**
 * community.general's {@code json_query}: a JMESPath expression over the value, which is first
 * turned into JSON as the plugin's Python does (its data must be JSON-able).
 */
final class JsonQueryFilter {
  private JsonQueryFilter() {}

  static void register(Catalogue c) {
    // ansible-core 2.14 routes the short name (and ansible.builtin.json_query) to the collection.
    for (String name : new String[] {"json_query", "ansible.builtin.json_query",
        "community.general.json_query"}) {
      c.filterNamed(name, (v, a, e) -> Engine.query(v, Items.str(a.get(0, "expr", ""))));
    }
  }

  /**
   * Python's jmespath still takes a backquoted literal that is not JSON as a string
   * ({@code a[?c==`x`]}, {@code join(`,`, xs)}), as JMESPath's first version did; roles use it.
   * io.burt's parser wants JSON there, so such a literal is quoted first.
   */
  static String legacyLiterals(String expression) {
    StringBuilder out = new StringBuilder(expression.length() + 8);
    int i = 0;
    int n = expression.length();
    while (i < n) {
      char ch = expression.charAt(i);
      if (ch == '\'' || ch == '"') {
        int end = closing(expression, i + 1, ch);
        out.append(expression, i, end);
        i = end;
      } else if (ch == '`') {
        int end = closing(expression, i + 1, '`');
        String body = expression.substring(i + 1, Math.max(i + 1, end - 1)).replace("\\`", "`");
        out.append('`').append(isJson(body) ? body.replace("`", "\\`") : quoted(body)).append('`');
        i = end;
      } else {
        out.append(ch);
        i++;
      }
    }
    return out.toString();
  }

  /** The index just past the closing {@code quote} (a backslash escapes), or the end. */
  private static int closing(String s, int from, char quote) {
    int i = from;
    while (i < s.length()) {
      char ch = s.charAt(i);
      if (ch == '\\') {
        i += 2;
      } else if (ch == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    return s.length();
  }

  private static boolean isJson(String body) {
    try {
      Engine.JSON.readTree(body);
      return !body.isBlank();
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      return false;
    }
  }

  private static String quoted(String body) {
    return new JsonText(-1, false, false, null, null).write(body.stripLeading()).replace("`", "\\`");
  }

  /**
   * Python's words where the expression ends too early (the common mistake); otherwise the
   * first error io.burt's parser names, in the same shape.
   */
  private static String parseError(String expression, ParseException ex) {
    ParseError first = ex.iterator().hasNext() ? ex.iterator().next() : new ParseError("", 0);
    int at = Math.min(first.position(), expression.length());
    boolean incomplete = at >= expression.length() || first.message().contains("<EOF>");
    String caret = " ".repeat((incomplete ? expression.length() : at) + 1) + "^";
    return "Invalid jmespath expression: " + (incomplete ? "Incomplete expression"
        : first.message() + ": Parse error at column " + at) + ":\n\"" + expression + "\"\n"
        + caret;
  }

  /** Holds the JMESPath runtime, so that its classes load only when a template calls the filter. */
  private static final class Engine {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JacksonRuntime RUNTIME = new JacksonRuntime(RuntimeConfiguration.builder()
        .withFunctionRegistry(FunctionRegistry.defaultRegistry().extend(JmesIntegers.all()))
        .build());

    static Object query(Object value, String expression) {
      Expression<JsonNode> compiled;
      try {
        compiled = RUNTIME.compile(legacyLiterals(expression));
      } catch (ParseException ex) {
        throw PluginError.of(PluginError.FILTER_ERROR, "JMESPathError in json_query filter plugin:\n"
            + parseError(expression, ex));
      }
      try {
        JsonNode data = JSON.readTree(new JsonText(-1, false, false, null, null).write(value));
        JsonNode result = compiled.search(data);
        return Py.normalNumber(AnsibleDataFilters.normal(JSON.treeToValue(result, Object.class)));
      } catch (JmesPathException ex) {
        throw PluginError.of(PluginError.FILTER_ERROR, "JMESPathError in json_query filter plugin:\n"
            + ex.getMessage());
      } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
        throw PluginError.of(PluginError.FILTER_ERROR, "Error in jmespath.search in json_query "
            + "filter plugin:\n" + ex.getOriginalMessage());
      }
    }
  }
}
