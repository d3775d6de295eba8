package io.tightbeam.module;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tightbeam.connection.ExecRequest;
import io.tightbeam.connection.ExecResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs remote commands for modules (with the task's environment and become) and reads a module's
 * JSON reply the way Ansible does: lines before the first one starting with {@code {} are noise,
 * and output that is not a JSON object is a {@code MODULE FAILURE}.
 */
final class RemoteRun {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private RemoteRun() {}

  static CompletableFuture<ExecResult> exec(TargetContext target, ExecRequest request) {
    ExecRequest withEnv =
        target.environment() == null || target.environment().isEmpty()
            ? request
            : request.withEnvironment(target.environment());
    return target.connection().exec(target.become().wrap(withEnv));
  }

  /** Runs a module's script and completes with its parsed result. */
  static CompletableFuture<Map<String, Object>> script(RemoteScript script, TargetContext target) {
    return exec(target, ExecRequest.of(script.body())).thenApply(RemoteRun::moduleResult);
  }

  static Map<String, Object> moduleResult(ExecResult result) {
    String out = result.stdoutText();
    Map<String, Object> parsed = parseObject(out);
    if (parsed == null) {
      Map<String, Object> failure = new LinkedHashMap<>();
      failure.put("failed", true);
      failure.put("msg", "MODULE FAILURE\nSee stdout/stderr for the exact error");
      failure.put("module_stdout", out);
      failure.put("module_stderr", result.stderrText());
      failure.put("rc", result.exitCode());
      return failure;
    }
    return parsed;
  }

  /** The first JSON object in {@code text} that starts a line, or null when there is none. */
  static Map<String, Object> parseObject(String text) {
    int start = text.startsWith("{") ? 0 : text.indexOf("\n{");
    if (start < 0) {
      return null;
    }
    String candidate = text.substring(start).strip();
    try (JsonParser parser = JSON.createParser(candidate)) {
      return parser.readValueAs(MAP);
    } catch (IOException e) {
      return null;
    }
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write JSON for " + value, e);
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
