package io.lakota;

import io.lakota.format.Schema;
import io.lakota.version.Changelog;
import io.lakota.version.Commit;
import io.lakota.version.CommitCodec;
import io.lakota.version.Revision;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A collection: a schema, a changelog folder and the series of its leaf commit (SEMANTICS.md §9). A cheap handle:
 * two handles on one collection share only the pod, each caches its own changelog until {@link #refresh()}.
 * Thread-safe for reads.
 */
public final class Collection {
  private final String label;
  private final Schema schema;
  private final String path;
  private final Repo repo;
  private final Changelog changelog;
  private final Map<String, Commit> commits = new ConcurrentHashMap<>();

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

  /** The series of that label (a {@link KVSeries} for key/value collections); it may not exist yet. */
  public Series series(String seriesLabel) {
    String l = Labels.clean(seriesLabel);
    return schema.isKv() ? new KVSeries(this, l) : new Series(this, l);
  }

  /** The sorted labels of the series of the leaf commit. */
  public List<String> ls() {
    Revision leaf = changelog.leaf();
    return leaf == null ? List.of() : commit(leaf).labels();
  }

  /** The decoded commit of a revision (cached). */
  public Commit commit(Revision revision) {
    Commit c = commits.get(revision.path());
    if (c == null) {
      c = CommitCodec.decode(schema, changelog.read(revision), path + "/" + revision.path());
      if (commits.size() > 64) {
        commits.clear();
      }
      commits.put(revision.path(), c);
    }
    return c;
  }

  /** The decoded commit of the leaf, or null. */
  public Commit leafCommit() {
    Revision leaf = changelog.leaf();
    return leaf == null ? null : commit(leaf);
  }

  /** Writes a commit on {@code parent}; returns the revisions written. */
  List<Revision> commit(Commit next, String parent) {
    return changelog.commit(CommitCodec.encode(next), List.of(parent));
  }

  /** Deletes series: a new commit without their rows. Nothing happens without a leaf. */
  public List<Revision> delete(String... labels) {
    Revision leaf = changelog.leaf();
    if (leaf == null) {
      return List.of();
    }
    Commit c = commit(leaf).deleteLabels(new HashSet<>(List.of(labels)));
    return commit(c, leaf.child());
  }

  /** Forgets the cached changelog. */
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

  @Override
  public String toString() {
    return "<Collection " + label + ">";
  }
}
