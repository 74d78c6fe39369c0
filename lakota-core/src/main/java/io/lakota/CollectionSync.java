package io.lakota;

import io.lakota.errors.LakotaException;
import io.lakota.errors.ValidationException;
import io.lakota.object.ObjectStore;
import io.lakota.storage.Pod;
import io.lakota.sync.SyncProgress;
import io.lakota.sync.SyncResult;
import io.lakota.version.Changelog;
import io.lakota.version.Revision;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code Collection.pull} (SEMANTICS.md §14.1, §11.4): copies the data files the destination lacks, then the
 * revision files it lacks, so that a reader of the destination never sees a revision whose data is missing.
 *
 * <p>Incremental and resumable: revisions are identified by their digest pair, data files by digest, and a data
 * file the destination already holds is neither read nor written. A pull interrupted while copying data leaves the
 * destination's history unchanged (the copied files are unreferenced until the revisions arrive); interrupted while
 * copying revisions, it leaves a prefix of the remote history, each revision complete. Running the pull again
 * copies what is still missing.
 */
final class CollectionSync {
  private static final System.Logger LOG = System.getLogger("lakota");
  private static final AtomicInteger THREADS = new AtomicInteger();

  private CollectionSync() {}

  /**
   * Pulls {@code remote} into {@code local} (two handles on the same collection lineage, possibly on different
   * pods).
   *
   * @throws ValidationException {@code Unable to sync collection "<label>",incompatible meta-info.} when the
   *     schemas differ (nothing is copied)
   */
  static SyncResult pull(Collection local, Collection remote, boolean shallow, SyncProgress progress) {
    checkSchemas(local, remote);
    LOG.log(System.Logger.Level.INFO, "Sync collection: {0}", remote.label());
    local.refresh();
    remote.refresh();
    List<Revision> remoteRevisions = shallow ? remote.changelog().leafs() : remote.revisions();
    Set<String> localPairs = new HashSet<>();
    for (Revision r : local.changelog().log()) {
      localPairs.add(r.parentDigest() + r.childDigest());
    }
    List<Revision> revisions = new ArrayList<>();
    Set<String> planned = new HashSet<>();
    for (Revision r : remoteRevisions) {
      if (!localPairs.contains(r.parentDigest() + r.childDigest()) && planned.add(r.path())) {
        revisions.add(r);
      }
    }
    // only the revisions to copy can need data: those the destination has came after their data (§14.1), so
    // a pull with nothing new decodes no commit
    ObjectStore localObjects = local.repo().objects();
    List<String> missing = new ArrayList<>();
    for (String d : new TreeSet<>(remote.digests(revisions))) {
      if (!localObjects.exists(d)) {
        missing.add(d);
      }
    }
    Reporter reporter = new Reporter(progress, local.label(), missing.size() + revisions.size());
    long copied = copyData(remote.repo().objects(), localObjects, missing, reporter);
    Changelog source = remote.changelog();
    Pod target = local.changelog().pod();
    for (Revision r : revisions) {
      // verified against its name before it is written (the remote may be a half-written file)
      target.write(r.path(), source.read(r));
      reporter.step();
    }
    local.refresh();
    return new SyncResult(copied, revisions.size());
  }

  static void checkSchemas(Collection local, Collection remote) {
    if (!local.schema().equals(remote.schema())) {
      throw new ValidationException("Unable to sync collection \"" + remote.label() + "\",incompatible meta-info.");
    }
  }

  /** Copies the data files, in a pool of {@code maxThreads} when threaded; returns the number written. */
  private static long copyData(ObjectStore from, ObjectStore to, List<String> digests, Reporter reporter) {
    Settings settings = Settings.get();
    if (!settings.threaded() || digests.size() < 2) {
      long n = 0;
      for (String d : digests) {
        n += copy(from, to, d, reporter);
      }
      return n;
    }
    int threads = Math.min(settings.maxThreads(), digests.size());
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "lakota-sync-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (String d : digests) {
        futures.add(pool.submit(() -> copy(from, to, d, reporter)));
      }
      long n = 0;
      for (Future<Integer> f : futures) {
        try {
          n += f.get();
        } catch (ExecutionException e) {
          pool.shutdownNow();
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
          }
          if (cause instanceof Error) {
            throw (Error) cause;
          }
          throw new LakotaException("Cannot copy data file: " + cause, cause);
        }
      }
      return n;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LakotaException("Cannot sync: interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Copies one data file (from its buried copy if the remote's gc buried it), under its canonical name. */
  private static int copy(ObjectStore from, ObjectStore to, String digest, Reporter reporter) {
    long written = to.write(digest, from.read(digest));
    reporter.step();
    return written < 0 ? 0 : 1;
  }

  /** Serializes progress reports, whichever thread copied the object. */
  static final class Reporter {
    private final SyncProgress progress;
    private final String label;
    private final long total;
    private long done;

    Reporter(SyncProgress progress, String label, long total) {
      this.progress = progress == null ? SyncProgress.NONE : progress;
      this.label = label;
      this.total = total;
      this.progress.update(label, 0, total);
    }

    synchronized void step() {
      done++;
      progress.update(label, done, total);
    }
  }
}
