package io.lakota.version;

import io.lakota.id.RevisionName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One listing of a changelog folder with its traversal and the counts a commit plans from. Immutable, apart from
 * a cache of the order in which the folder was last listed; thread-safe.
 *
 * <p>A changelog keeps the snapshot of the last listing it planned from or wrote: the traversal is a function of the
 * set of names alone, so a later listing with the same names reuses it, and a commit that appends one revision to
 * the leaf extends it in linear time ({@link #append}) instead of sorting and traversing the whole folder again
 * (which was most of the CPU time of a one-row commit on a long changelog).
 *
 * <p>The sets of a traversed listing are shared by the snapshots appended to it, which only copy their own short
 * list of appended revisions; after {@link #MAX_APPENDED} appends the sets are copied once, so that an append costs
 * amortised constant time and a lookup two hash probes.
 *
 * <p>Matching a listing costs a hash lookup per name, unless the folder lists its names in the same order as last
 * time (a local folder does, until it changes): the last matched listing is kept, and a listing that is that one
 * with the revisions appended since inserted anywhere is recognised by comparing names in order.
 */
final class LogSnapshot {
  static final int MAX_APPENDED = 64;

  /** Every name of the traversed listing, revision names or not (never modified once built). */
  private final Set<String> names;
  /** Child string → how many revision files of the traversed listing have it as child (never modified). */
  private final Map<String, Integer> childCounts;
  /** The parent strings of the revision files of the traversed listing (never modified). */
  private final Set<String> parents;
  /** The revisions appended since, whose names, children (once each) and parents count too. */
  private final Set<String> appendedNames;
  private final Set<String> appendedChildren;
  private final Set<String> appendedParents;
  /** The traversal of the listing (SEMANTICS.md §11.3), unmodifiable. */
  final List<Revision> log;
  /** The last listing matched, and the names appended since; null when unknown. Only a cache: may be replaced. */
  private volatile Order order;

  /** A listing in the pod's order, plus names added since that the next listing holds somewhere. */
  private static final class Order {
    final List<String> names;
    final Set<String> added;

    Order(List<String> names, Set<String> added) {
      this.names = names;
      this.added = added;
    }
  }

  private LogSnapshot(Set<String> names, Map<String, Integer> childCounts, Set<String> parents,
      Set<String> appendedNames, Set<String> appendedChildren, Set<String> appendedParents, List<Revision> log) {
    this.names = names;
    this.childCounts = childCounts;
    this.parents = parents;
    this.appendedNames = appendedNames;
    this.appendedChildren = appendedChildren;
    this.appendedParents = appendedParents;
    this.log = log;
  }

  /** How many revision files of the listing have {@code child} as child. */
  int childCount(String child) {
    return childCounts.getOrDefault(child, 0) + (appendedChildren.contains(child) ? 1 : 0);
  }

  /** The child strings of the revision files of the listing (each once). */
  Iterable<String> children() {
    List<String> all = new ArrayList<>(childCounts.size() + appendedChildren.size());
    all.addAll(childCounts.keySet());
    all.addAll(appendedChildren);
    return all;
  }

  private boolean hasName(String name) {
    return names.contains(name) || appendedNames.contains(name);
  }

  private boolean hasParent(String parent) {
    return parents.contains(parent) || appendedParents.contains(parent);
  }

  /**
   * The snapshot of {@code listing}, whose traversal is {@code log} and whose revision files are {@code revisions}
   * (the names of the listing that parse as revision names).
   */
  static LogSnapshot of(List<String> listing, List<Revision> log, List<Revision> revisions) {
    Map<String, Integer> counts = new HashMap<>(2 * revisions.size() + 2);
    Set<String> parents = new HashSet<>(2 * revisions.size() + 2);
    for (Revision r : revisions) {
      counts.merge(r.child(), 1, Integer::sum);
      parents.add(r.parent());
    }
    LogSnapshot s = new LogSnapshot(new HashSet<>(listing), counts, parents, Set.of(), Set.of(), Set.of(), log);
    s.order = new Order(List.copyOf(listing), Set.of());
    return s;
  }

  /** True if {@code listing} holds exactly the names of this snapshot (in any order). */
  boolean matches(List<String> listing) {
    if (listing.size() != names.size() + appendedNames.size()) {
      return false;
    }
    Order o = order;
    if (o != null && inOrder(o, listing)) {
      order = new Order(List.copyOf(listing), Set.of());
      return true;
    }
    for (String name : listing) {
      if (!hasName(name)) {
        return false;
      }
    }
    order = new Order(List.copyOf(listing), Set.of());
    return true;
  }

  /** True if {@code listing} is {@code o}'s names, in order, with exactly {@code o}'s added names interleaved. */
  private static boolean inOrder(Order o, List<String> listing) {
    int j = 0;
    int added = 0;
    for (String name : listing) {
      if (j < o.names.size() && name.equals(o.names.get(j))) {
        j++;
      } else if (o.added.contains(name)) {
        added++;
      } else {
        return false;
      }
    }
    return j == o.names.size() && added == o.added.size();
  }

  /**
   * The snapshot after adding the revision file {@code added} to the folder, when the traversal of the new folder
   * is this traversal plus {@code added} as the new last revision; null when it is not (the caller then traverses
   * the new listing). That is the case exactly when {@code added} is built on the child of the last revision, which
   * is a leaf and the only file with that child, and no file is already built on the child of {@code added}: the
   * depth-first traversal then visits everything as before and ends with {@code added}. A root revision (parent
   * {@link RevisionName#PHI}) on an empty log extends it too, when nothing names {@code PHI} as child.
   */
  LogSnapshot append(Revision added) {
    String path = added.path();
    if (hasName(path) || childCount(added.child()) > 0 || hasParent(added.child())
        || added.parent().equals(added.child())) {
      return null;
    }
    List<Revision> next = new ArrayList<>(log.size() + 1);
    if (log.isEmpty()) {
      if (!added.parent().equals(RevisionName.PHI) || childCount(RevisionName.PHI) > 0) {
        return null;
      }
    } else {
      Revision last = log.get(log.size() - 1);
      if (!last.isLeaf() || !last.child().equals(added.parent())
          || childCount(last.child()) != 1 || hasParent(last.child())) {
        return null;
      }
      next.addAll(log.subList(0, log.size() - 1));
      next.add(new Revision(last.parent(), last.child(), false));
    }
    next.add(new Revision(added.parent(), added.child(), true));
    List<Revision> nextLog = Collections.unmodifiableList(next);
    LogSnapshot appended = appendedSnapshot(added, path, nextLog);
    Order o = order;
    if (o != null && o.added.size() < MAX_APPENDED) {
      appended.order = new Order(o.names, plus(o.added, path));
    }
    return appended;
  }

  private LogSnapshot appendedSnapshot(Revision added, String path, List<Revision> nextLog) {
    if (appendedNames.size() >= MAX_APPENDED) {
      Set<String> allNames = new HashSet<>(names);
      allNames.addAll(appendedNames);
      allNames.add(path);
      Map<String, Integer> counts = new HashMap<>(childCounts);
      for (String c : appendedChildren) {
        counts.merge(c, 1, Integer::sum);
      }
      counts.merge(added.child(), 1, Integer::sum);
      Set<String> allParents = new HashSet<>(parents);
      allParents.addAll(appendedParents);
      allParents.add(added.parent());
      return new LogSnapshot(allNames, counts, allParents, Set.of(), Set.of(), Set.of(), nextLog);
    }
    return new LogSnapshot(names, childCounts, parents, plus(appendedNames, path),
        plus(appendedChildren, added.child()), plus(appendedParents, added.parent()), nextLog);
  }

  private static Set<String> plus(Set<String> set, String value) {
    Set<String> out = new HashSet<>(set);
    out.add(value);
    return out;
  }
}
