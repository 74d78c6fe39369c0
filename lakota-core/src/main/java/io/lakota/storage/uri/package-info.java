/**
 * Repository URIs: {@link io.lakota.storage.uri.Pods} opens the pod a URI names (memory, folder, HTTP, and the
 * schemes of {@link io.lakota.storage.PodProvider} services such as S3). It sits above the pod implementations so
 * that {@code io.lakota.storage} (the SPI) depends on none of them.
 */
package io.lakota.storage.uri;
