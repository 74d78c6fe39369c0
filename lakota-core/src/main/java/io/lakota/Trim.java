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
 * never in a way that changes what readers see (§20 item 18). Data files stay until garbage collection.
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
    if (before == null) {
      long horizon = collection.repo().clock().millis() - 2_000L * Settings.get().timeoutSeconds();
      before = Hextime.of(Math.max(0, horizon));
    }
    List<Revision> log = changelog.log();
    List<Revision> revs = new ArrayList<>(changelog.log(before));
    if (revs.isEmpty()) {
      return 0;
    }
    LOG.log(System.Logger.Level.INFO, "Trim collection \"{0}\"", collection.label());
    if (revs.get(revs.size() - 1).isLeaf() && revs.size() == log.size()) {
      revs.remove(revs.size() - 1);
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
