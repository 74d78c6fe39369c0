package io.lakota.s3;

import io.lakota.storage.Pod;
import io.lakota.storage.PodProvider;

/**
 * Opens {@code s3://} URIs for {@link io.lakota.storage.uri.Pods#fromUri(String)}: registered with the {@link
 * java.util.ServiceLoader} in {@code META-INF/services/io.lakota.storage.PodProvider}, so that putting lakota-s3 on
 * the class path is all it takes.
 */
public final class S3PodProvider implements PodProvider {

  /** Used by the service loader. */
  public S3PodProvider() {}

  @Override
  public boolean accepts(String scheme) {
    return scheme.equals("s3");
  }

  @Override
  public Pod open(String uri) {
    return S3Pod.open(uri);
  }
}
