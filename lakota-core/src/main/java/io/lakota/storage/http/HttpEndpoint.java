package io.lakota.storage.http;

import io.lakota.errors.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The shared state of the HTTP pods opened from one URI and their {@code cd} children: base URL, fixed headers,
 * the JDK client (and its connection pool), timeouts and the retry policy. Sends one action with retries.
 * Thread-safe.
 */
final class HttpEndpoint {
  private final URI base;
  private final HttpClient client;
  private final List<Map.Entry<String, String>> headers;
  private final Duration timeout;
  private final RetryPolicy retry;

  HttpEndpoint(URI base, HttpClient client, List<Map.Entry<String, String>> headers, Duration timeout,
      RetryPolicy retry) {
    this.base = base;
    this.client = client;
    this.headers = List.copyOf(headers);
    this.timeout = timeout;
    this.retry = retry;
  }

  /** The base URL, ending with {@code /}, without query (so without any secret). */
  URI base() {
    return base;
  }

  /**
   * Sends {@code action} with the query {@code params} (name, value, name, value…; null values are skipped) and
   * returns the response, whose body the caller must consume or close. Transient failures are retried; the
   * response of the last attempt is returned whatever its status.
   *
   * @param body the request body (POST), or null for a GET
   * @param accept the {@code Accept} header, or null
   * @param path the pod-relative path the call is about, for errors
   * @param what the operation and its paths, for messages ({@code "read aa/bb"})
   * @throws StorageException when no response arrives after the last attempt
   */
  Exchange send(String action, String[] params, byte[] body, String accept, String path, String what) {
    HttpRequest request = request(action, params, body, accept);
    IOException last = null;
    for (int attempt = 1; ; attempt++) {
      Duration pause;
      try {
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        int status = response.statusCode();
        if (attempt >= retry.maxAttempts() || !isTransient(status)) {
          return new Exchange(response, attempt);
        }
        pause = retryAfter(response).orElse(retry.delay(attempt));
        response.body().close();
      } catch (IOException e) {
        last = e;
        if (attempt >= retry.maxAttempts()) {
          throw new StorageException(path, "Cannot " + what + ": no answer from " + base + " after " + attempt
              + (attempt == 1 ? " attempt: " : " attempts: ") + describe(e), e);
        }
        pause = retry.delay(attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StorageException(path, "Cannot " + what + ": interrupted while waiting for " + base, e);
      }
      sleep(pause, path, what, last);
    }
  }

  /** The response of the last attempt and the number of attempts made. */
  record Exchange(HttpResponse<InputStream> response, int attempts) {}

  private HttpRequest request(String action, String[] params, byte[] body, String accept) {
    StringBuilder url = new StringBuilder(base.toString()).append(action);
    char separator = '?';
    for (int i = 0; i < params.length; i += 2) {
      if (params[i + 1] != null) {
        url.append(separator).append(params[i]).append('=').append(encode(params[i + 1]));
        separator = '&';
      }
    }
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url.toString())).timeout(timeout);
    for (Map.Entry<String, String> header : headers) {
      builder.header(header.getKey(), header.getValue());
    }
    if (accept != null) {
      builder.header("Accept", accept);
    }
    // no Content-Type: the reference server parses form content types as forms and would lose the body
    return body == null
        ? builder.GET().build()
        : builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
  }

  private static boolean isTransient(int status) {
    return status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
  }

  private java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(value -> {
      try {
        return java.util.Optional.of(retry.retryAfter(Long.parseLong(value.trim())));
      } catch (NumberFormatException e) {
        return java.util.Optional.empty(); // an HTTP-date or garbage: the computed backoff applies
      }
    });
  }

  private static void sleep(Duration pause, String path, String what, IOException last) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      StorageException failure = new StorageException(path, "Cannot " + what + ": interrupted while retrying", e);
      if (last != null) {
        failure.addSuppressed(last);
      }
      throw failure;
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return message == null || message.isEmpty() ? e.getClass().getSimpleName() : message;
  }

  /** Query-string encoding with {@code %20} for spaces, which every server decodes. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
