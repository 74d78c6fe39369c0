package io.lakota.sync;

/**
 * Receives the progress of a pull or push (SEMANTICS.md §14), for progress bars: after each copied object (a data
 * file or a revision file) of a collection, the number copied so far and the number to copy for that collection.
 * A collection with nothing to copy reports {@code (0, 0)} once.
 *
 * <p>Calls for one transfer never overlap (the sync serializes them even when it copies with several threads), so
 * an implementation needs no locking of its own. It must not throw: an exception aborts the transfer, which is
 * safe (data is written before revisions) but rarely wanted.
 */
@FunctionalInterface
public interface SyncProgress {
  /** Ignores every report. */
  SyncProgress NONE = (collection, done, total) -> {};

  /**
   * Progress of one collection.
   *
   * @param collection the collection label ({@code registry} for the registry)
   * @param done objects copied so far for it
   * @param total objects it has to copy
   */
  void update(String collection, long done, long total);
}
