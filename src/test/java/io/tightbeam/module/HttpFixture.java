package io.tightbeam.module;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTTP server the uri and get_url cases talk to, on 127.0.0.1 at a free port: fixed text and
 * JSON, a 404, a redirect, a cookie, and /echo, which answers with the request's method, headers
 * and body as JSON.
 */
final class HttpFixture implements AutoCloseable {
  private final HttpServer server;

  HttpFixture() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the test HTTP server", e);
    }
    server.createContext("/h.txt", x -> reply(x, 200, "text/plain", "hello\n"));
    server.createContext("/j.json", x -> reply(x, 200, "application/json", "{\"a\": 1}\n"));
    server.createContext("/bad.json", x -> reply(x, 200, "application/json", "{not json"));
    server.createContext("/created", x -> reply(x, 201, "text/plain", "made\n"));
    server.createContext("/redirect", x -> {
      x.getResponseHeaders().add("Location", url() + "/h.txt");
      reply(x, 302, "text/plain", "");
    });
    server.createContext("/cookie", x -> {
      x.getResponseHeaders().add("Set-Cookie", "sid=42; Path=/");
      reply(x, 200, "text/plain", "ok\n");
    });
    server.createContext("/echo", x -> {
      Map<String, String> headers = new TreeMap<>();
      x.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
      String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String json = RemoteRun.json(Map.of("method", x.getRequestMethod(), "body", body,
          "type", headers.getOrDefault("content-type", ""), "auth", headers.getOrDefault("authorization", ""),
          "x", headers.getOrDefault("x-test", "")));
      reply(x, 200, "application/json", json);
    });
    server.createContext("/", x -> reply(x, 404, "text/html", "<p>File not found</p>"));
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void reply(HttpExchange x, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", type);
    if (status == 404) {
      x.sendResponseHeaders(status, bytes.length);
    } else {
      x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    }
    x.getResponseBody().write(bytes);
    x.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
