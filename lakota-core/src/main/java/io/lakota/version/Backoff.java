package io.lakota.version;

import io.lakota.errors.LakotaException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The pause between two attempts of a commit that lost a race: exponential with full jitter (a random pause
 * between 0 and {@code min(CAP_MS, BASE_MS × 2^attempt)}), so that writers that collided spread out instead of
 * colliding again in lock step. Stateless.
 */
public final class Backoff {
  /** The most attempts a writer makes before giving up with {@link io.lakota.errors.CommitConflictException}. */
  public static final int MAX_ATTEMPTS = 100;
  static final long BASE_MS = 1;
  static final long CAP_MS = 200;

  private Backoff() {}

  /** Sleeps before attempt {@code attempt + 1}. */
  public static void pause(int attempt) {
    long bound = Math.min(CAP_MS, BASE_MS << Math.min(attempt, 20));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LakotaException("Cannot commit: interrupted while waiting to retry", e);
    }
  }
}
