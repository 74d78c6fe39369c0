package io.lakota.version;

import io.lakota.format.Dtype;
import io.lakota.format.Values;
import io.lakota.id.RevisionName;
import io.lakota.storage.CommitResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The merge of concurrent branches of a changelog into one commit written on top of every branch (SEMANTICS.md
 * §13): heads are combined in log order, rows of later heads override earlier ones on overlaps, every row is
 * re-applied verbatim whatever its closed flag (§20 bug 1), and rows that are unchanged pieces of the history the
 * head shares with the heads already combined are not re-applied (the per-head merge base, §20 bug 4), so that a
 * change of an earlier branch survives. Single use, single-threaded.
 */
public final class Merge {
  private static final CommitAttempt NOTHING = new CommitAttempt(CommitResult.COMMITTED, List.of());
  private final Changelog changelog;
  private final Function<Revision, Commit> decoder;
  private final List<Revision> log;
  /** child digest → parent digests, over every revision of the log. */
  private final Map<String, Set<String>> parents = new HashMap<>();
  /** digest → one revision holding that content. */
  private final Map<String, Revision> byDigest = new HashMap<>();
  private final Map<String, Set<String>> ancestry = new HashMap<>();

  private Merge(Changelog changelog, Function<Revision, Commit> decoder) {
    this.changelog = changelog;
    this.decoder = decoder;
    this.log = changelog.log();
    for (Revision r : log) {
      parents.computeIfAbsent(r.childDigest(), k -> new LinkedHashSet<>()).add(r.parentDigest());
      byDigest.putIfAbsent(r.childDigest(), r);
    }
  }

  /**
   * One attempt at merging {@code heads} (all leaves when null or empty) of {@code changelog} (as last read) and
   * committing the result on every one of them, conditionally: only if the leaves of the folder are still those the
   * merge was computed from ({@link Changelog#commitIfLeaves}), so a merge never forks against a concurrent writer.
   *
   * @param decoder decodes the commit of a revision (with the collection's schema)
   * @return committed with the revisions written (none when there is nothing to merge: fewer than two distinct head
   *     contents, or a single dominant head that is already the last revision), or a lock failure (nothing written:
   *     refresh and try again)
   */
  public static CommitAttempt attempt(Changelog changelog, Function<Revision, Commit> decoder, List<Revision> heads) {
    Merge m = new Merge(changelog, decoder);
    return m.merge(heads == null || heads.isEmpty() ? changelog.leafs() : heads, changelog.leafs());
  }

  /**
   * The heads of {@code changelog}: its leaves whose content no other leaf descends from, one per distinct content,
   * in log order (SEMANTICS.md §13 "maximal"). Empty for an empty changelog.
   */
  public static List<Revision> heads(Changelog changelog) {
    return heads(changelog, changelog.leafs());
  }

  /**
   * The heads among {@code leaves} (leaves of {@code changelog} as last read): those whose content no other of them
   * descends from, one per distinct content, in the given order.
   */
  public static List<Revision> heads(Changelog changelog, List<Revision> leaves) {
    Merge m = new Merge(changelog, null);
    return m.maximal(leaves);
  }

  /** Merges {@code leaves} and commits the result on each of them. */
  private CommitAttempt merge(List<Revision> leaves, List<Revision> allLeaves) {
    if (log.isEmpty()) {
      return NOTHING;
    }
    Set<String> digests = new LinkedHashSet<>();
    for (Revision r : leaves) {
      digests.add(r.childDigest());
    }
    if (digests.size() < 2) {
      return NOTHING;
    }
    List<Revision> maximal = maximal(leaves);
    byte[] payload;
    if (maximal.size() == 1) {
      Revision h1 = maximal.get(0);
      if (log.get(log.size() - 1).childDigest().equals(h1.childDigest())) {
        return NOTHING;
      }
      payload = changelog.read(h1);
    } else {
      payload = CommitCodec.encode(combine(maximal));
    }
    List<String> ps = new ArrayList<>();
    for (Revision r : leaves) {
      if (!ps.contains(r.child())) {
        ps.add(r.child());
      }
    }
    return changelog.commitIfLeaves(payload, ps, allLeaves);
  }

