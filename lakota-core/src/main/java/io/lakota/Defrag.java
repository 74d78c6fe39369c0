package io.lakota;

import io.lakota.errors.NotFoundException;
import io.lakota.errors.ValidationException;
import io.lakota.format.Closed;
import io.lakota.storage.CommitResult;
import io.lakota.version.Backoff;
import io.lakota.version.Commit;
import io.lakota.version.CommitAttempt;
import io.lakota.version.CommitRow;
import io.lakota.version.Revision;
import java.util.List;

/**
 * {@code Collection.defrag} (SEMANTICS.md §15.2): rewrites the series made of many small segments into segments of
 * up to {@code pageLen} rows, all in one batch, so readers see one new revision with the same content. The
 * thresholds are the reference's, and identical leaf commits give byte-identical results, so two repositories that
 * share a history stay in sync after both defragment.
 *
 * <p>Beside concurrent writers (docs/concurrency.md, "Maintenance beside writers"): the rewrite is computed from the
 * head it read and committed only if that head is still the head ({@link Batch#commit(Revision)}); when a writer
 * moved it, the defrag starts again on the new head (at most {@link #ATTEMPTS} times, with backoff), so it never
 * replays old content over a newer write.
 */
final class Defrag {
  private static final System.Logger LOG = System.getLogger("lakota");
  /** Defrags started again when a concurrent writer moves the head, before giving up. */
  static final int ATTEMPTS = 8;

  private Defrag() {}

  /**
   * Defragments every series of the leaf commit that has more than {@code maxChunk} rows, one of which (but the
   * last) is shorter than {@code min(pageLen, total length / (maxChunk + 1))}.
   *
   * @return the revisions written: none when nothing needed rewriting
   * @throws ValidationException {@code Parameter 'maxChunk' must be bigger than 0}
   */
  static List<Revision> run(Collection collection, int maxChunk) {
    ValidationException.check(maxChunk > 0, "Parameter 'maxChunk' must be bigger than 0");
    // on a pod without compare-and-set the commit may still fork against a writer; the revision then sorts before
    // the writer's sibling (its time is its parent's + 1 ms) so that the merge lets the writer's rows win
    Collection committer = collection.changelog().isConditional() ? collection : collection.atParentTime();
    for (int attempt = 1; ; attempt++) {
      collection.refresh();
      Revision leaf = collection.changelog().leaf();
      if (leaf == null) {
        return List.of();
      }
      CommitAttempt a;
      try {
        a = attempt(collection, committer, maxChunk, leaf);
      } catch (NotFoundException e) {
        // the leaf we read is no longer the leaf, and a trim removed it meanwhile
        a = new CommitAttempt(CommitResult.LOCK_FAILURE, List.of());
      }
      if (a.isCommitted()) {
        // on a plain pod the batch's commit merged a writer's sibling at once, through the committer, another
        // handle: the caller's handle must show its own defrag
        if (committer != collection) {
          collection.refresh();
        }
        return a.revisions();
      }
      if (attempt >= ATTEMPTS) {
        // defrag only saves space and time: better none than one that would hide a concurrent write
        LOG.log(System.Logger.Level.WARNING, "Defrag of \"{0}\" given up: the head keeps moving", collection.label());
        return List.of();
      }
      LOG.log(System.Logger.Level.INFO, "Defrag of \"{0}\": the head moved, starting again", collection.label());
      Backoff.pause(attempt);
    }
  }

  /**
   * One defrag of the content of {@code leaf}, committed through {@code committer} (a handle on the same
   * collection) only if {@code leaf} is still the head: committing on a newer head would replay old content over
   * the newer write. Committed with nothing written when nothing needed rewriting.
   */
  private static CommitAttempt attempt(Collection collection, Collection committer, int maxChunk, Revision leaf) {
    Commit commit = collection.commit(leaf);
    int pageLen = Settings.get().pageLen();
    try (Batch batch = committer.multi()) {
      for (String label : commit.labels()) {
        List<CommitRow> rows = commit.rows(label);
        if (rows.size() <= maxChunk) {
          continue;
        }
        double total = 0;
        for (CommitRow r : rows) {
          total += r.length();
        }
        double threshold = Math.min(pageLen, total / (maxChunk + 1));
        CommitRow first = null;
        for (CommitRow r : rows.subList(0, rows.size() - 1)) {
          if (r.length() < threshold) {
            first = r;
            break;
          }
        }
        if (first == null) {
          continue;
        }
        LOG.log(System.Logger.Level.INFO, "Defrag series \"{0}/{1}\"", collection.label(), label);
        // a plain series even in a key/value collection: pages are rewritten as they are, not upserted; read
        // through the reading handle, queued in the committer's batch
        Series source = new Series(collection, label);
        Series target = new Series(committer, label);
        Object[] prevStop = null;
        for (Frame page : source.query().at(leaf).start(first.start()).closed(Closed.BOTH).paginate(pageLen)) {
          if (prevStop == null) {
            target.write(page, null, null, Closed.BOTH);
          } else {
            target.write(page, prevStop, null, Closed.RIGHT);
          }
          prevStop = page.stop();
        }
      }
      if (batch.size() == 0) {
        return new CommitAttempt(CommitResult.COMMITTED, List.of());
      }
      return batch.commit(leaf);
    }
  }
}
