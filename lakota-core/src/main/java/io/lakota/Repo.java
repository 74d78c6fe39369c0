package io.lakota;

import io.lakota.errors.CorruptObjectException;
import io.lakota.errors.ValidationException;
import io.lakota.format.Closed;
import io.lakota.format.Schema;
import io.lakota.format.Values;
import io.lakota.id.Digests;
import io.lakota.id.HashedPath;
import io.lakota.maintenance.GcResult;
import io.lakota.object.ObjectStore;
import io.lakota.storage.Pod;
import io.lakota.storage.PodMetrics;
import io.lakota.storage.uri.Pods;
import io.lakota.sync.SyncProgress;
import io.lakota.sync.SyncResult;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A repository: one pod holding a registry of collections, their changelogs and the data files
 * (SEMANTICS.md §8). Thread-safe for reads; a cheap handle that caches the registry's changelog until
 * {@link #refresh()}.
 *
 * <pre>{@code
 * Repo repo = Repo.open(".lakota");
 * Collection temperature = repo.createCollection(Schema.parse("timestamp timestamp*", "value float"), "temperature");
 * }</pre>
 */
public final class Repo {
  /** The registry's changelog folder. */
  public static final String REGISTRY_PATH = HashedPath.of("0".repeat(40));
  /** The registry series that lists collections. */
  public static final String NAMESPACE = "collection";

  /** Collection folder names; created on first use, as seeding it costs more than a short read command. */
  private static final class Random {
    static final SecureRandom INSTANCE = new SecureRandom();
  }

  private final Pod pod;
  private final Clock clock;
  private final ObjectStore objects;
  private final Collection registry;

  /** A repository over a pod, with the system clock. */
  public Repo(Pod pod) {
    this(pod, Clock.systemUTC());
  }

  /** A repository over a pod; {@code clock} gives commit times. */
  public Repo(Pod pod, Clock clock) {
    this.pod = pod;
    this.clock = clock;
    this.objects = new ObjectStore(pod);
    this.registry = new Collection("registry", Schema.REGISTRY, REGISTRY_PATH, this);
  }

  /** Opens the repository at a URI (SEMANTICS.md §7.5): a folder path, {@code memory://}, {@code file:///…}. */
  public static Repo open(String uri) {
    return new Repo(Pods.fromUri(uri));
  }

  /**
   * Opens a cache chain (SEMANTICS.md §7.5): with several URIs, the first is a local cache in front of the others
   * (for instance {@code List.of("memory://?lru_size=100000000", "s3:///bucket")}); one URI is {@link #open(String)}.
   */
  public static Repo open(List<String> uris) {
    return new Repo(Pods.fromUris(uris));
  }

  public Pod pod() {
    return pod;
  }

  /** The clock that gives commit times (and the garbage collector's and trim's "now"). */
  public Clock clock() {
    return clock;
  }

  /** The data files of this repository. */
  public ObjectStore objects() {
    return objects;
  }

  /** The registry, a key/value collection at {@code 00/00/0…0}. */
  public Collection registry() {
    return registry;
  }

  /** Forgets the cached registry changelog. */
  public void refresh() {
    registry.refresh();
  }

  /** The collection names, sorted by code point. */
  public List<String> ls() {
    Frame f = registry.series(NAMESPACE).query().select("label").frame();
    TreeSet<String> names = new TreeSet<>(Values::compareCodePoints);
    for (String s : f.strings("label")) {
      names.add(s);
    }
    return new ArrayList<>(names);
  }

  /** All collections, in label order. */
  public List<Collection> collections() {
    return collections(NAMESPACE);
  }

  /** The collections of a registry namespace (a series of the registry), in label order. */
  List<Collection> collections(String namespace) {
    Frame f = registry.series(namespace).frame();
    Map<String, Collection> out = new LinkedHashMap<>();
    String[] labels = f.strings("label");
    Object[] metas = (Object[]) f.column("meta");
    for (int i = 0; i < labels.length; i++) {
      out.put(labels[i], fromMeta(labels[i], metas[i]));
    }
    return new ArrayList<>(out.values());
  }

  /**
   * The collection of that label (surrounding whitespace stripped), or null when it does not exist. If several
   * registry rows match, the last wins.
   */
  public Collection collection(String label) {
    if (Labels.isBlank(label)) {
      return null;
    }
    label = Labels.clean(label);
    Frame f = registry.series(NAMESPACE).query().start(label).stop(label).closed(Closed.BOTH).frame();
    if (f.isEmpty()) {
      return null;
    }
    Object[] metas = (Object[]) f.column("meta");
    return fromMeta(label, metas[metas.length - 1]);
  }

  private Collection fromMeta(String label, Object meta) {
    if (!(meta instanceof Map) || !(((Map<?, ?>) meta).get("path") instanceof String)) {
      throw new CorruptObjectException(REGISTRY_PATH, "registry row \"" + label + "\" has no path: " + meta);
    }
    Map<?, ?> m = (Map<?, ?>) meta;
    Schema schema;
    try {
      schema = Schema.load(m.get("schema"));
    } catch (CorruptObjectException e) {
      throw new CorruptObjectException(REGISTRY_PATH, "registry row \"" + label + "\": " + e.getMessage(), e);
    }
    return new Collection(label, schema, (String) m.get("path"), this);
  }

  /**
   * Creates one collection.
   *
   * @throws ValidationException {@code Collection with label '<label>' already exists}, or
   *     {@code Invalid label: '<label>'} for a label that is empty once stripped of surrounding whitespace
   */
  public Collection createCollection(Schema schema, String label) {
    return createCollections(schema, true, label).get(0);
  }

  /** Creates one collection, or returns the existing one of that label when {@code raiseIfExists} is false. */
  public Collection createCollection(Schema schema, String label, boolean raiseIfExists) {
    return createCollections(schema, raiseIfExists, label).get(0);
  }

  /** Creates collections with one registry write; fails (creating nothing) if one exists. */
  public List<Collection> createCollections(Schema schema, String... labels) {
    return createCollections(schema, true, labels);
  }

  /**
   * Creates collections with one registry write (SEMANTICS.md §8). Labels are stripped of surrounding whitespace.
   *
   * @param raiseIfExists fail when a label exists (then nothing is created); otherwise existing ones are returned
   * @return the collections, in argument order
   */
  public List<Collection> createCollections(Schema schema, boolean raiseIfExists, String... labels) {
    for (io.lakota.format.ColumnDefinition c : schema.columns()) {
      // refuse a schema that could not be written or read before anything reaches the registry
      io.lakota.format.codec.ColumnCodec.of(c);
    }
    List<String> clean = new ArrayList<>();
    for (String l : labels) {
      clean.add(Labels.clean(l));
    }
    Map<String, Collection> existing = new LinkedHashMap<>();
    for (String l : clean) {
      Collection c = collection(l);
      if (c != null) {
        if (raiseIfExists) {
          throw new ValidationException("Collection with label '" + l + "' already exists");
        }
        existing.put(l, c);
      }
    }
    List<String> newLabels = new ArrayList<>();
    List<Object> metas = new ArrayList<>();
    for (String l : clean) {
      if (existing.containsKey(l) || newLabels.contains(l)) {
        continue;
      }
      byte[] random = new byte[16];
      Random.INSTANCE.nextBytes(random);
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("path", HashedPath.of(Digests.sha1(random)));
      meta.put("schema", schema.dump());
      newLabels.add(l);
      metas.add(meta);
    }
    if (!newLabels.isEmpty()) {
      Map<String, Object> cols = new LinkedHashMap<>();
      cols.put("label", newLabels.toArray(new String[0]));
      cols.put("meta", metas.toArray());
      // checked again on the head the registry write commits on: a label created meanwhile by another writer is
      // refused (raiseIfExists) or left to that writer, never overwritten
      ((KVSeries) registry.series(NAMESPACE)).insertAbsent(new Frame(Schema.REGISTRY, cols), key -> {
        if (raiseIfExists) {
          throw new ValidationException("Collection with label '" + key[0] + "' already exists");
        }
      });
    }
    List<Collection> out = new ArrayList<>();
    for (String l : clean) {
      Collection c = existing.get(l);
      out.add(c != null ? c : collection(l));
    }
    return out;
  }

  /**
   * Deletes collections: removes their registry rows, then their changelog folders. Unknown labels are ignored.
   * Data files stay until garbage collection.
   */
  public void delete(String... labels) {
    List<Object[]> keys = new ArrayList<>();
    List<Collection> gone = new ArrayList<>();
    for (String l : labels) {
      Collection c = collection(l);
      if (c != null) {
        keys.add(new Object[] {c.label()});
        gone.add(c);
      }
    }
    if (keys.isEmpty()) {
      return;
    }
    ((KVSeries) registry.series(NAMESPACE)).deleteKeys(keys);
    for (Collection c : gone) {
      pod.rm(c.path(), true, true);
    }
  }

  /**
   * Renames a collection: its registry row moves to the new label (one registry revision, the folder and the data
   * are unchanged). The old label can then be created again, as a new empty collection.
   *
   * @throws ValidationException {@code Collection "<from>" does not exists} or
   *     {@code Collection "<to>" already exists}
   */
  public void rename(String from, String to) {
    String f = Labels.clean(from);
    String t = Labels.clean(to);
    if (collection(f) == null) {
      throw new ValidationException("Collection \"" + f + "\" does not exists");
    }
    if (collection(t) != null) {
      throw new ValidationException("Collection \"" + t + "\" already exists");
    }
    Series reg = registry.series(NAMESPACE);
    Frame old = reg.frame();
    String[] labels = old.strings("label").clone();
    for (int i = 0; i < labels.length; i++) {
      if (labels[i].equals(f)) {
        labels[i] = t;
      }
    }
    Frame renamed = old.withColumn("label", labels).sorted();
    java.util.List<io.lakota.format.Dtype> dtypes = Schema.REGISTRY.indexDtypes();
    Object[] start = Values.compareTuples(dtypes, old.start(), renamed.start()) <= 0 ? old.start() : renamed.start();
    Object[] stop = Values.compareTuples(dtypes, old.stop(), renamed.stop()) >= 0 ? old.stop() : renamed.stop();
    reg.write(renamed, start, stop, Closed.BOTH);
  }

  /** {@link #pull(Repo, List, boolean, SyncProgress)} of every remote collection, whole history, no progress. */
  public SyncResult pull(Repo remote) {
    return pull(remote, List.of(), false, SyncProgress.NONE);
  }

  /**
   * Copies collections of {@code remote} into this repository (SEMANTICS.md §14.2), data first. Every schema is
   * checked before anything is copied. A collection that exists here keeps its folder and receives the remote
   * history (a fork to merge if both sides wrote); a new one takes the remote's folder, so both repositories use
   * the same path afterwards. The registry is pulled last, and merged if both sides changed it.
   *
   * @param labels the collections to pull; empty for every remote collection
   * @param shallow copy only the leaf revisions (and their data)
   * @param progress receives per-collection progress (the registry reports as {@code registry})
   * @throws io.lakota.errors.NotFoundException {@code Collection "<label>" not found} on the remote
   * @throws ValidationException {@code Unable to sync collection "<label>",incompatible meta-info.} when a
   *     collection exists on both sides with different schemas; nothing is copied then
   */
  public SyncResult pull(Repo remote, List<String> labels, boolean shallow, SyncProgress progress) {
    return RepoSync.pull(this, remote, labels, shallow, progress);
  }

  /** {@code remote.pull(this)}: copies every collection of this repository into {@code remote}. */
  public SyncResult push(Repo remote) {
    return remote.pull(this);
  }

  /** {@code remote.pull(this, labels, shallow, progress)}. */
  public SyncResult push(Repo remote, List<String> labels, boolean shallow, SyncProgress progress) {
    return remote.pull(this, labels, shallow, progress);
  }

  /**
   * Garbage-collects the data files (SEMANTICS.md §16, two phases): data files no revision references are buried
   * (renamed {@code <path>.<hextime>}, still readable); files buried longer than the timeout setting are deleted;
   * buried files referenced again are renamed back. Safe while writers run: a write that takes less than the
   * timeout loses nothing.
   *
   * @return the counts and paths; {@code hardDeleted()} and {@code softDeleted()} are the reference's pair
   */
  public GcResult gc() {
    return GarbageCollection.run(this, false);
  }

  /** What {@link #gc()} would do now, without changing anything. */
  public GcResult gcDryRun() {
    return GarbageCollection.run(this, true);
  }

  /**
   * Merges the registry's heads (SEMANTICS.md §13, §8): needed after collections were created or deleted by writers
   * that forked the registry (reference writers, or pulls).
   *
   * @return the revisions written; empty when the registry has a single head
   */
  public List<io.lakota.version.Revision> merge() {
    return registry.merge();
  }

  /**
   * Exports collections into {@code target} in the layout of FORMAT.md §10: {@code <label>/_schema.json} and one
   * {@code <label>/<series>.<extension>} file per series. Existing files are left untouched (write-once).
   *
   * @param labels the collections (all when empty); unknown ones are skipped with a warning
   */
  public void exportCollections(Pod target, SeriesFormat format, List<String> labels) {
    for (String label : labels.isEmpty() ? ls() : labels) {
      if (!exportCollection(target, format, label)) {
        System.getLogger("lakota").log(System.Logger.Level.WARNING, "Collection \"{0}\" not found, skipped", label);
      }
    }
  }

  /** Exports one collection (see {@link #exportCollections}); false, writing nothing, when it does not exist. */
  public boolean exportCollection(Pod target, SeriesFormat format, String label) {
    return Exchange.export(this, target, format, label);
  }

  /**
   * Imports the collection folders of an export (FORMAT.md §10) in name order. Every file is read and checked
   * before anything is written, so that bad input leaves this repository unchanged; then each collection is created
   * from its {@code _schema.json} when it does not exist, and all its series are written in one batch (one
   * revision).
   *
   * @param labels the folders to import (all when empty); others are ignored
   * @param formats the formats of the series files, by extension
   * @return the imported collections
   * @throws io.lakota.errors.ValidationException naming the file that cannot be loaded: an unknown extension, a
   *     known one without format ({@code Unsupported file type "parquet"}), columns other than the schema's,
   *     unparsable or unsorted values
   */
  public List<String> importCollections(Pod source, List<String> labels, SeriesFormat... formats) {
    return importCollections(source, labels, label -> { }, formats);
  }

  /** {@link #importCollections(Pod, List, SeriesFormat...)}, calling {@code imported} after each collection. */
  public List<String> importCollections(Pod source, List<String> labels, java.util.function.Consumer<String> imported,
      SeriesFormat... formats) {
    return Exchange.importAll(this, source, labels, imported, List.of(formats));
  }

  /** The collection folders of an export in {@code source}, sorted. */
  public static List<String> exportedCollections(Pod source) {
    return Exchange.folders(source);
  }

  /**
   * The byte counters of every pod of this process (SEMANTICS.md §7.6): {@code "<Kind>.read"} and
   * {@code "<Kind>.write"} for {@code Kind} in {@code FilePOD}, {@code MemPOD}, …, in first-use order. A copy.
   */
  public static Map<String, Long> metrics() {
    return PodMetrics.snapshot();
  }

  /** Clears the process-wide pod byte counters. */
  public static void resetMetrics() {
    PodMetrics.reset();
  }

  @Override
  public String toString() {
    return "<Repo " + pod + ">";
  }
}
