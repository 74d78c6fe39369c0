package io.lakota.storage;

/**
 * Opens pods for URI schemes that {@link io.lakota.storage.uri.Pods#fromUri(String)} does not handle itself ({@code s3}, {@code http},
 * {@code https}, …). Modules such as {@code lakota-s3} register an implementation with the {@link
 * java.util.ServiceLoader} mechanism, in {@code META-INF/services/io.lakota.storage.PodProvider}.
 *
 * <p>Implementations must be thread-safe and have a public no-argument constructor. The built-in forms (no scheme,
 * {@code file}, {@code memory}, {@code ssh}) are never offered to providers.
 */
public interface PodProvider {

  /** True if this provider opens URIs of {@code scheme} (as written before {@code "://"}, e.g. {@code "s3"}). */
  boolean accepts(String scheme);

  /**
   * A pod for {@code uri}, whose scheme this provider accepts.
   *
   * @throws io.lakota.errors.ValidationException when the URI is malformed for this backend
   */
  Pod open(String uri);
}
