package io.lakota.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Plain HTTP requests, as a reference client or curl sends them, bypassing the HTTP pod's own checks. */
final class Raw {
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private Raw() {}

  static HttpResponse<String> get(URI base, String target, String... headers) {
    return send(HttpRequest.newBuilder(base.resolve(target)).GET(), headers);
  }

  static HttpResponse<String> post(URI base, String target, byte[] body, String... headers) {
    return send(HttpRequest.newBuilder(base.resolve(target)).POST(HttpRequest.BodyPublishers.ofByteArray(body)),
        headers);
  }

  static HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
