package io.lakota.server;

import io.lakota.storage.Pod;
import io.lakota.storage.file.FilePod;
import io.lakota.storage.http.HttpPod;
import io.lakota.storage.http.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A pod server started by a test on an ephemeral loopback port, over a file repository, and the HTTP pods that
 * talk to it. {@link #close()} stops the server.
 */
public final class LiveServer implements AutoCloseable {
  /** Quick retries: tests must not wait seconds for a server that is gone. */
  public static final RetryPolicy TEST_RETRY = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100));

  private final PodServer server;
  private final Pod served;

  private LiveServer(Pod served, UnaryOperator<PodServer.Builder> settings) {
    this.served = served;
    Mounts mounts = Mounts.of("", Map.of("/", served));
    this.server = settings.apply(PodServer.builder(mounts).host("127.0.0.1").port(0)).build().start();
  }

  /** A server over a file repository at {@code folder}. */
  public static LiveServer overFiles(Path folder) {
    return new LiveServer(new FilePod(folder), UnaryOperator.identity());
  }

  /** A server over {@code pod}, with extra settings. */
  public static LiveServer over(Pod pod, UnaryOperator<PodServer.Builder> settings) {
    return new LiveServer(pod, settings);
  }

  public PodServer server() {
    return server;
  }

  /** The pod the server serves (for checks behind its back). */
  public Pod served() {
    return served;
  }

  /** A new HTTP pod (own connection pool) on the server's root. */
  public HttpPod client() {
    return HttpPod.builder(server.uri()).retry(TEST_RETRY).build();
  }

  /** A new HTTP pod sending {@code token}. */
  public HttpPod client(String token) {
    return HttpPod.builder(server.uri()).retry(TEST_RETRY).bearerToken(token).build();
  }

  @Override
  public void close() {
    server.close();
  }
}
