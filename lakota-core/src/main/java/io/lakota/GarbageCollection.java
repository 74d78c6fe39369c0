package io.lakota;

import io.lakota.errors.NotFoundException;
import io.lakota.errors.StorageException;
import io.lakota.id.Digests;
import io.lakota.id.HashedPath;
import io.lakota.id.Hextime;
import io.lakota.maintenance.GcResult;
import io.lakota.storage.Pod;
import io.lakota.version.Backoff;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code Repo.gc} (SEMANTICS.md §16): the reference's two-phase garbage collector. Data files that no revision of any
 * changelog references are buried (renamed {@code <path>.<hextime>}); buried files older than the timeout setting
 * are deleted; buried files referenced again are renamed back. Readers fall back to buried files, so a writer whose
 * commit lands during a collection loses nothing. Runs beside writers and trims (docs/concurrency.md, "Maintenance
 * beside writers"): data files are listed first, the cutoff time is fixed next, the changelogs are read last.
 *
 * <p>Only well-formed data file names in two-hex-character top-level folders are considered: foreign files, the
 * file pod's {@code .lakota-tmp} folder and anything at the root are left alone (§20 item 20).
 */
final class GarbageCollection {
  private static final System.Logger LOG = System.getLogger("lakota");
  private static final int DIGEST_REST = 36;

  private GarbageCollection() {}

  static GcResult run(Repo repo, boolean dryRun) {
    LOG.log(System.Logger.Level.INFO, "Start GC");
    Pod pod = repo.pod();
    // listed before the changelogs are read: a commit landing meanwhile cannot have its new files buried, and a
    // file written after the listing (an in-flight writer's) is not even seen
    List<String> dataFiles = dataFiles(pod);
    // the cutoff is fixed before the changelogs are read: a file is deleted only if it was buried more than
    // `timeout` before that, so any commit that could still name it (writers give up after half of `timeout`)
    // landed before the reading below, which then sees it and resurrects the file instead
    long now = repo.clock().millis();
    Set<String> active = activeDigests(repo);
    String suffix = "." + Hextime.of(now);
    String deadline = Hextime.of(Math.max(0, now - 1000L * Settings.get().timeoutSeconds()));
    List<String> buried = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    List<String> resurrected = new ArrayList<>();
    for (String d : dataFiles) {
      int dot = d.indexOf('.');
      String digest = dot < 0 ? d : d.substring(0, dot);
      if (dot < 0) {
        if (active.contains(digest)) {
          continue;
        }
        String path = HashedPath.of(digest);
        buried.add(path);
        if (!dryRun) {
          pod.mv(path, path + suffix, true);
        }
        continue;
      }
      String ext = d.substring(dot + 1);
      if (ext.compareTo(deadline) > 0 && !active.contains(digest)) {
        continue;
      }
      String path = HashedPath.of(digest) + "." + ext;
      if (active.contains(digest)) {
        resurrected.add(path);
        if (!dryRun) {
          pod.mv(path, HashedPath.of(digest), true);
        }
      } else {
        deleted.add(path);
        if (!dryRun) {
          pod.rm(path, false, true);
        }
      }
    }
    LOG.log(System.Logger.Level.INFO, "End of GC (hard deletions: {0}, soft deletions: {1})", deleted.size(),
        buried.size());
    return new GcResult(deleted.size(), buried.size(), resurrected.size(), deleted, buried, resurrected, dryRun);
  }

  /**
   * The digests referenced by every revision of the registry and of every collection. A revision file that vanishes
   * while it is read (a concurrent trim) is not an error: the reading starts again on a fresh listing, at most
   * {@link Backoff#MAX_ATTEMPTS} times and for at most half of the timeout setting.
   */
  private static Set<String> activeDigests(Repo repo) {
    long deadline = System.nanoTime() + Settings.get().retryBudgetNanos();
    for (int attempt = 1; ; attempt++) {
      try {
        repo.refresh();
        Set<String> active = new HashSet<>(repo.registry().digests(repo.registry().revisions()));
        for (String namespace : repo.registry().ls()) {
          for (Collection c : repo.collections(namespace)) {
            active.addAll(c.digests(c.revisions()));
          }
        }
        return active;
      } catch (NotFoundException e) {
        if (attempt >= Backoff.MAX_ATTEMPTS || System.nanoTime() - deadline > 0) {
          throw new StorageException(e.path(), "Cannot garbage-collect " + repo.pod()
              + ": revisions keep vanishing while the changelogs are read (" + e.getMessage() + ")", e);
        }
        LOG.log(System.Logger.Level.DEBUG, "GC: {0} vanished while read, reading the changelogs again", e.path());
        Backoff.pause(attempt);
      }
    }
  }

  /**
   * The data files of the repository as {@code <40 hex>} (live) or {@code <40 hex>.<11 hex>} (buried), found at
   * depth 2 of the two-hex-character top-level folders; changelog files, deeper down, are not listed.
   */
  private static List<String> dataFiles(Pod pod) {
    List<String> out = new ArrayList<>();
    for (String top : pod.ls(".", true)) {
      if (!isTwoHex(top)) {
        LOG.log(System.Logger.Level.DEBUG, "GC ignores top-level entry \"{0}\"", top);
        continue;
      }
      for (String p : pod.cd(top).walk(2)) {
        int slash = p.indexOf('/');
        String name = slash < 0 ? "" : p.substring(slash + 1);
        if (slash != 2 || !isTwoHex(p.substring(0, 2)) || !isDataName(name)) {
          LOG.log(System.Logger.Level.DEBUG, "GC ignores \"{0}/{1}\"", top, p);
          continue;
        }
        out.add(top + p.substring(0, 2) + name);
      }
    }
    return out;
  }

  private static boolean isTwoHex(String s) {
    return s.length() == 2 && Digests.isLowerHex(s, 0, 2);
  }

  /** {@code <36 hex>} or {@code <36 hex>.<11 hex>}. */
  private static boolean isDataName(String name) {
    if (name.length() == DIGEST_REST) {
      return Digests.isLowerHex(name, 0, DIGEST_REST);
    }
    return name.length() == DIGEST_REST + 12 && name.charAt(DIGEST_REST) == '.'
        && Digests.isLowerHex(name, 0, DIGEST_REST) && Digests.isLowerHex(name, DIGEST_REST + 1, name.length());
  }
}
