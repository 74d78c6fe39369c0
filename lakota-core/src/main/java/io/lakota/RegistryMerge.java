package io.lakota;

import io.lakota.format.Dtype;
import io.lakota.format.Values;
import io.lakota.id.RevisionName;
import io.lakota.version.Changelog;
import io.lakota.version.Commit;
import io.lakota.version.CommitCodec;
import io.lakota.version.CommitRow;
import io.lakota.version.Revision;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The merge of SEMANTICS.md §13 as the repository pull needs it for the registry (§14.2: a registry that forked
 * because both sides created collections is merged at once). It is the full algorithm — heads combined in log
 * order, common content history not re-applied — on any collection; {@code Collection.merge()} (issue 4 part A)
 * is meant to take its place once it exists.
 */
final class RegistryMerge {
  private RegistryMerge() {}

  /** True if the changelog has leaves with different contents. */
  static boolean isForked(Collection collection) {
    Set<String> digests = new HashSet<>();
    for (Revision r : collection.changelog().leafs()) {
      digests.add(r.childDigest());
    }
    return digests.size() > 1;
  }

  /** Merges every leaf; returns the revisions written (none when there was nothing to merge). */
  static List<Revision> merge(Collection collection) {
    Changelog changelog = collection.changelog();
    changelog.refresh();
    List<Revision> log = changelog.log();
    if (log.isEmpty()) {
      return List.of();
    }
    List<Revision> leaves = new ArrayList<>();
    for (Revision r : log) {
      if (r.isLeaf()) {
        leaves.add(r);
      }
    }
    Map<String, Set<String>> parentsOf = new HashMap<>();
    Map<String, Revision> byDigest = new HashMap<>();
    for (Revision r : log) {
      parentsOf.computeIfAbsent(r.childDigest(), k -> new HashSet<>()).add(r.parentDigest());
      byDigest.putIfAbsent(r.childDigest(), r);
    }
    Map<String, Set<String>> ancestry = new HashMap<>();
    Map<String, Revision> heads = new LinkedHashMap<>();
    for (Revision leaf : leaves) {
      ancestry.computeIfAbsent(leaf.childDigest(), d -> ancestors(d, parentsOf));
    }
    if (ancestry.size() < 2) {
      return List.of();
    }
    for (Revision leaf : leaves) {
      String d = leaf.childDigest();
      boolean dominated = false;
      for (Map.Entry<String, Set<String>> e : ancestry.entrySet()) {
        if (!e.getKey().equals(d) && e.getValue().contains(d)) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        heads.putIfAbsent(d, leaf);
      }
    }
    if (heads.isEmpty()) {
      for (Revision leaf : leaves) {
        heads.putIfAbsent(leaf.childDigest(), leaf);
      }
    }
    List<Revision> hs = new ArrayList<>(heads.values());
    byte[] payload;
    if (hs.size() == 1) {
      payload = changelog.read(hs.get(0));
      if (log.get(log.size() - 1).childDigest().equals(hs.get(0).childDigest())) {
        return List.of();
      }
    } else {
      List<Dtype> dtypes = collection.schema().indexDtypes();
      Commit acc = collection.commit(hs.get(0));
      Set<String> seen = new HashSet<>(ancestry.get(hs.get(0).childDigest()));
      for (Revision h : hs.subList(1, hs.size())) {
        Commit ci = collection.commit(h);
        Set<String> anc = ancestry.get(h.childDigest());
        List<Commit> base = new ArrayList<>();
        for (String d : anc) {
          if (seen.contains(d) && byDigest.containsKey(d) && !d.equals(RevisionName.digest(RevisionName.PHI))) {
            base.add(collection.commit(byDigest.get(d)));
          }
        }
        for (CommitRow row : ci.rows()) {
          if (acc.rows().contains(row) || inherited(row, base, dtypes)) {
            continue;
          }
          acc = acc.update(row, ci.embedded());
        }
        seen.addAll(anc);
      }
      payload = CommitCodec.encode(acc);
    }
    List<String> parents = new ArrayList<>(new LinkedHashSet<>(leaves.stream().map(Revision::child).toList()));
    return changelog.commit(payload, parents);
  }

  private static boolean inherited(CommitRow row, List<Commit> base, List<Dtype> dtypes) {
    for (Commit c : base) {
      for (CommitRow q : c.rows(row.label())) {
        if (java.util.Arrays.equals(q.digests(), row.digests()) && q.length() == row.length()
            && Values.compareTuples(dtypes, q.start(), row.start()) <= 0
            && Values.compareTuples(dtypes, row.stop(), q.stop()) <= 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code d} and every digest reachable backwards from it (cycle-safe). */
  private static Set<String> ancestors(String d, Map<String, Set<String>> parentsOf) {
    Set<String> out = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(d);
    while (!todo.isEmpty()) {
      String x = todo.poll();
      if (out.add(x)) {
        todo.addAll(parentsOf.getOrDefault(x, Set.of()));
      }
    }
    return out;
  }
}
