package io.lakota;

import io.lakota.errors.ValidationException;
import io.lakota.version.Commit;
import io.lakota.version.CommitAttempt;
import io.lakota.version.CommitRow;
import io.lakota.version.Revision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * An atomic multi-series write on one collection handle (SEMANTICS.md §17): while the batch is open, writes made
 * through series of that handle write their data files and queue their rows; {@link #commit()} applies every queued
 * row to the leaf in queue order and writes <em>one</em> revision, so readers see all the writes or none.
 *
 * <pre>{@code
 * try (Batch batch = collection.multi()) {
 *   collection.series("Brussels").write(brussels);
 *   collection.series("Paris").write(paris);
 *   batch.commit();
 * }
 * }</pre>
 *
 * <p>Closing a batch that was not committed discards the queued rows (their write-once data files stay until
 * garbage collection): an exception thrown inside the {@code try} block therefore writes no revision, and the
 * handle is back to normal, unbatched writes after {@link #close()} — unlike the reference, which keeps queueing.
 * Queued writes are not visible to reads made inside the batch. Each write is validated when it is made (a bad
 * frame fails there); large writes (4096 rows or more) are then encoded and their data files written on a worker
 * thread, over copies of the frame's arrays, while the caller goes on, and {@link #commit()} waits for them (a
 * failure there, such as a storage error, fails the commit, which then writes no revision). Writes through another handle on the same
 * collection are not batched. One batch at a time per handle: {@link Collection#multi()} waits for the open batch
 * of another thread, and fails for a nested batch on the same thread. A batch is used and closed by the thread
 * that opened it.
 */
public final class Batch implements AutoCloseable {
  private final Collection collection;
  private final boolean root;
  private final List<Future<WritePlan>> queued = new ArrayList<>();
  private List<Revision> revisions;
  private boolean closed;

  Batch(Collection collection, boolean root) {
    this.collection = collection;
    this.root = root;
  }

  synchronized void queue(Future<WritePlan> plan) {
    queued.add(plan);
  }

  /** The number of writes queued so far. */
  public synchronized int size() {
    return queued.size();
  }

  /**
   * Writes one revision with every queued row (on {@code phi} for a batch opened with {@code root}) and ends the
   * batch: later writes through the handle commit immediately. An empty batch, or one whose result equals the
   * leaf's content, writes nothing.
   *
   * @return the revisions written (none or one)
   * @throws ValidationException when the batch was already committed or closed
   */
  public List<Revision> commit() {
    List<Future<WritePlan>> pending;
    synchronized (this) {
      ValidationException.check(!closed && revisions == null,
          "Cannot commit batch of collection \"%s\": it is already %s", collection.label(),
          closed ? "closed" : "committed");
      pending = new ArrayList<>(queued);
      revisions = List.of();
      queued.clear();
    }
    collection.endBatch(this);
    if (pending.isEmpty()) {
      return revisions;
    }
    List<WritePlan> rows = awaitAll(pending);
    revisions = collection.commitChange(base -> applyAll(base, rows), root);
    return revisions;
  }

  /**
   * Conditional commit of the batch (LOADCURVE.md CC3): applies every queued row to {@code expectedHead}'s commit
   * and writes one revision only if {@code expectedHead} is still the head ({@code null}: only if the collection has
   * no revision yet). One attempt, no retry: on {@link io.lakota.storage.CommitResult#LOCK_FAILURE} nothing is
   * written and the queued rows are discarded (their data files stay until gc); the caller re-checks its
   * preconditions on the new head and writes again in a new batch. Ends the batch either way.
   *
   * @throws ValidationException when the batch was already committed or closed
   * @throws io.lakota.errors.CommitStateUnknownException when the outcome cannot be known (do not clean up)
   */
  public CommitAttempt commit(Revision expectedHead) {
    List<Future<WritePlan>> pending;
    synchronized (this) {
      ValidationException.check(!closed && revisions == null,
          "Cannot commit batch of collection \"%s\": it is already %s", collection.label(),
          closed ? "closed" : "committed");
      pending = new ArrayList<>(queued);
      revisions = List.of();
      queued.clear();
    }
    collection.endBatch(this);
    List<WritePlan> rows = awaitAll(pending);
    CommitAttempt a = collection.commitOnce(expectedHead, base -> {
      if (rows.isEmpty()) {
        return null;
      }
      return applyAll(base, rows);
    });
    synchronized (this) {
      revisions = a.revisions();
    }
    // on a pod without a commit capability the head check was a best effort: a sibling is merged at once
    collection.mergeForks(a);
    return a;
  }

  /** {@code base} updated with every queued row, in queue order (one {@link Commit#updateAll} pass). */
  private static Commit applyAll(Commit base, List<WritePlan> plans) {
    List<CommitRow> rows = new ArrayList<>(plans.size());
    List<Map<String, byte[]>> embedded = new ArrayList<>(plans.size());
    for (WritePlan plan : plans) {
      rows.add(plan.row());
      embedded.add(plan.embedded());
    }
    return base.updateAll(rows, embedded);
  }

  /** The plans of the queued writes, once their data files are written (in queue order). */
  private static List<WritePlan> awaitAll(List<Future<WritePlan>> pending) {
    List<WritePlan> rows = new ArrayList<>(pending.size());
    for (Future<WritePlan> f : pending) {
      rows.add(Workers.await(f));
    }
    return rows;
  }

  /** The revisions written by {@link #commit()}; empty before it. */
  public synchronized List<Revision> revisions() {
    return revisions == null ? List.of() : revisions;
  }

  /** True once {@link #commit()} ran. */
  public synchronized boolean isCommitted() {
    return revisions != null;
  }

  /** Ends the batch: discards queued rows unless committed, and releases the handle for other batches. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      queued.clear();
    }
    collection.endBatch(this);
    collection.releaseBatch();
  }
}
