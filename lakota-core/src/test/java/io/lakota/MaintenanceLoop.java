package io.lakota;

import io.lakota.maintenance.GcResult;
import io.lakota.version.Revision;
import java.time.Duration;
import java.time.Instant;

/**
 * Trim, defrag (or squash) and gc of one collection in a loop, beside concurrent writers, for the concurrency tests
 * (issue 4, acceptance 2). Each round trims everything older than now (only the leaf survives) and garbage-collects
 * the repository; a defragmenting loop also defragments every {@value #DEFRAG_EVERY} rounds when the head moved
 * since its last defrag (every other time through the deprecated {@code squash}, which is defrag then trim): a
 * defrag rewrites the whole series, the costly part, hence the lower frequency. Counts what it did. One loop per
 * thread.
 */
final class MaintenanceLoop {
  /** A small chunk budget: a series of a few one-year segments is already "fragmented". */
  static final int MAX_CHUNK = 2;
  static final int DEFRAG_EVERY = 5;

  /** Something to wait for: true once it happened, false when {@code period} passed first. */
  @FunctionalInterface
  interface Done {
    boolean await(Duration period) throws InterruptedException;
  }

  private final Repo repo;
  private final String label;
  private final boolean defragging;
  private Revision defragged;
  int rounds;
  int defrags;
  int trimmed;
  long buried;
  long resurrected;

  MaintenanceLoop(Repo repo, String label, boolean defragging) {
    this.repo = repo;
    this.label = label;
    this.defragging = defragging;
  }

  /**
   * Runs rounds until {@code done}, pausing {@code period} between rounds (the pause only spaces the rounds out on a
   * shared machine; nothing waits for anything to happen). Runs at least one round.
   */
  MaintenanceLoop runUntil(Done done, Duration period) throws InterruptedException {
    do {
      round();
    } while (!done.await(period));
    return this;
  }

  @SuppressWarnings("deprecation")
  void round() {
    rounds++;
    Collection c = repo.collection(label);
    c.refresh();
    Revision head = c.head();
    if (defragging && rounds % DEFRAG_EVERY == 1 && head != null && !head.equals(defragged)) {
      defragged = head;
      defrags += (rounds % 2 == 0 ? c.defrag(MAX_CHUNK) : c.squash(Instant.now(), MAX_CHUNK)).size();
    }
    trimmed += c.trim(Instant.now());
    GcResult gc = repo.gc();
    buried += gc.softDeleted();
    resurrected += gc.resurrected();
  }

  @Override
  public String toString() {
    return "rounds=" + rounds + " defrags=" + defrags + " trimmed=" + trimmed + " buried=" + buried
        + " resurrected=" + resurrected;
  }
}
