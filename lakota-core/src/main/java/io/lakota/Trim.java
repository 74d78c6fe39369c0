package io.lakota;

import io.lakota.id.Hextime;
import io.lakota.version.Changelog;
import io.lakota.version.Revision;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code Collection.trim} (SEMANTICS.md §15.1): removes the oldest revision files of a changelog, never the leaf and
 * never in a way that changes what readers see (§20 item 18). Data files stay until garbage collection. Safe beside
 * writers (docs/concurrency.md, "Maintenance beside writers"): it removes only revisions of the log it read, and
 * keeps unmerged branches younger than the timeout setting (a concurrent writer's fork on a pod without
 * compare-and-set, merged at once by its writer) instead of discarding them as the reference does.
 */
final class Trim {
  private static final System.Logger LOG = System.getLogger("lakota");

  private Trim() {}

  /**
   * Removes the revisions of the traversal prefix older than {@code before} (an 11-hex epoch; null for now minus
   * twice the timeout setting), except the leaf, and fewer if removing them all would change the leaf's content.
   *
   * @return the number of revision files removed
   */
  static int run(Collection collection, String before) {
    Changelog changelog = collection.changelog();
    changelog.refresh();
    long now = collection.repo().clock().millis();
    if (before == null) {
      before = Hextime.of(Math.max(0, now - 2_000L * Settings.get().timeoutSeconds()));
    }
    // only revisions of this log are ever removed: one committed after this reading is never touched
    List<Revision> log = changelog.log();
    List<Revision> revs = new ArrayList<>(changelog.log(before));
    if (revs.isEmpty()) {
      return 0;
    }
    LOG.log(System.Logger.Level.INFO, "Trim collection \"{0}\"", collection.label());
    if (revs.get(revs.size() - 1).isLeaf() && revs.size() == log.size()) {
      revs.remove(revs.size() - 1);
    }
    // an unmerged branch younger than the timeout is kept, with what follows it: on a pod without compare-and-set
    // it is a concurrent writer's fork that its writer is about to merge (docs/concurrency.md)
    String young = Hextime.of(Math.max(0, now - 1_000L * Settings.get().timeoutSeconds()));
    for (int i = 0; i < revs.size(); i++) {
      if (revs.get(i).isLeaf() && revs.get(i).epoch().compareTo(young) >= 0) {
        revs = new ArrayList<>(revs.subList(0, i));
        break;
      }
    }
    String leafDigest = log.get(log.size() - 1).childDigest();
    List<String> names = changelog.pod().ls(".", true);
    int k = revs.size();
    while (k > 0 && !keepsLeaf(changelog, names, revs.subList(0, k), leafDigest)) {
      k--;
    }
    for (Revision r : revs.subList(0, k)) {
      changelog.pod().rm(r.path(), false, true);
    }
    changelog.refresh();
    return k;
  }

  /** True if the folder without {@code removed} still ends its traversal on a revision of that content. */
  private static boolean keepsLeaf(Changelog changelog, List<String> names, List<Revision> removed, String digest) {
    Set<String> gone = new HashSet<>();
    for (Revision r : removed) {
      gone.add(r.path());
    }
    List<String> rest = new ArrayList<>(names.size());
    for (String n : names) {
      if (!gone.contains(n)) {
        rest.add(n);
      }
    }
    List<Revision> simulated = changelog.logOf(rest);
    return !simulated.isEmpty() && simulated.get(simulated.size() - 1).childDigest().equals(digest);
  }
}
