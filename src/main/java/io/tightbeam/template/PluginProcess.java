package io.tightbeam.template;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tightbeam.py.Py;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one {@code python3} process of a run that runs its Python plugins, spoken to in JSON lines
 * ({@code plugin_host.py}). Calls are one at a time; while a plugin runs, the process may ask for
 * variables, search paths or templating, answered from the calling template's {@link Env} (which
 * may itself call a plugin: the lock is re-entrant and the host serves such calls while it waits).
 */
final class PluginProcess {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS.mappedFeature()).build();

  private final Process process;
  private final BufferedWriter requests;
  private final BufferedReader replies;
  private final ReentrantLock lock = new ReentrantLock();

  private PluginProcess(Process process) {
    this.process = process;
    this.requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Starts {@code python} on the host program; IOException when it cannot be run. */
  static PluginProcess start(String python) throws IOException {
    String program;
    try (InputStream in = PluginProcess.class.getResourceAsStream("plugin_host.py")) {
      program = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Process p = new ProcessBuilder(python, "-B", "-u", "-c", program)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    PluginProcess process = new PluginProcess(p);
    Map<String, Object> ready = process.read();
    if (ready == null || !Boolean.TRUE.equals(ready.get("ready"))) {
      p.destroy();
      throw new IOException(python + " did not start Tightbeam's plugin host");
    }
    return process;
  }

  /** Sends one request and returns its reply, serving the host's questions meanwhile. */
  Map<String, Object> call(Map<String, Object> request, Env env) {
    lock.lock();
    try {
      write(request);
      while (true) {
        Map<String, Object> reply = read();
        if (reply == null) {
          throw new TemplateException("the Python plugin host ended unexpectedly (exit code "
              + exitCode() + ") while running " + request.get("op") + " '" + request.get("name") + "'");
        }
        if (!reply.containsKey("ask")) {
          return reply;
        }
        write(answer(reply, env));
      }
    } finally {
      lock.unlock();
    }
  }

  private Map<String, Object> answer(Map<String, Object> question, Env env) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (env == null) { // loading plugin files: no template runs yet
      out.put("ok", question.get("ask").equals("names") || question.get("ask").equals("search") ? List.of() : null);
      return out;
    }
    try {
      switch (String.valueOf(question.get("ask"))) {
        case "var" -> {
          String name = String.valueOf(question.get("name"));
          // Ansible gives a lookup its variables as they are: templates in them untemplated
          Object value = env.variableNames().contains(name) ? env.rawVariable(name) : Undefined.variable(name);
          if (value instanceof Undefined) {
            out.put("missing", true);
          } else {
            out.put("ok", jsonable(value));
          }
        }
        case "names" -> out.put("ok", new ArrayList<>(env.variableNames()));
        case "search" -> out.put("ok", env.searchPath(String.valueOf(question.get("subdir"))).stream()
            .map(Object::toString).toList());
        case "template" -> out.put("ok", env.render(String.valueOf(question.get("value")), Map.of()));
        case "warn" -> {
          env.warn(String.valueOf(question.get("msg")));
          out.put("ok", null);
        }
        default -> out.put("error", Map.of("type", "ValueError", "msg", "unknown question " + question));
      }
    } catch (TemplateException e) {
      out.clear();
      out.put("error", Map.of("type", e.isUndefined() ? "ansible.errors.AnsibleUndefinedVariable"
          : "ansible.errors.AnsibleError", "msg", String.valueOf(e.getMessage())));
    }
    return out;
  }

  /** A value as JSON carries it to Python: dict keys as text, unsafe markers and tuples gone. */
  static Object jsonable(Object value) {
    Ops.check(value);
    if (value instanceof Literal literal) {
      return jsonable(literal.value());
    } else if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(e.getKey() instanceof String s ? s : Py.str(e.getKey()), jsonable(e.getValue()));
      }
      return out;
    } else if (value instanceof Iterable<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(item -> out.add(jsonable(item)));
      return out;
    } else if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    return Py.str(value);
  }

  private void write(Map<String, Object> message) {
    try {
      requests.write(JSON.writeValueAsString(message));
      requests.write('\n');
      requests.flush();
    } catch (IOException e) {
      throw new TemplateException("cannot send to the Python plugin host (exit code " + exitCode() + "): "
          + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> read() {
    try {
      String line = replies.readLine();
      return line == null ? null : JSON.readValue(line, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the Python plugin host's reply", e);
    }
  }

  private String exitCode() {
    try {
      return process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "none";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "none";
    }
  }

  /** Ends the host (it also ends by itself when this process's end closes its input). */
  void close() {
    try {
      requests.close();
    } catch (IOException e) {
      // the host is gone already
    }
    process.destroy();
  }
}
