package io.lakota;

import io.lakota.errors.ValidationException;
import io.lakota.format.Closed;
import io.lakota.version.Commit;
import io.lakota.version.CommitRow;
import io.lakota.version.Revision;
import java.util.List;

/**
 * {@code Collection.defrag} (SEMANTICS.md §15.2): rewrites the series made of many small segments into segments of
 * up to {@code pageLen} rows, all in one batch, so readers see one new revision with the same content. The
 * thresholds are the reference's, and identical leaf commits give byte-identical results, so two repositories that
 * share a history stay in sync after both defragment.
 */
final class Defrag {
  private static final System.Logger LOG = System.getLogger("lakota");
  /** Defrags started again when a concurrent writer moves the leaf, before giving up. */
  private static final int ATTEMPTS = 5;

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
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      collection.refresh();
      Revision leaf = collection.changelog().leaf();
      if (leaf == null) {
        return List.of();
      }
      List<Revision> out = attempt(collection, maxChunk, leaf);
      if (out != null) {
        return out;
      }
      LOG.log(System.Logger.Level.INFO, "Defrag of \"{0}\": the leaf moved, starting again", collection.label());
    }
    // defrag only saves space and time: better none than one that would hide a concurrent write
    LOG.log(System.Logger.Level.WARNING, "Defrag of \"{0}\" given up: the leaf keeps moving", collection.label());
    return List.of();
  }

  /**
   * One defrag of the content of {@code leaf}; null (nothing committed) when another writer moved the leaf
   * meanwhile: committing then would replay old content over the newer write. The check narrows the race to the
   * time between it and the commit; a conditional commit would close it.
   */
  private static List<Revision> attempt(Collection collection, int maxChunk, Revision leaf) {
    Commit commit = collection.commit(leaf);
    int pageLen = Settings.get().pageLen();
    try (Batch batch = collection.multi()) {
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
        // a plain series even in a key/value collection: pages are rewritten as they are, not upserted
        Series series = new Series(collection, label);
        Object[] prevStop = null;
        for (Frame page : series.query().at(leaf).start(first.start()).closed(Closed.BOTH).paginate(pageLen)) {
          if (prevStop == null) {
            series.write(page, null, null, Closed.BOTH);
          } else {
            series.write(page, prevStop, null, Closed.RIGHT);
          }
          prevStop = page.stop();
        }
      }
      if (batch.size() > 0 && moved(collection, leaf)) {
        return null; // closing the batch discards it
      }
      return batch.commit();
    }
  }

  /** True if the changelog folder's leaf is no longer {@code leaf} (the handle's cached log is left alone). */
  private static boolean moved(Collection collection, Revision leaf) {
    List<Revision> now = collection.changelog().logOf(collection.changelog().pod().ls(".", true));
    return now.isEmpty() || !now.get(now.size() - 1).path().equals(leaf.path());
  }
}
