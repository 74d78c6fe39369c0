package io.lakota.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lakota.errors.NotFoundException;
import io.lakota.storage.Pod;
import io.lakota.storage.memory.MemoryPod;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A test double of the reference's server (Lakota 0.7.1, Flask): JSON and base64 only, whatever the
 * {@code Accept} header; 404 with the literal placeholder bodies and no Lakota error headers; 500 for any other
 * failure. Over a memory pod. It records every request and can answer scripted statuses first (retry tests).
 */
final class ReferenceLikeServer implements AutoCloseable {
  /** One request as received. */
  record Received(String method, String action, Map<String, String> query, String contentType, String accept,
      String authorization) {}

  final Pod pod = new MemoryPod();
  final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  final ConcurrentLinkedQueue<Integer> scripted = new ConcurrentLinkedQueue<>();
  private final HttpServer server;

  ReferenceLikeServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/repo/", this::handle);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/repo");
  }

  private void handle(HttpExchange exchange) throws IOException {
    String action = exchange.getRequestURI().getPath().substring("/repo/".length());
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    byte[] body = exchange.getRequestBody().readAllBytes();
    received.add(new Received(exchange.getRequestMethod(), action, query,
        exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("Accept"),
        exchange.getRequestHeaders().getFirst("Authorization")));
    Integer status = scripted.poll();
    if (status != null) {
      send(exchange, status, "text/html; charset=utf-8", "scripted");
      return;
    }
    try {
      String path = query.getOrDefault("path", ".");
      boolean missingOk = "true".equalsIgnoreCase(query.get("missing_ok"));
      switch (action) {
        case "ls" -> send(exchange, 200, "application/json", names(pod.ls(path, false)));
        case "read" -> send(exchange, 200, "application/json",
            "{\"b64encoded\":true,\"body\":\"" + Base64.getEncoder().encodeToString(pod.read(path)) + "\"}");
        case "write" -> {
          long n = pod.write(path, body, "true".equalsIgnoreCase(query.get("force")));
          send(exchange, 200, "application/json", "{\"body\":" + (n < 0 ? "null" : n) + "}");
        }
        case "rm" -> {
          pod.rm(path, "true".equalsIgnoreCase(query.get("recursive")), missingOk);
          send(exchange, 200, "application/json", "{\"status\":\"ok\"}");
        }
        case "mv" -> {
          pod.mv(query.get("from_path"), query.get("to_path"), missingOk);
          send(exchange, 200, "application/json", "{\"status\":\"ok\"}");
        }
        case "walk" -> {
          String depth = query.get("max_depth");
          send(exchange, 200, "application/json",
              names(pod.cd(path).walk(depth == null ? -1 : Integer.parseInt(depth))));
        }
        default -> send(exchange, 404, "text/html; charset=utf-8", "Action \"{action}\" not supported");
      }
    } catch (NotFoundException e) {
      send(exchange, 404, "text/html; charset=utf-8", "Path \"{relpath}\" not found");
    } catch (RuntimeException e) {
      send(exchange, 500, "text/html; charset=utf-8", "<h1>Internal Server Error</h1>");
    }
  }

  private static String names(List<String> names) {
    StringBuilder out = new StringBuilder("{\"body\":[");
    for (int i = 0; i < names.size(); i++) {
      out.append(i == 0 ? "" : ",").append('"').append(names.get(i)).append('"');
    }
    return out.append("]}").toString();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return query;
  }

  private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
