package io.lakota.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lakota.errors.NotFoundException;
import io.lakota.errors.StorageException;
import io.lakota.storage.Pod;
import io.lakota.storage.uri.Pods;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Retries, the bound on requests in flight and unreachable endpoints, against a scripted fake S3 server (JDK
 * {@code HttpServer}): answers that S3Proxy cannot be made to give.
 */
class S3RequestsTest {
  private HttpServer server;
  private ExecutorService executor;

  /** Starts a fake server whose GET answers come from {@code script}, given the request number (from 1). */
  private String start(Script script) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newFixedThreadPool(16);
    server.setExecutor(executor);
    AtomicInteger requests = new AtomicInteger();
    server.createContext("/", exchange -> {
      try (exchange) {
        script.answer(requests.incrementAndGet(), exchange);
      }
    });
    server.start();
    return "s3://127.0.0.1:" + server.getAddress().getPort() + "/bucket/repo?key=k&secret=s";
  }

  interface Script {
    void answer(int request, HttpExchange exchange) throws IOException;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    exchange.getResponseHeaders().set("Content-Type", status == 200 ? "binary/octet-stream" : "application/xml");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static String error(String code) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>scripted " + code
        + "</Message><RequestId>1</RequestId></Error>";
  }

  @Test
  void retriesServerErrorsAndThrottlingWithBackoff() throws IOException {
    List<String> seen = new ArrayList<>();
    String uri = start((n, exchange) -> {
      synchronized (seen) {
        seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
      }
      switch (n) {
        case 1 -> send(exchange, 500, error("InternalError"));
        case 2 -> send(exchange, 503, error("SlowDown"));
        default -> send(exchange, 200, "ham!");
      }
    });
    Pod pod = Pods.fromUri(uri);
    assertThat(pod.read("aa/key")).isEqualTo("ham!".getBytes(UTF_8));
    assertThat(seen).containsExactly("GET /bucket/repo/aa/key", "GET /bucket/repo/aa/key", "GET /bucket/repo/aa/key");
  }

  @Test
  void givesUpAfterTheRetriesWithTheServersError() throws IOException {
    AtomicInteger count = new AtomicInteger();
    String uri = start((n, exchange) -> {
      count.incrementAndGet();
      send(exchange, 500, error("InternalError"));
    });
    Pod pod = Pods.fromUri(uri + "&retries=2");
    assertThatThrownBy(() -> pod.read("key"))
        .isInstanceOf(StorageException.class)
        .isNotInstanceOf(NotFoundException.class)
        .hasMessage("Cannot read key: S3 error 500 InternalError: scripted InternalError (http://127.0.0.1:"
            + server.getAddress().getPort() + ")");
    assertThat(count).hasValue(3);
  }

  @Test
  void notFoundIsNotRetried() throws IOException {
    AtomicInteger count = new AtomicInteger();
    String uri = start((n, exchange) -> {
      count.incrementAndGet();
      if (exchange.getRequestURI().getQuery() != null) { // the listing that tells a folder from nothing
        send(exchange, 200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult><Name>bucket</Name>"
            + "<Prefix>repo/key/</Prefix><KeyCount>0</KeyCount><MaxKeys>1</MaxKeys><IsTruncated>false</IsTruncated>"
            + "</ListBucketResult>");
      } else {
        send(exchange, 404, error("NoSuchKey"));
      }
    });
    assertThatThrownBy(() -> Pods.fromUri(uri).read("key"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Cannot read key: no such file");
    assertThat(count).hasValue(2);
  }

  @Test
  void boundsTheRequestsInFlight() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    String uri = start((n, exchange) -> {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(30);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inFlight.decrementAndGet();
      send(exchange, 200, "x");
    });
    Pod pod = Pods.fromUri(uri + "&max_requests=2");
    ExecutorService readers = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<byte[]>> reads = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String path = "k" + i;
        reads.add(readers.submit(() -> {
          go.await();
          return pod.cd("sub").read(path); // pods made by cd share the bound
        }));
      }
      go.countDown();
      for (Future<byte[]> read : reads) {
        assertThat(read.get(60, TimeUnit.SECONDS)).containsExactly('x');
      }
    } finally {
      readers.shutdownNow();
    }
    assertThat(most.get()).isBetween(1, 2);
  }

  /**
   * What a tiny S3 does with a put that its {@code If-None-Match} check lets through: true when the rule answered
   * the request itself, false to store the object and answer 200.
   */
  interface PutRule {
    boolean answer(String key, byte[] body, HttpExchange exchange) throws IOException;
  }

  /**
   * A tiny S3: empty listings, objects in {@code objects}, {@code If-None-Match: *} honoured, puts decided by
   * {@code rule}. Every request is recorded in {@code seen} as "METHOD key", puts with " if-none-match" when
   * conditional.
   */
  private static Script tinyS3(Map<String, byte[]> objects, List<String> seen, PutRule rule) {
    return (n, exchange) -> {
      String path = exchange.getRequestURI().getPath();
      String key = path.startsWith("/bucket/") ? path.substring("/bucket/".length()) : "";
      String method = exchange.getRequestMethod();
      boolean conditional = exchange.getRequestHeaders().containsKey("If-None-Match");
      synchronized (seen) {
        seen.add(method + " " + key + (conditional ? " if-none-match" : ""));
      }
      switch (method) {
        case "GET" -> {
          if (exchange.getRequestURI().getQuery() != null) {
            send(exchange, 200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult>"
                + "<Name>bucket</Name><KeyCount>0</KeyCount><MaxKeys>100</MaxKeys><IsTruncated>false</IsTruncated>"
                + "</ListBucketResult>");
          } else if (objects.containsKey(key)) {
            exchange.sendResponseHeaders(200, objects.get(key).length == 0 ? -1 : objects.get(key).length);
            exchange.getResponseBody().write(objects.get(key));
          } else {
            send(exchange, 404, error("NoSuchKey"));
          }
        }
        case "HEAD" -> send(exchange, objects.containsKey(key) ? 200 : 404, "");
        case "DELETE" -> {
          objects.remove(key);
          send(exchange, 204, "");
        }
        case "PUT" -> {
          byte[] body = decoded(exchange);
          if (conditional && objects.containsKey(key)) {
            send(exchange, 412, error("PreconditionFailed"));
          } else if (!rule.answer(key, body, exchange)) {
            objects.put(key, body);
            send(exchange, 200, "");
          }
        }
        default -> send(exchange, 405, error("MethodNotAllowed"));
      }
    };
  }

  @Test
  void retriesConditionalWritesThatAwsReportsInConflict() throws IOException {
    // two 409s for the first put of "key"
    Map<String, byte[]> objects = new ConcurrentHashMap<>();
    AtomicInteger conflicts = new AtomicInteger(2);
    List<String> seen = new ArrayList<>();
    String uri = start(tinyS3(objects, seen, (key, body, exchange) -> {
      if (key.equals("repo/key") && conflicts.getAndDecrement() > 0) {
        send(exchange, 409, error("ConditionalRequestConflict"));
        return true;
      }
      return false;
    }));
    Pod pod = Pods.fromUri(uri);
    assertThat(pod.write("key", "ham".getBytes(UTF_8))).isEqualTo(3);
    assertThat(objects.get("repo/key")).isEqualTo("ham".getBytes(UTF_8));
    List<String> puts = seen.stream().filter(r -> r.startsWith("PUT ")).toList();
    assertThat(puts).hasSize(5);
    assertThat(puts.subList(2, 5)).containsOnly("PUT repo/key if-none-match"); // after the probe's two puts
  }

  /** A put's body, decoded from the SDK's signed {@code aws-chunked} encoding when it uses it. */
  private static byte[] decoded(HttpExchange exchange) throws IOException {
    byte[] raw = exchange.getRequestBody().readAllBytes();
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    if (encoding == null || !encoding.contains("aws-chunked")) {
      return raw;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int pos = 0;
    while (true) {
      int eol = pos;
      while (raw[eol] != '\r') {
        eol++;
      }
      String header = new String(raw, pos, eol - pos, UTF_8);
      int size = Integer.parseInt(header.substring(0, header.indexOf(';')), 16);
      if (size == 0) {
        return out.toByteArray();
      }
      out.write(raw, eol + 2, size);
      pos = eol + 2 + size + 2;
    }
  }

  @ParameterizedTest(name = "the lost put stored the object: {0}")
  @ValueSource(booleans = {false, true})
  void aConditionalPutLostOnTheWayIsCheckedThenPutAgain(boolean storedBeforeLoss) throws IOException {
    // the first put of "key" gets no answer at all (the connection closes), with the SDK's retries turned off
    Map<String, byte[]> objects = new ConcurrentHashMap<>();
    AtomicInteger drops = new AtomicInteger(1);
    List<String> seen = new ArrayList<>();
    String uri = start(tinyS3(objects, seen, (key, body, exchange) -> {
      if (key.equals("repo/key") && drops.getAndDecrement() > 0) {
        if (storedBeforeLoss) {
          objects.put(key, body);
        }
        return true; // no answer: closing the exchange without response headers drops the connection
      }
      return false;
    }));
    Pod pod = Pods.fromUri(uri + "&retries=0");
    assertThat(pod.write("key", new byte[0])).isZero();
    assertThat(objects.get("repo/key")).isEmpty();
    List<String> onKey = seen.stream().filter(r -> r.matches("(PUT|GET) repo/key.*")).toList();
    assertThat(onKey).containsExactlyElementsOf(storedBeforeLoss
        ? List.of("PUT repo/key if-none-match", "GET repo/key")
        : List.of("PUT repo/key if-none-match", "GET repo/key", "PUT repo/key if-none-match"));
  }

  @Test
  void missingCredentialsAreSaidSo() throws IOException {
    String uri = start((n, exchange) -> send(exchange, 200, "x"));
    String noKeys = uri.substring(0, uri.indexOf('?')) + "?profile=lakota-test-no-such-profile";
    assertThatThrownBy(() -> Pods.fromUri(noKeys).read("x"))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("Cannot read x: no AWS credentials for http://127.0.0.1:" + server.getAddress().getPort()
            + "; give key= and secret= in the URI, a profile=, or configure the default chain")
        .hasMessageContaining("'lakota-test-no-such-profile'");
  }

  @Test
  void anUnreachableEndpointIsSaidSo() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort(); // closed again: nothing listens there
    }
    Pod pod = Pods.fromUri("s3://127.0.0.1:" + port + "/bucket/repo?key=k&secret=s&retries=1");
    assertThatThrownBy(() -> pod.ls())
        .isInstanceOf(StorageException.class)
        .isNotInstanceOf(NotFoundException.class)
        .hasMessageStartingWith("Cannot list .: cannot reach the S3 endpoint http://127.0.0.1:" + port + ": ")
        .hasMessageContaining("Connection refused");
    Pod noPort = Pods.fromUri("s3://no-such-host.invalid/bucket/repo?key=k&secret=s&retries=0");
    assertThatThrownBy(() -> noPort.read("x"))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("Cannot read x: cannot reach the S3 endpoint http://no-such-host.invalid: ")
        .hasMessageEndingWith(" (for a bucket on AWS, write s3:///no-such-host.invalid/…)");
  }
}
