package io.lakota;

import io.lakota.errors.CommitConflictException;
import io.lakota.errors.NotFoundException;
import io.lakota.errors.ValidationException;
import io.lakota.format.Schema;
import io.lakota.id.RevisionName;
import io.lakota.storage.CommitResult;
import io.lakota.version.Backoff;
import io.lakota.id.Hextime;
import io.lakota.maintenance.Retention;
import io.lakota.sync.SyncProgress;
import io.lakota.sync.SyncResult;
import io.lakota.version.Changelog;
import io.lakota.version.Commit;
import io.lakota.version.CommitAttempt;
import io.lakota.version.CommitCodec;
import io.lakota.version.CommitEncoding;
import io.lakota.version.CommitRow;
import io.lakota.version.Merge;
import io.lakota.version.Revision;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A collection: a schema, a changelog folder and the series of its leaf commit (SEMANTICS.md §9). A cheap handle:
 * two handles on one collection share only the pod, each caches its own changelog until {@link #refresh()}.
 * Iterating gives the series of {@link #ls()}.
 *
 * <p>Thread-safe. Every write is a conditional commit on the head: a writer that finds the head moved (another
 * thread, handle or process committed first) re-applies its change on the new head, so writers of this
 * implementation never fork (docs/concurrency.md); forks made by others are read as the reference reads them until
 * {@link #merge()}. A batch ({@link #multi()}) belongs to the handle that opened it.
 */
public final class Collection implements Iterable<Series> {
  private final String label;
  private final Schema schema;
  private final String path;
  private final Repo repo;
  private final Changelog changelog;
  private final Map<String, Commit> commits = new ConcurrentHashMap<>();
  // the encoding of the last commit this handle wrote: the next one, which shares most of its rows, is assembled
  // from its pieces (a write packs only the rows it changes; the frames, hash and file stay whole, as the format is)
  private volatile CommitEncoding lastEncoding;
  private final ReentrantLock batchLock = new ReentrantLock();
  private volatile Batch batch;

  Collection(String label, Schema schema, String path, Repo repo) {
    this(label, schema, path, repo, repo.clock());
  }

  private Collection(String label, Schema schema, String path, Repo repo, Clock clock) {
    this.label = label;
    this.schema = schema;
    this.path = path;
    this.repo = repo;
    this.changelog = new Changelog(repo.pod().cd(path), clock);
  }

  /**
   * A new handle on this collection whose commits are dated their parent's time + 1 ms (CC5's lower bound): for
   * maintenance that rewrites the head without changing what it reads (defrag) on a pod without compare-and-set, so
   * that a writer's sibling, dated by its clock, sorts after it and wins the merge (SEMANTICS.md §13).
   */
  Collection atParentTime() {
    return new Collection(label, schema, path, repo, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
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
    Commit leaf = leafCommit();
    return leaf == null ? List.of() : leaf.labels();
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

  /**
   * The head: the revision reads use and conditional commits expect ({@link Batch#commit(Revision)}), i.e. the leaf
   * of the changelog as this handle last read it; null for an empty collection.
   */
  public Revision head() {
    return changelog.leaf();
  }

  /** The decoded commit of the leaf, or null. */
  public Commit leafCommit() {
    return commitOf(changelog::leaf);
  }

  /**
   * The decoded commit of the revision {@code pick} chooses in this handle's log, or null. A handle's log is a
   * snapshot (SEMANTICS.md §11); when a trim removed the chosen revision since the handle listed, the handle lists
   * again and picks again, once, instead of failing a read that the new head can serve.
   */
  Commit commitOf(java.util.function.Supplier<Revision> pick) {
    Revision chosen = pick.get();
    if (chosen == null) {
      return null;
    }
    try {
      return commit(chosen);
    } catch (NotFoundException e) {
      refresh();
      Revision again = pick.get();
      if (again != null && again.path().equals(chosen.path())) {
        throw e;
      }
      return again == null ? null : commit(again);
    }
  }

  /**
   * Writes a commit on {@code parent}, unconditionally; returns the revisions written. The commit is kept as the
   * decoded commit of those revisions: the next write starts from it without reading and decoding its own payload
   * back (W4).
   */
  List<Revision> commit(Commit next, String parent) {
    List<Revision> written = changelog.commit(encode(next), List.of(parent));
    for (Revision r : written) {
      remember(r.path(), next);
    }
    return written;
  }

  /** The payload of {@code next}, assembled from the pieces of the last commit encoded where they share rows. */
  private byte[] encode(Commit next) {
    CommitEncoding e = CommitCodec.encode(next, lastEncoding);
    lastEncoding = e;
    return e.payload();
  }

  private void remember(String revisionPath, Commit c) {
    if (commits.size() > 64) {
      commits.clear();
    }
    commits.put(revisionPath, c);
  }

  /**
   * Commits {@code change} applied to the head's commit, without ever leaving a fork behind (docs/concurrency.md):
   * a conditional commit on the head; when another writer moved the head first, the change is re-applied to the
   * new head after a jittered pause, at most {@link Backoff#MAX_ATTEMPTS} times. On a pod that cannot commit
   * conditionally the commit is written and, if a concurrent writer made a sibling, merged at once. With
   * {@code root} the commit deliberately starts a new branch on {@code phi}.
   *
   * @param change the next commit given the head's (an empty commit when there is no head); null to write nothing
   * @return the revisions written
   * @throws CommitConflictException when every attempt lost, or the attempts took more than half of
   *     {@link Settings#timeoutSeconds()} (the garbage collector's grace period for unreferenced data files)
   */
  List<Revision> commitChange(UnaryOperator<Commit> change, boolean root) {
    if (root) {
      Commit next = change.apply(Commit.empty(schema));
      return next == null ? List.of() : commit(next, RevisionName.PHI);
    }
    return retry(head -> commitOnce(head, change));
  }

  /**
   * Runs {@code attempt} on the current head until it commits: the retry loop of {@link #commitChange}, for writes
   * whose change depends on more than the head's commit (a key/value upsert reads the head's data).
   *
   * @param attempt given the head (null when there is none), one conditional commit on that head
   */
  List<Revision> retry(Function<Revision, CommitAttempt> attempt) {
    // the data files of this change are already written and unreferenced: a garbage collection may bury them, and
    // deletes buried files after `timeout`; giving up after half of it keeps a late commit from naming deleted files
    long deadline = System.nanoTime() + Settings.get().retryBudgetNanos();
    for (int i = 1; ; i++) {
      Revision head = changelog.leaf();
      CommitAttempt a;
      try {
        a = attempt.apply(head);
      } catch (NotFoundException e) {
        // a change computed from the head's data (key/value upserts, partial updates) read a head that was
        // overtaken and then trimmed away: a lock failure; anything else missing is an error
        changelog.refresh();
        Revision now = changelog.leaf();
        if (head == null || (now != null && now.path().equals(head.path()))) {
          throw e;
        }
        a = new CommitAttempt(CommitResult.LOCK_FAILURE, List.of());
      }
      if (a.isCommitted()) {
        mergeForks(a);
        return a.revisions();
      }
      if (i >= Backoff.MAX_ATTEMPTS || System.nanoTime() - deadline > 0) {
        throw new CommitConflictException(path, i);
      }
      Backoff.pause(i);
    }
  }

  /**
   * One conditional commit of {@code change} applied to {@code head}'s commit (an empty commit for null); a null
   * change writes nothing and counts as committed.
   */
  CommitAttempt commitOnce(Revision head, UnaryOperator<Commit> change) {
    Commit base;
    try {
      base = head == null ? Commit.empty(schema) : commit(head);
    } catch (NotFoundException e) {
      // a stale head (this handle's cached log) that a concurrent trim removed: it is not the head any more
      changelog.refresh();
      return new CommitAttempt(CommitResult.LOCK_FAILURE, List.of());
    }
    Commit next = change.apply(base);
    if (next == null) {
      return new CommitAttempt(CommitResult.COMMITTED, List.of());
    }
    CommitAttempt a = changelog.commitIf(encode(next), head);
    for (Revision r : a.revisions()) {
      remember(r.path(), next);
    }
    return a;
  }

  /**
   * After a commit on a pod that cannot commit conditionally ({@link Changelog#isConditional()}): merges at once the
   * leaves that appeared since the listing the commit was checked against (this writer's revisions and siblings
   * that concurrent writers committed on the same head), so that once every writer is done the collection has one
   * head (each writer checks after its own last write). Forks that were already there (made on purpose with
   * {@code root}, by a reference writer or by a pull) are left to an explicit {@link #merge()}. Does nothing on
   * other pods, where writers never fork, or when nothing was written.
   */
  void mergeForks(CommitAttempt committed) {
    if (changelog.isConditional() || committed.revisions().isEmpty()) {
      return;
    }
    Set<String> checked = new HashSet<>();
    for (Revision r : committed.checked()) {
      checked.add(r.path());
    }
    for (int round = 0; round < Backoff.MAX_ATTEMPTS; round++) {
      changelog.refresh();
      List<Revision> appeared = new ArrayList<>();
      for (Revision r : changelog.leafs()) {
        if (!checked.contains(r.path())) {
          appeared.add(r);
        }
      }
      List<Revision> heads = Merge.heads(changelog, appeared);
      if (heads.size() < 2 && !hidesTheHead(heads, checked)) {
        return;
      }
      // one attempt per round: when another writer moved a leaf meanwhile, the next round looks again
      mergeAttempt(appeared, round == Backoff.MAX_ATTEMPTS - 1);
    }
  }

  /**
   * True when the leaves that appeared have one head but readers would not see it: the leaf they read, the last of
   * the traversal, is another leaf that appeared meanwhile, with older content. A slow concurrent merger ends that
   * way: it writes a merge of the leaves it listed after others already merged them and wrote on top, and its
   * revisions, the newest, come last in the traversal.
   */
  private boolean hidesTheHead(List<Revision> heads, Set<String> checked) {
    List<Revision> log = changelog.log();
    if (heads.size() != 1 || log.isEmpty()) {
      return false;
    }
    Revision last = log.get(log.size() - 1);
    return !checked.contains(last.path()) && !last.childDigest().equals(heads.get(0).childDigest());
  }

  /**
   * One merge attempt of {@code heads}; null when a revision of the listing (an old common ancestor) was trimmed
   * away before the merge read it, so that the caller lists the folder again. Missing on the {@code last} attempt
   * too, it is an error.
   */
  private CommitAttempt mergeAttempt(List<Revision> heads, boolean last) {
    try {
      return Merge.attempt(changelog, this::commit, heads);
    } catch (NotFoundException e) {
      if (last) {
        throw e;
      }
      return null;
    }
  }

  /**
   * Merges every head of the changelog (SEMANTICS.md §13): one commit combining the branches (the branch created
   * last wins where they overlap; disjoint changes are all kept), written on top of each leaf. Reads the folder
   * afresh first.
   *
   * @return the revisions written; empty when the collection has a single head
   */
  public List<Revision> merge() {
    return merge(null);
  }

  /**
   * Merges the given heads (revisions of the log, see {@link #heads()} and {@link Changelog#leafs()}; null or empty
   * for every leaf); the merge commit is written on each of them. The merge is committed only if no writer moved a
   * leaf meanwhile; otherwise it is computed again on a fresh listing (bounded, with jitter).
   *
   * @throws CommitConflictException when other writers kept moving the leaves
   */
  public List<Revision> merge(List<Revision> heads) {
    for (int i = 1; ; i++) {
      if (heads == null || heads.isEmpty() || i > 1) {
        changelog.refresh();
      }
      CommitAttempt a = mergeAttempt(heads, i >= Backoff.MAX_ATTEMPTS);
      if (a != null && a.isCommitted()) {
        return a.revisions();
      }
      if (i >= Backoff.MAX_ATTEMPTS) {
        throw new CommitConflictException(path, i);
      }
      Backoff.pause(i);
    }
  }

  /**
   * The heads of the changelog: the leaves whose content no other leaf descends from, one per distinct content,
   * in log order. A collection written only through conditional commits, or merged, has at most one.
   */
  public List<Revision> heads() {
    return Merge.heads(changelog);
  }

  /**
   * Deletes series: one new commit without their rows (their data stays in history). Nothing happens without a
   * leaf or when no label has rows.
   */
  public List<Revision> delete(String... labels) {
    Set<String> gone = new HashSet<>();
    for (String l : labels) {
      gone.add(Labels.clean(l));
    }
    return commitChange(c -> c.size() == 0 ? null : c.deleteLabels(gone), false);
  }

  /**
   * Renames series {@code from} to {@code to} with one commit (SEMANTICS.md §9): the rows of {@code from} are
   * re-applied under {@code to} in order, so where both series have data in the same range {@code from}'s wins,
   * and rows of {@code to} outside {@code from}'s ranges survive. Nothing is written when {@code from} has no row.
   */
  public List<Revision> rename(String from, String to) {
    String f = Labels.clean(from);
    String t = Labels.clean(to);
    if (f.equals(t)) {
      return List.of();
    }
    return commitChange(c -> {
      List<CommitRow> moved = c.rows(f);
      if (moved.isEmpty()) {
        return null;
      }
      Commit next = c.deleteLabels(Set.of(f));
      for (CommitRow r : moved) {
        next = next.update(r.withLabel(t), c.embedded());
      }
      return next;
    }, false);
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

  /**
   * The digests of the data files referenced by {@code revisions} (SEMANTICS.md §9 {@code digests}): every digest of
   * every row, minus the arrays embedded in the same commit.
   */
  public Set<String> digests(List<Revision> revisions) {
    Set<String> out = new HashSet<>();
    for (Revision r : revisions) {
      Commit c = commit(r);
      for (CommitRow row : c.rows()) {
        for (String d : row.digests()) {
          if (!c.embedded().containsKey(d)) {
            out.add(d);
          }
        }
      }
    }
    return out;
  }

  /** {@link #pull(Collection, boolean, SyncProgress)} of the whole history, without progress reports. */
  public SyncResult pull(Collection remote) {
    return pull(remote, false, SyncProgress.NONE);
  }

  /**
   * Copies into this collection what {@code remote} (the same collection in another repository, or on another
   * backend) has and this one lacks (SEMANTICS.md §14.1): the missing data files first, then the missing revision
   * files, so readers never see a revision without its data. Incremental and resumable: run it again after an
   * interruption and it copies what is still missing. If both sides wrote since their last exchange, the
   * changelog forks (the branch created last is shown) until a merge.
   *
   * @param shallow copy only the remote's leaves (and their data): one revision instead of the whole history
   * @param progress receives the number of objects copied so far (see {@link SyncProgress})
   * @throws ValidationException {@code Unable to sync collection "<label>",incompatible meta-info.} when the
   *     schemas differ; nothing is copied
   */
  public SyncResult pull(Collection remote, boolean shallow, SyncProgress progress) {
    return CollectionSync.pull(this, remote, shallow, progress);
  }

  /** {@code remote.pull(this)}: copies this collection's history into {@code remote}. */
  public SyncResult push(Collection remote) {
    return remote.pull(this);
  }

  /** {@code remote.pull(this, shallow, progress)}. */
  public SyncResult push(Collection remote, boolean shallow, SyncProgress progress) {
    return remote.pull(this, shallow, progress);
  }

  /**
   * Removes the revisions older than twice the timeout setting (SEMANTICS.md §15.1), see {@link #trim(String)}.
   *
   * @return the number of revision files removed
   */
  public int trim() {
    return Trim.run(this, null);
  }

  /** Removes the revisions older than {@code before}, see {@link #trim(String)}. */
  public int trim(Instant before) {
    return Trim.run(this, Hextime.of(Math.max(0, before.toEpochMilli())));
  }

  /**
   * Removes the old revision files (SEMANTICS.md §15.1): the revisions of the traversal prefix written before
   * {@code before}, never the leaf, and fewer when removing them all would change what readers see (a forked
   * changelog: merge first to keep the other branches; an unmerged branch younger than the timeout setting is kept,
   * it is a concurrent writer's fork about to be merged). Only revisions of the log read at the start are removed,
   * so trim can run beside writers. Data files are reclaimed later by {@link Repo#gc()}.
   *
   * @param before an 11-hex epoch or an ISO-8601 date-time with an offset
   * @return the number of revision files removed
   */
  public int trim(String before) {
    return Trim.run(this, Query.hextime(before));
  }

  /** Removes the revisions that {@code retention} does not keep (the leaf is always kept). */
  public int trim(Retention retention) {
    changelog.refresh();
    return Trim.run(this, retention.horizon(changelog.log()));
  }

  /** {@link #defrag(int)} with the {@code defragMaxChunk} setting. */
  public List<Revision> defrag() {
    return defrag(Settings.get().defragMaxChunk());
  }

  /**
   * Rewrites fragmented series into large segments, in one revision that reads exactly like the leaf
   * (SEMANTICS.md §15.2): a series is rewritten when it has more than {@code maxChunk} segments and one of them,
   * but the last, holds fewer than {@code min(pageLen, rows / (maxChunk + 1))} rows. Committed only on the head it
   * was computed from; started again when a writer moved the head (docs/concurrency.md).
   *
   * @return the revisions written (none when nothing needed it)
   * @throws ValidationException {@code Parameter 'maxChunk' must be bigger than 0}
   */
  public List<Revision> defrag(int maxChunk) {
    return Defrag.run(this, maxChunk);
  }

  /**
   * Deprecated (as in the reference): {@link #defrag()}, then {@link #trim()}.
   *
   * @return the revisions written by the defrag
   * @deprecated use {@link #defrag()} and {@link #trim()}
   */
  @Deprecated
  public List<Revision> squash() {
    List<Revision> out = squash(null, Settings.get().defragMaxChunk());
    trim();
    return out;
  }

  /**
   * Deprecated (as in the reference): {@link #defrag(int)}, then {@link #trim(Instant)} unless {@code trim} is
   * null (the reference's {@code trim=False}).
   *
   * @return the revisions written by the defrag
   * @deprecated use {@link #defrag(int)} and {@link #trim(Instant)}
   */
  @Deprecated
  public List<Revision> squash(Instant trim, int maxChunk) {
    System.getLogger("lakota").log(System.Logger.Level.WARNING,
        "Collection.squash is deprecated: use defrag, then trim");
    List<Revision> out = defrag(maxChunk);
    if (trim != null) {
      trim(trim);
    }
    return out;
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
