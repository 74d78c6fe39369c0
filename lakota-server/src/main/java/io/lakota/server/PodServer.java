package io.lakota.server;

import io.lakota.errors.LakotaException;
import io.lakota.errors.ValidationException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The pod server of {@code lakota serve} (HTTP.md §1): serves the raw pods of several repositories under URL
 * prefixes, with the reference's routes and payloads, plus bearer-token authentication, a read-only mode, TLS,
 * request size limits, path checks, binary reads and an access log. Build one with {@link #builder(Mounts)}, then
 * {@link #start()}; {@link #close()} stops it. Thread-safe.
 */
public final class PodServer implements AutoCloseable {
  private final Server server;
  private final ServerConnector connector;
  private final PodHandler handler;
  private final boolean secure;
  private final String host;
  private final String basePath;

  private PodServer(Builder b) {
    this.host = b.host;
    this.basePath = b.mounts.basePath();
    this.secure = b.keyStore != null;
    boolean loopback = isLoopback(b.host);
    ValidationException.check(loopback || !b.tokens.isEmpty(),
        "Cannot serve on %s: a non-loopback address needs bearer tokens (--token-file or %s)", b.host,
        BearerTokens.VARIABLE);
    QueuedThreadPool threads = new QueuedThreadPool(b.maxThreads, 4);
    threads.setName("lakota-serve");
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setRequestHeaderSize(16 * 1024); // long paths travel in the query string
    if (secure) {
      http.addCustomizer(new SecureRequestCustomizer());
      SslContextFactory.Server tls = new SslContextFactory.Server();
      tls.setKeyStorePath(b.keyStore.toString());
      tls.setKeyStorePassword(b.keyStorePassword);
      connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
          new HttpConnectionFactory(http));
    } else {
      connector = new ServerConnector(server, new HttpConnectionFactory(http));
    }
    connector.setHost(b.host);
    connector.setPort(b.port);
    server.addConnector(connector);
    handler = new PodHandler(b.mounts, b.tokens, b.readOnly, b.maxRequestBytes);
    server.setHandler(handler);
    server.setStopTimeout(0);
  }

  /** A builder serving {@code mounts}, on {@code 127.0.0.1:8080} by default. */
  public static Builder builder(Mounts mounts) {
    return new Builder(mounts);
  }

  /**
   * Starts listening.
   *
   * @throws LakotaException when the port cannot be bound or the key store cannot be read
   */
  public PodServer start() {
    try {
      server.start();
    } catch (Exception e) {
      close();
      throw new LakotaException("Cannot serve on " + host + ":" + connector.getPort() + ": " + e.getMessage(), e);
    }
    return this;
  }

  /** The bound port (useful after asking for port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The URL of the base path: {@code http(s)://host:port/base/}. */
  public URI uri() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return URI.create((secure ? "https" : "http") + "://" + h + ":" + port() + basePath + "/");
  }

  /** The number of requests handled so far. */
  public long requests() {
    return handler.requests();
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  /**
   * Stops the server at once: requests in progress are cut, which leaves no partial file in an atomic pod (file,
   * memory), and no revision without its data files, since a client writes data files first.
   */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new LakotaException("Cannot stop the server: " + e.getMessage(), e);
    }
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new ValidationException("Cannot serve on " + host + ": unknown host", e);
    }
  }

  /** The settings of a {@link PodServer}. Mutable, single-threaded. */
  public static final class Builder {
    private final Mounts mounts;
    private String host = "127.0.0.1";
    private int port = 8080;
    private BearerTokens tokens = BearerTokens.none();
    private boolean readOnly;
    private long maxRequestBytes = 256L << 20;
    private int maxThreads = 32;
    private Path keyStore;
    private String keyStorePassword;

    private Builder(Mounts mounts) {
      this.mounts = Objects.requireNonNull(mounts, "mounts");
    }

    /** The address to listen on; a non-loopback one requires tokens. */
    public Builder host(String value) {
      this.host = Objects.requireNonNull(value, "host");
      return this;
    }

    /** The port; 0 picks a free one. */
    public Builder port(int value) {
      ValidationException.check(value >= 0 && value < 65536, "Cannot serve on port %d", value);
      this.port = value;
      return this;
    }

    /** The accepted bearer tokens; none (the default) disables authentication, on loopback addresses only. */
    public Builder tokens(BearerTokens value) {
      this.tokens = Objects.requireNonNull(value, "tokens");
      return this;
    }

    /** Refuses {@code write}, {@code rm} and {@code mv} with 403. */
    public Builder readOnly(boolean value) {
      this.readOnly = value;
      return this;
    }

    /** The largest accepted request body (default 256 MiB); larger ones get 413. */
    public Builder maxRequestBytes(long value) {
      ValidationException.check(value > 0 && value <= Integer.MAX_VALUE - 8,
          "Cannot limit requests to %d bytes: the limit must be between 1 and %d", value, Integer.MAX_VALUE - 8);
      this.maxRequestBytes = value;
      return this;
    }

    /** The most requests served at once (default 32). */
    public Builder maxThreads(int value) {
      // Jetty leases some threads to accept and select connections
      ValidationException.check(value >= 8, "Cannot serve with %d threads: at least 8 are needed", value);
      this.maxThreads = value;
      return this;
    }

    /** Serves HTTPS with the certificate of a key store (PKCS12 or JKS) opened with {@code password}. */
    public Builder tls(Path store, String password) {
      ValidationException.check(Files.isReadable(store), "Cannot read the key store %s", store);
      this.keyStore = store;
      this.keyStorePassword = Objects.requireNonNull(password, "password");
      return this;
    }

    /** The server, not started. */
    public PodServer build() {
      return new PodServer(this);
    }
  }
}
