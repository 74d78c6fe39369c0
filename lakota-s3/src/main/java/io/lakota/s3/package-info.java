/**
 * The S3 backend: {@link io.lakota.s3.S3Pod}, opened from {@code s3://} repository URIs by {@link
 * io.lakota.s3.S3PodProvider} (HTTP.md §3).
 */
package io.lakota.s3;
