package io.lakota.s3;

import io.lakota.errors.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.utils.AttributeMap;

/** Builds the SDK client of an {@link S3Location}: credentials, region, endpoint, TLS, timeouts and retries. */
final class S3Clients {
  /** Connecting must be quick; an unreachable endpoint then fails after the retries instead of hanging. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** A response that stalls this long is abandoned and retried. */
  static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);

  /** Parsed CA bundles: a bundle takes about a second to parse and clients are made for every URI opened. */
  private static final Map<Path, TrustManager[]> TRUST = new ConcurrentHashMap<>();

  private S3Clients() {}

  static S3Client create(S3Location location) {
    S3ClientBuilder builder =
        S3Client.builder()
            .credentialsProvider(credentials(location))
            .region(region(location))
            .httpClient(httpClient(location))
            .overrideConfiguration(
                o -> o.addExecutionInterceptor(new NoExpectContinue()).retryStrategy(
                    // throttling (503 SlowDown, 429), 5xx and I/O errors, with exponential backoff and jitter
                    AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(location.retries() + 1)
                        .build()));
    if (location.host() != null) {
      builder
          .endpointOverride(URI.create(location.endpoint()))
          .forcePathStyle(true)
          // S3-compatible servers may reject the CRC32 "flexible checksums" the SDK sends by default
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    } else {
      // a bucket in another region than the configured one is still reachable
      builder.crossRegionAccessEnabled(true);
    }
    return builder.build();
  }

  /**
   * Drops the {@code Expect: 100-continue} header the SDK puts on uploads. With the URL-connection client a server
   * that answers before reading the body (legitimately, e.g. for an empty body) makes the client report "Error
   * writing request body" although the object was stored, and the retry of a conditional put then meets 412: the
   * pod would report a write it made as skipped. Lakota's objects are small, so the saving is moot anyway.
   */
  static final class NoExpectContinue implements ExecutionInterceptor {
    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
      SdkHttpRequest request = context.httpRequest();
      return request.firstMatchingHeader("Expect").isPresent()
          ? request.toBuilder().removeHeader("Expect").build()
          : request;
    }
  }

  private static AwsCredentialsProvider credentials(S3Location location) {
    if (location.key() != null) {
      return StaticCredentialsProvider.create(
          location.token() == null
              ? AwsBasicCredentials.create(location.key(), location.secret())
              : AwsSessionCredentials.create(location.key(), location.secret(), location.token()));
    }
    if (location.profile() != null) {
      return ProfileCredentialsProvider.create(location.profile());
    }
    return DefaultCredentialsProvider.builder().build();
  }

  private static Region region(S3Location location) {
    if (location.region() != null) {
      return Region.of(location.region());
    }
    if (location.host() != null) {
      // S3-compatible servers: the environment or the profile may name one; no instance-metadata lookup (slow
      // off EC2), and the servers mostly ignore it anyway
      String configured = System.getenv("AWS_REGION");
      if (configured == null || configured.isBlank()) {
        configured = System.getProperty("aws.region");
      }
      return configured == null || configured.isBlank() ? Region.US_EAST_1 : Region.of(configured);
    }
    try {
      return DefaultAwsRegionProviderChain.builder().profileName(location.profile()).build().getRegion();
    } catch (SdkClientException e) {
      // nothing configured: S3-compatible servers ignore the region and AWS redirects across regions
      return Region.US_EAST_1;
    }
  }

  private static SdkHttpClient httpClient(S3Location location) {
    UrlConnectionHttpClient.Builder http =
        UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(SOCKET_TIMEOUT);
    if (!location.verify()) {
      return http.buildWithDefaults(
          AttributeMap.builder().put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, true).build());
    }
    // plain-http endpoints never use TLS: no need to parse a CA bundle (hundreds of certificates) for them
    String bundle = location.host() != null && !location.https() ? null : caBundle();
    if (bundle != null) {
      TrustManager[] trust = TRUST.computeIfAbsent(Path.of(bundle).toAbsolutePath(), S3Clients::trustManagers);
      http.tlsTrustManagersProvider(() -> trust);
    }
    return http.build();
  }

  /** The CA bundle named by {@code AWS_CA_BUNDLE} or {@code REQUESTS_CA_BUNDLE} (as boto3 honours), or null. */
  private static String caBundle() {
    for (String name : new String[] {"AWS_CA_BUNDLE", "REQUESTS_CA_BUNDLE"}) {
      String value = System.getenv(name);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  /** Trust managers that trust exactly the PEM certificates of {@code bundle}. */
  static TrustManager[] trustManagers(Path bundle) {
    try (InputStream in = Files.newInputStream(bundle)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + n++, certificate);
      }
      ValidationException.check(n > 0, "Cannot use the CA bundle %s: it holds no certificate", bundle);
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory.getTrustManagers();
    } catch (IOException | GeneralSecurityException e) {
      throw new ValidationException("Cannot use the CA bundle " + bundle + ": " + e.getMessage(), e);
    }
  }
}
