package io.lakota.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lakota.errors.CommitStateUnknownException;
import io.lakota.errors.StorageException;
import io.lakota.storage.CommitResult;
import io.lakota.storage.uri.Pods;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outcomes of a ref update that S3Proxy cannot be made to produce (a lost answer, a conflict, server errors
 * after the retries, a refusal), against a tiny scripted S3: objects in a map, {@code If-None-Match} honoured,
 * listings by prefix.
 */
class S3RefsRequestsTest {
  private HttpServer server;
  private ExecutorService executor;
  private final Map<String, byte[]> objects = new ConcurrentSkipListMap<>();
  private final List<String> refPuts = new ArrayList<>();

  /** What the server does with a PUT of a ref version, given how many such PUTs came before. */
  interface RefPut {
    /** Answers the PUT, or returns false to let the tiny S3 handle it. */
    boolean answer(int before, String key, byte[] body, HttpExchange exchange) throws IOException;
  }

  private String start(RefPut script) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newFixedThreadPool(4);
    server.setExecutor(executor);
    server.createContext("/", exchange -> {
      try (exchange) {
        handle(exchange, script);
      }
    });
    server.start();
    return "s3://127.0.0.1:" + server.getAddress().getPort() + "/bucket/repo?key=k&secret=s&retries=1";
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  private void handle(HttpExchange exchange, RefPut script) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String key = path.startsWith("/bucket/") ? path.substring("/bucket/".length()) : "";
    switch (exchange.getRequestMethod()) {
      case "GET" -> {
        if (key.isEmpty()) {
          send(exchange, 200, listing(prefix(exchange.getRequestURI().getRawQuery())));
        } else if (objects.containsKey(key)) {
          send(exchange, 200, objects.get(key));
        } else {
          send(exchange, 404, error("NoSuchKey"));
        }
      }
      case "DELETE" -> {
        objects.remove(key);
        send(exchange, 204, new byte[0]);
      }
      case "PUT" -> {
        byte[] body = decode(exchange);
        if (key.contains("/.lakota-tmp/refs/")) {
          int before;
          synchronized (refPuts) {
            before = refPuts.size();
            refPuts.add(key.substring(key.lastIndexOf('/') + 1));
          }
          if (script.answer(before, key, body, exchange)) {
            return;
          }
        }
        if (exchange.getRequestHeaders().containsKey("If-None-Match") && objects.containsKey(key)) {
          send(exchange, 412, error("PreconditionFailed"));
        } else {
          objects.put(key, body);
          send(exchange, 200, new byte[0]);
        }
      }
      default -> send(exchange, 405, error("MethodNotAllowed"));
    }
  }

  private static String prefix(String query) {
    for (String pair : query == null ? new String[0] : query.split("&")) {
      if (pair.startsWith("prefix=")) {
        return URLDecoder.decode(pair.substring("prefix=".length()), UTF_8);
      }
    }
    return "";
  }

  private byte[] listing(String prefix) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult>"
        + "<Name>bucket</Name><IsTruncated>false</IsTruncated>");
    for (Map.Entry<String, byte[]> o : objects.entrySet()) {
      if (o.getKey().startsWith(prefix)) {
        xml.append("<Contents><Key>").append(o.getKey()).append("</Key><Size>").append(o.getValue().length)
            .append("</Size></Contents>");
      }
    }
    return xml.append("</ListBucketResult>").toString().getBytes(UTF_8);
  }

  /** The body of a PUT, undoing the SDK's aws-chunked encoding when it used it. */
  private static byte[] decode(HttpExchange exchange) throws IOException {
    byte[] raw = exchange.getRequestBody().readAllBytes();
    String encoding = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
    if (encoding == null || !encoding.startsWith("STREAMING")) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int pos = 0;
    while (pos < raw.length) {
      int eol = pos;
      while (raw[eol] != '\r') {
        eol++;
      }
      String header = new String(raw, pos, eol - pos, UTF_8);
      int size = Integer.parseInt(header.split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      out.write(raw, eol + 2, size);
      pos = eol + 2 + size + 2;
    }
    return out.toByteArray();
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", status == 200 ? "binary/octet-stream" : "application/xml");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
  }

  private static byte[] error(String code) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>scripted " + code
        + "</Message><RequestId>1</RequestId></Error>").getBytes(UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  @Test
  void aCreateWhoseAnswerWasLostIsRecognisedAsOurs() throws IOException {
    S3Pod pod = (S3Pod) Pods.fromUri(start((before, key, body, exchange) -> {
      if (before == 0) {
        objects.put(key, body); // stored, but the answer is an error: the SDK retries and meets 412
        send(exchange, 500, error("InternalError"));
        return true;
      }
      return false;
    }));
    assertThat(pod.compareAndSet("c/head", null, bytes("ours"))).isEqualTo(CommitResult.COMMITTED);
    assertThat(refPuts).containsExactly("0000000000000000001", "0000000000000000001");
    assertThat(pod.readRef("c/head").value()).isEqualTo(bytes("ours"));
  }

  @Test
  void aPreconditionFailureOrAConflictOnTheOnlyAttemptIsALockFailure() throws IOException {
    S3Pod pod = (S3Pod) Pods.fromUri(start((before, key, body, exchange) -> {
      if (before == 1) {
        send(exchange, 409, error("ConditionalRequestConflict")); // AWS: a create of this key is in flight
        return true;
      }
      return false;
    }));
    assertThat(pod.compareAndSet("c/head", null, bytes("one"))).isEqualTo(CommitResult.COMMITTED);
    String version = pod.readRef("c/head").version();
    assertThat(pod.compareAndSet("c/head", version, bytes("two"))).isEqualTo(CommitResult.LOCK_FAILURE);
    assertThat(pod.compareAndSet("c/head", null, bytes("three"))).isEqualTo(CommitResult.LOCK_FAILURE); // 412
    assertThat(pod.compareAndSet("c/head", version, bytes("two"))).isEqualTo(CommitResult.COMMITTED);
    assertThat(refPuts).hasSize(4); // 409 and 412 are not retried
    assertThat(pod.readRef("c/head").value()).isEqualTo(bytes("two"));
  }

  @Test
  void serverErrorsAfterTheRetriesLeaveTheOutcomeUnknown() throws IOException {
    S3Pod pod = (S3Pod) Pods.fromUri(start((before, key, body, exchange) -> {
      send(exchange, 500, error("InternalError"));
      return true;
    }));
    assertThatThrownBy(() -> pod.compareAndSet("c/head", null, bytes("x")))
        .isInstanceOf(CommitStateUnknownException.class)
        .hasMessageStartingWith("Cannot update ref c/head: the outcome is unknown (Cannot update ref c/head: "
            + "S3 error 500 InternalError");
    assertThat(refPuts).hasSize(2);
  }

  @Test
  void aRefusalIsAStorageErrorNotAnUnknownOutcome() throws IOException {
    S3Pod pod = (S3Pod) Pods.fromUri(start((before, key, body, exchange) -> {
      send(exchange, 403, error("AccessDenied"));
      return true;
    }));
    assertThatThrownBy(() -> pod.compareAndSet("c/head", null, bytes("x")))
        .isInstanceOf(StorageException.class)
        .isNotInstanceOf(CommitStateUnknownException.class)
        .hasMessageContaining("denied (AccessDenied)");
    assertThat(refPuts).hasSize(1);
    assertThat(pod.readRef("c/head")).isNull();
  }
}
