package io.lakota;

import io.lakota.errors.NotFoundException;
import io.lakota.sync.SyncProgress;
import io.lakota.sync.SyncResult;
import io.lakota.version.Changelog;
import io.lakota.version.Revision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Repo.pull} (SEMANTICS.md §14.2): brings collections of a remote repository, and the remote's registry,
 * into a local one. Every schema is checked before anything is copied. A collection that exists locally keeps its
 * own folder and receives the remote history there (a fork to merge when both sides wrote); a new one is created
 * with the remote's folder. A registry that forked (both sides created or deleted collections) is merged.
 *
 * <p>Unlike the reference, collections are copied <em>before</em> the registry: a pull interrupted at any point
 * leaves the local registry as it was, so no collection is ever listed with a folder whose data has not arrived,
 * and running the pull again completes it.
 */
final class RepoSync {
  private RepoSync() {}

  static SyncResult pull(Repo local, Repo remote, List<String> labels, boolean shallow, SyncProgress progress) {
    local.refresh();
    remote.refresh();
    Map<String, Collection> before = new LinkedHashMap<>();
    for (Collection c : local.collections()) {
      before.put(c.label(), c);
    }
    List<String> names = new ArrayList<>();
    if (labels == null || labels.isEmpty()) {
      names.addAll(remote.ls());
    } else {
      for (String l : labels) {
        names.add(Labels.clean(l));
      }
    }
    List<Collection[]> pairs = new ArrayList<>();
    for (String label : names) {
      Collection r = remote.collection(label);
      if (r == null) {
        throw new NotFoundException(label, "Collection \"" + label + "\" not found");
      }
      Collection l = before.get(label);
      if (l != null) {
        CollectionSync.checkSchemas(l, r);
      } else {
        // the registry row will come with the registry, pointing at the remote's folder
        l = new Collection(label, r.schema(), r.path(), local);
      }
      pairs.add(new Collection[] {l, r});
    }
    SyncResult result = SyncResult.EMPTY;
    for (Collection[] pair : pairs) {
      result = result.plus(CollectionSync.pull(pair[0], pair[1], shallow, progress));
    }
    Collection registry = local.registry();
    result = result.plus(CollectionSync.pull(registry, remote.registry(), shallow, progress));
    registry.merge(); // a registry that forked because both sides created collections (§14.2); no-op otherwise
    local.refresh();
    List<String> fixLabels = new ArrayList<>();
    List<Object> fixMetas = new ArrayList<>();
    for (Collection kept : before.values()) {
      Collection now = local.collection(kept.label());
      boolean wanted = names.contains(kept.label());
      // a collection the remote deleted stays deleted; one both sides have keeps its local folder
      if ((now == null && wanted) || (now != null && !now.path().equals(kept.path()))) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("path", kept.path());
        meta.put("schema", kept.schema().dump());
        fixLabels.add(kept.label());
        fixMetas.add(meta);
      }
    }
    if (!fixLabels.isEmpty()) {
      Map<String, Object> rows = new LinkedHashMap<>();
      rows.put("label", fixLabels.toArray(new String[0]));
      rows.put("meta", fixMetas.toArray());
      alignLeaves(registry, registry.series(Repo.NAMESPACE).write(rows));
    }
    local.refresh();
    dropUnlisted(local, before, pairs);
    return result;
  }

  /**
   * Commits the registry revision {@code written} (the rows written back just above) on every other leaf that holds
   * the content it was written on, so that the registry ends with one head. The registry merge commits one content
   * on each branch, and the rows go on one of them only: the other would remain a second head whose history and
   * the rows' contain each other, and a later merge, which lets the branch visited last win, could bring the
   * remote's folder back. Conditional on the leaves not moving meanwhile; when a concurrent writer moved them, the
   * registry is left for an explicit merge, as before.
   */
  private static void alignLeaves(Collection registry, List<Revision> written) {
    if (written.size() != 1) {
      return;
    }
    Revision rows = written.get(0);
    Changelog log = registry.changelog();
    log.refresh();
    List<Revision> leaves = log.leafs();
    List<String> parents = new ArrayList<>();
    for (Revision leaf : leaves) {
      if (!leaf.path().equals(rows.path()) && leaf.childDigest().equals(rows.parentDigest())) {
        parents.add(leaf.child());
      }
    }
    if (!parents.isEmpty()) {
      log.commitIfLeaves(log.read(rows), parents, leaves);
    }
  }

  /**
   * Removes the folders filled for collections the merged registry does not list (the local side deleted them
   * after an earlier pull: its deletion is the newer history). Their data files are left to the garbage collector.
   */
  private static void dropUnlisted(Repo local, Map<String, Collection> before, List<Collection[]> pairs) {
    java.util.Set<String> used = new java.util.HashSet<>();
    for (Collection c : local.collections()) {
      used.add(c.path());
    }
    for (Collection[] pair : pairs) {
      Collection pulled = pair[0];
      if (!before.containsKey(pulled.label()) && !used.contains(pulled.path())) {
        local.pod().rm(pulled.path(), true, true);
      }
    }
  }
}
