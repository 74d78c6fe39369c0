package io.lakota.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 server of the tests: {@code LAKOTA_TEST_S3_ENDPOINT} (with {@code LAKOTA_TEST_S3_KEY} and
 * {@code LAKOTA_TEST_S3_SECRET}) when set, else an S3Proxy started once per test JVM with {@code
 * tools/s3proxy/start} (found through the system property {@code lakota.s3proxy.home} that the build sets) and
 * stopped when the JVM exits. When the server cannot be started the tests fail with the script's output: they
 * never skip. Each test class takes its own bucket from {@link #newBucket()}.
 */
public final class S3TestServer {
  private static final AtomicInteger BUCKETS = new AtomicInteger();
  private static S3TestServer instance;

  private final String endpoint;
  private final String key;
  private final String secret;
  private final S3Client admin;

  private S3TestServer(String endpoint, String key, String secret) {
    this.endpoint = endpoint;
    this.key = key;
    this.secret = secret;
    this.admin = client(endpoint, key, secret);
  }

  /** The running server, started on first use. */
  public static synchronized S3TestServer get() {
    if (instance == null) {
      String endpoint = System.getenv("LAKOTA_TEST_S3_ENDPOINT");
      if (endpoint != null && !endpoint.isBlank()) {
        instance = new S3TestServer(
            endpoint, System.getenv("LAKOTA_TEST_S3_KEY"), System.getenv("LAKOTA_TEST_S3_SECRET"));
      } else {
        Map<String, String> env = start();
        instance = new S3TestServer(
            env.get("LAKOTA_TEST_S3_ENDPOINT"), env.get("LAKOTA_TEST_S3_KEY"), env.get("LAKOTA_TEST_S3_SECRET"));
      }
    }
    return instance;
  }

  private static Map<String, String> start() {
    String home = System.getProperty("lakota.s3proxy.home");
    String state = System.getProperty("lakota.s3proxy.state");
    if (home == null || state == null) {
      throw new IllegalStateException(
          "Cannot start S3Proxy: the system properties lakota.s3proxy.home and lakota.s3proxy.state are not set; "
              + "run the S3 tests with Maven (mvn verify) or set LAKOTA_TEST_S3_ENDPOINT");
    }
    Path script = Path.of(home, "start");
    if (!Files.isExecutable(script)) {
      throw new IllegalStateException("Cannot start S3Proxy: " + script + " is missing or not executable");
    }
    ProcessBuilder builder =
        new ProcessBuilder(script.toString(), state, Long.toString(ProcessHandle.current().pid()))
            .redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    String output;
    int status;
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (InputStream in = process.getInputStream()) {
        in.transferTo(bytes);
      }
      // the first run may download S3Proxy's jars
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("Cannot start S3Proxy: " + script + " did not finish in 10 minutes");
      }
      status = process.exitValue();
      output = bytes.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start S3Proxy with " + script + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Cannot start S3Proxy: interrupted", e);
    }
    if (status != 0) {
      throw new IllegalStateException("Cannot start S3Proxy (" + script + " exited with " + status + "):\n" + output);
    }
    Map<String, String> env = new HashMap<>();
    for (String line : output.split("\n")) {
      int equals = line.indexOf('=');
      if (line.startsWith("LAKOTA_TEST_S3_") && equals > 0) {
        env.put(line.substring(0, equals), line.substring(equals + 1).trim());
      }
    }
    if (!env.containsKey("LAKOTA_TEST_S3_ENDPOINT")) {
      throw new IllegalStateException("Cannot start S3Proxy: no endpoint in the output of " + script + ":\n" + output);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(home, state), "s3proxy-stop"));
    return env;
  }

  private static void stop(String home, String state) {
    try {
      Process process = new ProcessBuilder(Path.of(home, "stop").toString(), state).inheritIO().start();
      process.waitFor(20, TimeUnit.SECONDS);
    } catch (IOException e) {
      System.err.println("Cannot stop S3Proxy: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** An SDK client for the server, configured as the S3 pod configures it for a host:port URI. */
  static S3Client client(String endpoint, String key, String secret) {
    return S3Client.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
        .forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** The endpoint URL, e.g. {@code http://127.0.0.1:41234}. */
  public String endpoint() {
    return endpoint;
  }

  /** {@code host:port} of the endpoint. */
  public String host() {
    return URI.create(endpoint).getAuthority();
  }

  /** An admin client (to create buckets and look at raw keys). */
  public S3Client admin() {
    return admin;
  }

  /** The access key id. */
  public String key() {
    return key;
  }

  /** The secret access key. */
  public String secret() {
    return secret;
  }

  /** Creates a new, empty bucket with a unique name and returns the name. */
  public String newBucket() {
    String name =
        String.format(
            Locale.ROOT, "lakota-%d-%d-%d", ProcessHandle.current().pid(), System.nanoTime() % 1_000_000,
            BUCKETS.incrementAndGet());
    admin.createBucket(b -> b.bucket(name));
    return name;
  }

  /** {@code s3://host:port/bucket/prefix?key=…&secret=…}: the URI of a repository on this server. */
  public String uri(String bucket, String prefix) {
    return "s3://" + host() + "/" + bucket + (prefix.isEmpty() ? "" : "/" + prefix) + "?key=" + key + "&secret="
        + secret;
  }
}
