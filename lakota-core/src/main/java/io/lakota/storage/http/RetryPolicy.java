package io.lakota.storage.http;

import io.lakota.errors.ValidationException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the HTTP pod retries a request that failed transiently (connection refused or reset, timeouts, HTTP 408,
 * 429, 502, 503, 504): exponential backoff with equal jitter (a uniform pick in {@code [d/2, d]}), a
 * {@code Retry-After} header of up to {@link #maxDelay()} replacing the computed delay. Immutable.
 *
 * @param maxAttempts the first try plus the retries, at least 1
 * @param initialDelay the delay before the first retry
 * @param maxDelay the cap of every delay
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
  /** Five attempts, 100 ms then doubling, at most 5 s apart: about 1.5 s in all before giving up. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(5));

  /** Never retries. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

  public RetryPolicy {
    ValidationException.check(maxAttempts >= 1, "Cannot retry: max attempts must be at least 1, got %d", maxAttempts);
    ValidationException.check(
        !initialDelay.isNegative() && !maxDelay.isNegative(), "Cannot retry: delays must not be negative");
  }

  /** The pause before attempt {@code attempt + 1}, after attempt {@code attempt} (1-based) failed. */
  public Duration delay(int attempt) {
    long base = initialDelay.toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(Math.max(base, 0), maxDelay.toMillis());
    long half = capped / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
  }

  /** The pause a server asked for with {@code Retry-After: <seconds>}, capped by {@link #maxDelay()}. */
  Duration retryAfter(long seconds) {
    return seconds * 1000 > maxDelay.toMillis() ? maxDelay : Duration.ofSeconds(Math.max(seconds, 0));
  }
}
