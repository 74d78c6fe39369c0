package io.lakota.storage.http;

import io.lakota.errors.ValidationException;
import io.lakota.storage.PodPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Configures an {@link HttpPod}: headers, bearer token, TLS context, timeouts and retries. Mutable, single-threaded;
 * every {@link #build()} creates a new client (connection pool) shared by the pod and its {@code cd} children.
 */
public final class HttpPodBuilder {
  private final URI base;
  private final List<Map.Entry<String, String>> headers = new ArrayList<>();
  private SSLContext sslContext;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration requestTimeout = Duration.ofMinutes(5);
  private RetryPolicy retry = RetryPolicy.DEFAULT;

  HttpPodBuilder(URI base) {
    Objects.requireNonNull(base, "base");
    String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
    String shown = base.toString().replaceFirst("\\?.*", ""); // the query may hold a token
    ValidationException.check(scheme.equals("http") || scheme.equals("https"),
        "Cannot open \"%s\": the scheme must be http or https", shown);
    ValidationException.check(base.getHost() != null, "Cannot open \"%s\": no host", shown);
    String path = base.getRawPath() == null ? "" : base.getRawPath();
    this.base = URI.create(scheme + "://" + base.getRawAuthority() + (path.endsWith("/") ? path : path + "/"));
  }

  /** Adds a header sent with every request. */
  public HttpPodBuilder header(String name, String value) {
    headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
    return this;
  }

  /** Sends {@code Authorization: Bearer <token>} with every request. */
  public HttpPodBuilder bearerToken(String token) {
    ValidationException.check(!token.isBlank() && token.strip().equals(token) && token.indexOf('\n') < 0,
        "Cannot use a bearer token with blanks or line breaks");
    return header("Authorization", "Bearer " + token);
  }

  /** True when an {@code Authorization} header is set. */
  boolean hasAuthorization() {
    return headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Authorization"));
  }

  /** The TLS context of {@code https} connections (default: the JVM's default trust store). */
  public HttpPodBuilder sslContext(SSLContext context) {
    this.sslContext = context;
    return this;
  }

  /** The time to wait for a connection (default 10 s). */
  public HttpPodBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = timeout;
    return this;
  }

  /** The time to wait for the start of each answer (default 5 min). */
  public HttpPodBuilder requestTimeout(Duration timeout) {
    this.requestTimeout = timeout;
    return this;
  }

  /** How transient failures are retried (default {@link RetryPolicy#DEFAULT}). */
  public HttpPodBuilder retry(RetryPolicy policy) {
    this.retry = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /** A pod at the base URL. */
  public HttpPod build() {
    HttpClient.Builder client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout);
    if (sslContext != null) {
      client.sslContext(sslContext);
    }
    return new HttpPod(new HttpEndpoint(base, client.build(), headers, requestTimeout, retry), PodPath.ROOT);
  }
}
