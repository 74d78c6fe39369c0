package io.lakota;

import io.lakota.errors.ValidationException;
import io.lakota.format.Schema;
import io.lakota.version.Changelog;
import io.lakota.version.Commit;
import io.lakota.version.CommitCodec;
import io.lakota.version.CommitRow;
import io.lakota.version.Revision;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A collection: a schema, a changelog folder and the series of its leaf commit (SEMANTICS.md §9). A cheap handle:
 * two handles on one collection share only the pod, each caches its own changelog until {@link #refresh()}.
 * Iterating gives the series of {@link #ls()}.
 *
 * <p>Thread-safe for reads. Writes through one handle from several threads are each committed on the leaf the
 * handle knows; a batch ({@link #multi()}) belongs to the handle that opened it.
 */
public final class Collection implements Iterable<Series> {
  private final String label;
  private final Schema schema;
  private final String path;
  private final Repo repo;
  private final Changelog changelog;
  private final Map<String, Commit> commits = new ConcurrentHashMap<>();
  private final ReentrantLock batchLock = new ReentrantLock();
  private volatile Batch batch;

  Collection(String label, Schema schema, String path, Repo repo) {
    this.label = label;
    this.schema = schema;
    this.path = path;
    this.repo = repo;
    this.changelog = new Changelog(repo.pod().cd(path), repo.clock());
  }

  public String label() {
    return label;
  }

  public Schema schema() {
    return schema;
  }

  /** The changelog folder, relative to the repository root ({@code aa/bb/<36 hex>}). */
  public String path() {
    return path;
  }

  public Repo repo() {
    return repo;
  }

  public Changelog changelog() {
    return changelog;
  }

  /**
   * The series of that label (a {@link KVSeries} for key/value collections); it may not exist yet. Surrounding
   * whitespace is stripped.
   *
   * @throws ValidationException {@code Invalid label: '<label>'} for an empty label
   */
  public Series series(String seriesLabel) {
    String l = Labels.clean(seriesLabel);
    return schema.isKv() ? new KVSeries(this, l) : new Series(this, l);
  }

  /** The sorted labels of the series of the leaf commit. */
  public List<String> ls() {
    Revision leaf = changelog.leaf();
    return leaf == null ? List.of() : commit(leaf).labels();
  }

  /** The series of {@link #ls()}, in label order. */
  @Override
  public Iterator<Series> iterator() {
    List<Series> out = new ArrayList<>();
    for (String l : ls()) {
      out.add(series(l));
    }
    return out.iterator();
  }

  /** The decoded commit of a revision (cached). */
  public Commit commit(Revision revision) {
    Commit c = commits.get(revision.path());
    if (c == null) {
      c = CommitCodec.decode(schema, changelog.read(revision), path + "/" + revision.path());
      remember(revision.path(), c);
    }
    return c;
  }

  /** The decoded commit of the leaf, or null. */
  public Commit leafCommit() {
    Revision leaf = changelog.leaf();
    return leaf == null ? null : commit(leaf);
  }

  /**
   * Writes a commit on {@code parent}; returns the revisions written. The commit is kept as the decoded commit of
   * those revisions: the next write starts from it without reading and decoding its own payload back (W4).
   */
  List<Revision> commit(Commit next, String parent) {
    List<Revision> written = changelog.commit(CommitCodec.encode(next), List.of(parent));
    for (Revision r : written) {
      remember(r.path(), next);
    }
    return written;
  }

  private void remember(String revisionPath, Commit c) {
    if (commits.size() > 64) {
      commits.clear();
    }
    commits.put(revisionPath, c);
  }

  /**
   * Deletes series: one new commit without their rows (their data stays in history). Nothing happens without a
   * leaf or when no label has rows.
   */
  public List<Revision> delete(String... labels) {
    Revision leaf = changelog.leaf();
    if (leaf == null) {
      return List.of();
    }
    Set<String> gone = new HashSet<>();
    for (String l : labels) {
      gone.add(Labels.clean(l));
    }
    Commit c = commit(leaf).deleteLabels(gone);
    return commit(c, leaf.child());
  }

  /**
   * Renames series {@code from} to {@code to} with one commit (SEMANTICS.md §9): the rows of {@code from} are
   * re-applied under {@code to} in order, so where both series have data in the same range {@code from}'s wins,
   * and rows of {@code to} outside {@code from}'s ranges survive. Nothing is written when {@code from} has no row.
   */
  public List<Revision> rename(String from, String to) {
    String f = Labels.clean(from);
    String t = Labels.clean(to);
    Revision leaf = changelog.leaf();
    if (leaf == null || f.equals(t)) {
      return List.of();
    }
    Commit c = commit(leaf);
    List<CommitRow> moved = c.rows(f);
    if (moved.isEmpty()) {
      return List.of();
    }
    Commit next = c.deleteLabels(Set.of(f));
    for (CommitRow r : moved) {
      next = next.update(r.withLabel(t), c.embedded());
    }
    return commit(next, leaf.child());
  }

  /**
   * Copies this collection's leaf into {@code other}, an empty collection with another schema, in one commit
   * (SEMANTICS.md §9 {@code clone}): columns found here (under their old name, see {@code rename}) reuse their
   * data files; new columns are filled with {@code defaults} (or zero values) in arrays embedded in the commit.
   *
   * @param rename old column name → new column name (may be empty)
   * @param defaults new column name → value of the new columns (may be empty)
   * @throws ValidationException {@code Clone can only be saved into an empty collection}, or a rename or default
   *     that names no column of {@code other}
   */
  public List<Revision> clone(Collection other, Map<String, String> rename, Map<String, ?> defaults) {
    return CollectionClone.into(this, other, rename == null ? Map.of() : rename,
        defaults == null ? Map.of() : defaults);
  }

  /** Forgets the cached changelog: revisions written by other handles become visible. */
  public void refresh() {
    changelog.refresh();
  }

  /** The revisions of the changelog, in traversal order. */
  public List<Revision> revisions() {
    return new ArrayList<>(changelog.log());
  }

  /** True if nothing was ever committed. */
  public boolean isEmpty() {
    return changelog.leaf() == null;
  }

  /** Opens a batch on the leaf (see {@link Batch}); waits while another thread has one open on this handle. */
  public Batch multi() {
    return multi(false);
  }

  /**
   * Opens a batch (see {@link Batch}); with {@code root} its revision is committed on {@code phi}.
   *
   * @throws ValidationException when this thread already has a batch open on this handle
   */
  public Batch multi(boolean root) {
    if (batchLock.isHeldByCurrentThread()) {
      throw new ValidationException("Cannot open a batch on collection \"" + label + "\": this handle already has"
          + " an open batch (batches do not nest)");
    }
    batchLock.lock();
    Batch b = new Batch(this, root);
    batch = b;
    return b;
  }

  /**
   * Runs {@code body} in a batch and commits it when the body returns normally; when it throws nothing is
   * committed and the exception propagates.
   *
   * @return the revisions written (none or one)
   */
  public List<Revision> multi(Consumer<Batch> body) {
    try (Batch b = multi()) {
      body.accept(b);
      return b.isCommitted() ? b.revisions() : b.commit();
    }
  }

  /** The open batch of this handle, or null. */
  Batch activeBatch() {
    return batch;
  }

  void endBatch(Batch b) {
    if (batch == b) {
      batch = null;
    }
  }

  void releaseBatch() {
    batchLock.unlock();
  }

  @Override
  public String toString() {
    return "<Collection " + label + ">";
  }
}
