package io.lakota.storage;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * In-process commit locks, one per folder key, for pods that implement {@link SupportsAtomicCommit}. Thread-safe.
 * Locks are never removed: there is one per changelog folder ever committed to by this process, a few bytes each.
 */
public final class FolderLocks {
  /** How long a commit waits for another holder of the same lock before reporting a lock failure. */
  public static final long WAIT_SECONDS = 120;

  private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  /**
   * Takes the lock of {@code key}, waiting at most {@link #WAIT_SECONDS}.
   *
   * @return the held lock (unlock it in a {@code finally}), or null when it could not be taken in time
   */
  public ReentrantLock acquire(String key) {
    ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
    try {
      return lock.tryLock(WAIT_SECONDS, TimeUnit.SECONDS) ? lock : null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
