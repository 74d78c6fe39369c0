package io.lakota.s3;

import io.lakota.errors.InvalidPathException;
import io.lakota.errors.ValidationException;
import io.lakota.storage.PodPath;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A parsed {@code s3://} repository URI (HTTP.md §3.1): {@code s3://[host:port]/bucket/prefix?options}.
 *
 * <p>No host: the AWS endpoint of the region. A host: an S3-compatible server at {@code http://host:port}, with
 * path-style addressing. The first path component is the bucket, the rest (possibly empty) the key prefix of the
 * repository. Options, URL-encoded:
 *
 * <ul>
 *   <li>{@code key}, {@code secret}, {@code token}: static credentials (key and secret go together);
 *   <li>{@code profile}: a profile of the AWS configuration files;
 *   <li>{@code verify=false}: no TLS certificate verification;
 *   <li>beyond the reference: {@code region}, {@code https=true} (TLS to the given host), {@code max_requests}
 *       (requests in flight at once per pod family, default 16), {@code retries} (attempts per request after the
 *       first, default 6), {@code conditional_write=false} (never use {@code If-None-Match}, always check then
 *       put).
 * </ul>
 *
 * <p>Without credentials or profile the SDK's default chain applies (environment, system properties, configuration
 * files, container and instance roles). {@link #toString()} never shows the credentials.
 *
 * @param host {@code host:port} of an S3-compatible server, or {@code null} for AWS
 * @param bucket the bucket name
 * @param prefix the normalized key prefix of the repository ({@code ""} for the bucket root)
 * @param key the access key id from the URI, or {@code null}
 * @param secret the secret access key from the URI, or {@code null}
 * @param token the session token from the URI, or {@code null}
 * @param profile the AWS profile name, or {@code null}
 * @param verify false to skip TLS certificate verification
 * @param region the region name, or {@code null} for the SDK's region chain
 * @param https true to use TLS to {@code host}
 * @param maxRequests the bound on requests in flight at once
 * @param retries the retry attempts after a failed request (throttling, 5xx, I/O errors)
 * @param conditionalWrite false to never send conditional writes
 */
public record S3Location(
    String host,
    String bucket,
    String prefix,
    String key,
    String secret,
    String token,
    String profile,
    boolean verify,
    String region,
    boolean https,
    int maxRequests,
    int retries,
    boolean conditionalWrite) {

  /** The default bound on concurrent requests. */
  public static final int DEFAULT_MAX_REQUESTS = 16;
  /**
   * The default number of retries after a failed attempt. One more than the idle connections the JDK keeps per
   * server (5): a server that refuses an upload without reading its body (S3Proxy after a 412) closes the
   * connection, and the next upload on that pooled connection fails with "Error writing request body"; every retry
   * discards one such connection, so this many retries always reach a live one.
   */
  public static final int DEFAULT_RETRIES = 6;

  /**
   * Parses an {@code s3://} URI.
   *
   * @throws ValidationException when the scheme is not {@code s3}, the bucket is missing, the prefix escapes the
   *     bucket ({@code ..}), an option is unknown or malformed, or only one of key and secret is given
   */
  public static S3Location parse(String uri) {
    if (uri == null || !uri.startsWith("s3://")) {
      throw new ValidationException("Cannot open \"" + uri + "\": not an s3:// URI");
    }
    String rest = uri.substring("s3://".length());
    int question = rest.indexOf('?');
    String query = question < 0 ? "" : rest.substring(question + 1);
    String hostAndPath = question < 0 ? rest : rest.substring(0, question);
    int slash = hostAndPath.indexOf('/');
    String host = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
    String path = slash < 0 ? "" : hostAndPath.substring(slash + 1);
    if (host.contains("@")) {
      throw new ValidationException(
          "Cannot open \"" + redact(uri) + "\": give credentials as key= and secret= parameters, not in the host");
    }
    String normalized;
    try {
      normalized = PodPath.normalize(path.replaceFirst("^/+", "").replaceAll("/{2,}", "/"));
    } catch (InvalidPathException e) {
      throw new ValidationException("Cannot open \"" + redact(uri) + "\": " + e.getMessage(), e);
    }
    if (normalized.isEmpty()) {
      throw new ValidationException(
          "Cannot open \"" + redact(uri) + "\": no bucket, expected s3:///bucket/prefix or s3://host:port/bucket/prefix");
    }
    int cut = normalized.indexOf('/');
    String bucket = cut < 0 ? normalized : normalized.substring(0, cut);
    String prefix = cut < 0 ? "" : normalized.substring(cut + 1);

    String key = null;
    String secret = null;
    String token = null;
    String profile = null;
    boolean verify = true;
    String region = null;
    boolean https = false;
    int maxRequests = DEFAULT_MAX_REQUESTS;
    int retries = DEFAULT_RETRIES;
    boolean conditionalWrite = true;
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(uri, equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(uri, pair.substring(equals + 1));
      switch (name) {
        case "key" -> key = emptyToNull(value);
        case "secret" -> secret = emptyToNull(value);
        case "token" -> token = emptyToNull(value);
        case "profile" -> profile = emptyToNull(value);
        // as the reference: anything but "false" keeps verification on
        case "verify" -> verify = !value.toLowerCase(Locale.ROOT).equals("false");
        case "region" -> region = emptyToNull(value);
        case "https" -> https = bool(uri, name, value);
        case "conditional_write" -> conditionalWrite = bool(uri, name, value);
        case "max_requests" -> maxRequests = integer(uri, name, value, 1, 1024);
        case "retries" -> retries = integer(uri, name, value, 0, 20);
        default -> throw new ValidationException(
            "Cannot open \"" + redact(uri) + "\": unknown parameter \"" + name + "\"");
      }
    }
    ValidationException.check(
        (key == null) == (secret == null),
        "Cannot open \"%s\": key and secret must be given together",
        redact(uri));
    ValidationException.check(
        token == null || key != null, "Cannot open \"%s\": token needs key and secret", redact(uri));
    ValidationException.check(
        !https || !host.isEmpty(), "Cannot open \"%s\": https=true needs a host:port", redact(uri));
    return new S3Location(
        host.isEmpty() ? null : host,
        bucket,
        prefix,
        key,
        secret,
        token,
        profile,
        verify,
        region,
        https,
        maxRequests,
        retries,
        conditionalWrite);
  }

  /** The endpoint URL of an S3-compatible server, or {@code null} for AWS. */
  public String endpoint() {
    return host == null ? null : (https ? "https://" : "http://") + host;
  }

  /** {@code s3://host/bucket/prefix} without options or credentials: what messages and logs show. */
  @Override
  public String toString() {
    return "s3://" + (host == null ? "" : host) + "/" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
  }

  /** {@code uri} with the values of {@code secret} and {@code token} replaced by {@code ***}. */
  static String redact(String uri) {
    return uri == null ? null : uri.replaceAll("(?<=[?&])(secret|token)=[^&]*", "$1=***");
  }

  private static String decode(String uri, String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ValidationException("Cannot open \"" + redact(uri) + "\": malformed escape in \"" + text + "\"", e);
    }
  }

  private static String emptyToNull(String value) {
    return value.isEmpty() ? null : value;
  }

  private static boolean bool(String uri, String name, String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    ValidationException.check(
        lower.equals("true") || lower.equals("false"),
        "Cannot open \"%s\": %s must be true or false",
        redact(uri),
        name);
    return lower.equals("true");
  }

  private static int integer(String uri, String name, String value, int min, int max) {
    int parsed;
    try {
      parsed = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      parsed = min - 1;
    }
    ValidationException.check(
        parsed >= min && parsed <= max,
        "Cannot open \"%s\": %s must be an integer from %d to %d",
        redact(uri),
        name,
        min,
        max);
    return parsed;
  }
}
