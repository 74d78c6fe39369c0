package io.lakota.storage.http;

import io.lakota.errors.ValidationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Reads the options of an {@code http(s)://} repository URI into an {@link HttpPodBuilder} (HTTP.md §2). */
final class HttpPodUri {
  private HttpPodUri() {}

  static HttpPodBuilder parse(String text, Map<String, String> environment) {
    String uri = text.replaceFirst("\\?.*", ""); // how the URI is shown: its query may hold a token
    URI parsed;
    try {
      parsed = new URI(text);
    } catch (URISyntaxException e) {
      // not chained: the cause's message holds the whole URI, token included
      throw new ValidationException("Cannot open \"" + uri + "\": " + e.getReason() + " at index " + e.getIndex());
    }
    HttpPodBuilder builder = new HttpPodBuilder(parsed);
    String query = parsed.getRawQuery();
    String token = null;
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = decode(uri, equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(uri, pair.substring(equals + 1));
        if (name.startsWith("header-") && name.length() > "header-".length()) {
          builder.header(name.substring("header-".length()), value);
        } else if (name.equals("token")) {
          token = value;
        } else if (name.equals("retries")) {
          int retries = integer(uri, name, value);
          builder.retry(new RetryPolicy(retries + 1, RetryPolicy.DEFAULT.initialDelay(),
              RetryPolicy.DEFAULT.maxDelay()));
        } else if (name.equals("timeout")) {
          builder.requestTimeout(Duration.ofSeconds(Math.max(1, integer(uri, name, value))));
        }
        // other parameters are ignored, as the reference does
      }
    }
    if (!builder.hasAuthorization()) {
      if (token == null) {
        token = environment.get(HttpPod.TOKEN_VARIABLE);
      }
      if (token != null && !token.isEmpty()) {
        builder.bearerToken(token);
      }
    }
    return builder;
  }

  private static int integer(String uri, String name, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ValidationException(
        "Cannot open \"" + uri + "\": " + name + " must be a non-negative integer, got \"" + value + "\"");
  }

  private static String decode(String uri, String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ValidationException("Cannot open \"" + uri + "\": malformed query: " + e.getMessage(), e);
    }
  }
}