  /** The leaves whose content no other leaf descends from, deduplicated by digest, in log order. */
  private List<Revision> maximal(List<Revision> leaves) {
    List<Revision> out = new ArrayList<>();
    Set<String> kept = new HashSet<>();
    for (Revision r : leaves) {
      String d = r.childDigest();
      boolean dominated = false;
      for (Revision o : leaves) {
        String e = o.childDigest();
        if (!e.equals(d) && ancestors(e).contains(d)) {
          dominated = true;
          break;
        }
      }
      if (!dominated && kept.add(d)) {
        out.add(r);
      }
    }
    if (out.isEmpty()) {
      // cycles in the content history dominate every leaf: keep them all
      for (Revision r : leaves) {
        if (kept.add(r.childDigest())) {
          out.add(r);
        }
      }
    }
    return out;
  }

  private Commit combine(List<Revision> heads) {
    Revision h1 = heads.get(0);
    Commit acc = decoder.apply(h1);
    List<Dtype> dtypes = acc.schema().indexDtypes();
    Set<String> seen = new HashSet<>(ancestors(h1.childDigest()));
    for (int i = 1; i < heads.size(); i++) {
      Revision hi = heads.get(i);
      Commit ci = decoder.apply(hi);
      Set<String> anc = ancestors(hi.childDigest());
      Set<String> base = new HashSet<>(anc);
      base.retainAll(seen);
      Map<String, List<CommitRow>> inheritedRows = baseRows(base);
      for (CommitRow row : ci.rows()) {
        if (hasSameRow(acc, row) || isInherited(dtypes, row, inheritedRows)) {
          continue;
        }
        acc = acc.update(row, ci.embedded());
      }
      seen.addAll(anc);
    }
    return acc;
  }

  /** True if {@code acc} has a row with the label, bounds, closed flag and digests of {@code row}. */
  private static boolean hasSameRow(Commit acc, CommitRow row) {
    for (CommitRow r : acc.rows()) {
      if (r.label().equals(row.label()) && r.closed() == row.closed() && Arrays.equals(r.startRef(), row.startRef())
          && Arrays.equals(r.stopRef(), row.stopRef()) && Arrays.equals(r.digestsRef(), row.digestsRef())) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if a commit of the base holds a row of the same label, digests and length whose range contains
   * {@code row}'s: an unchanged (possibly truncated) piece of common history.
   */
  private static boolean isInherited(List<Dtype> dtypes, CommitRow row, Map<String, List<CommitRow>> base) {
    List<CommitRow> candidates = base.get(key(row));
    if (candidates == null) {
      return false;
    }
    for (CommitRow q : candidates) {
      if (q.length() == row.length() && Values.compareTuples(dtypes, q.startRef(), row.startRef()) <= 0
          && Values.compareTuples(dtypes, row.stopRef(), q.stopRef()) <= 0) {
        return true;
      }
    }
    return false;
  }

  /** The rows of every commit of {@code base} (phi excepted), by label and digests. */
  private Map<String, List<CommitRow>> baseRows(Set<String> base) {
    Map<String, List<CommitRow>> rows = new HashMap<>();
    String phi = RevisionName.digest(RevisionName.PHI);
    for (String d : base) {
      Revision r = byDigest.get(d);
      if (d.equals(phi) || r == null) {
        continue; // phi has no commit; a parent trimmed away has none we can read
      }
      for (CommitRow q : decoder.apply(r).rows()) {
        rows.computeIfAbsent(key(q), k -> new ArrayList<>()).add(q);
      }
    }
    return rows;
  }

  private static String key(CommitRow row) {
    return row.label() + "\u0000" + String.join(",", row.digestsRef());
  }

  /** {@code d} and every digest reachable backwards from it (cycle-safe). */
  private Set<String> ancestors(String d) {
    Set<String> cached = ancestry.get(d);
    if (cached != null) {
      return cached;
    }
    Set<String> out = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.push(d);
    while (!todo.isEmpty()) {
      String x = todo.pop();
      if (out.add(x)) {
        for (String p : parents.getOrDefault(x, Set.of())) {
          todo.push(p);
        }
      }
    }
    ancestry.put(d, out);
    return out;
  }
}
