package io.lakota.version;

import io.lakota.errors.IntegrityException;
import io.lakota.errors.NotFoundException;
import io.lakota.id.Digests;
import io.lakota.id.Hextime;
import io.lakota.id.RevisionName;
import io.lakota.storage.CommitResult;
import io.lakota.storage.Pod;
import io.lakota.storage.SupportsAtomicCommit;
import io.lakota.storage.SupportsCompareAndSet;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The revisions of one collection folder (SEMANTICS.md §11): a DAG of files {@code <parent>.<child>} traversed in
 * the reference's depth-first order, whose last revision is the leaf.
 *
 * <p>Thread-safe. The log is cached until {@link #refresh()}; {@link #commit} replaces it with the log of the
 * folder it listed plus the files it wrote. Revision payloads are
 * verified against their name (FORMAT.md §4.3) and cached once verified.
 */
public final class Changelog {
  private static final System.Logger LOG = System.getLogger(Changelog.class.getName());
  private static final long[] RETRY_SLEEPS_MS = {100, 200, 300, 400};

  private final Pod pod;
  private final Clock clock;
  // verified payloads, dropped all at once past MAX_PAYLOADS: a writer that commits for days must not keep every
  // revision it wrote (W4's 1000 commits alone wrote 92 MB); the leaf's is what the next write reads
  private static final int MAX_PAYLOADS = 64;
  private final Map<String, byte[]> payloads = new ConcurrentHashMap<>();
  private static final int MAX_PARSED = 1 << 20;
  private final Map<String, Revision> parsed = new ConcurrentHashMap<>();
  private volatile List<Revision> log;
  // the last listing planned from or written, with its traversal: a commit on an unchanged folder neither sorts nor
  // traverses it again
  private volatile LogSnapshot snapshot;

  /**
   * A changelog over {@code pod}, which must be rooted at the collection folder.
   *
   * @param clock the source of commit times
   */
  public Changelog(Pod pod, Clock clock) {
    this.pod = pod;
    this.clock = clock;
  }

  /** The pod rooted at the changelog folder. */
  public Pod pod() {
    return pod;
  }

  /** Forgets the cached log: revisions written by other handles become visible. */
  public void refresh() {
    log = null;
  }

  /** The revisions in traversal order, leaf flags set (SEMANTICS.md §11.3). */
  public List<Revision> log() {
    List<Revision> l = log;
    if (l == null) {
      l = Collections.unmodifiableList(traverse());
      log = l;
    }
    return l;
  }

  /**
   * The longest prefix of the log whose revisions all have an epoch before {@code before} (an 11-hex string);
   * null means the whole log.
   */
  public List<Revision> log(String before) {
    List<Revision> all = log();
    if (before == null) {
      return all;
    }
    int i = 0;
    while (i < all.size() && all.get(i).epoch().compareTo(before) < 0) {
      i++;
    }
    return all.subList(0, i);
  }

  /** The last revision of the log, or null for an empty changelog. */
  public Revision leaf() {
    return leaf(null);
  }

  /** The last revision of {@code log(before)}, or null. */
  public Revision leaf(String before) {
    List<Revision> l = log(before);
    return l.isEmpty() ? null : l.get(l.size() - 1);
  }

  /** The revisions without children, in log order. */
  public List<Revision> leafs() {
    return leaves(log());
  }

  /**
   * The traversal (SEMANTICS.md §11.3) of the folder as if it held exactly the files {@code names}: what
   * {@link #log()} would return after removing or adding revision files. Leaves the cached log alone.
   */
  public List<Revision> logOf(List<String> names) {
    return Collections.unmodifiableList(traverse(names));
  }

  private List<Revision> traverse() {
    return snapshotOf(pod.ls(".", true)).log;
  }

  /** The snapshot of {@code listing}: the cached one when it has the same names, else a new traversal. */
  private LogSnapshot snapshotOf(List<String> listing) {
    LogSnapshot s = snapshot;
    if (s != null && s.matches(listing)) {
      return s;
    }
    List<Revision> revisions = new ArrayList<>(listing.size());
    for (String name : listing) {
      Revision r = parse(name);
      if (r != null) {
        revisions.add(r);
      }
    }
    s = LogSnapshot.of(listing, Collections.unmodifiableList(traverse(listing)), revisions);
    snapshot = s;
    return s;
  }

  /**
   * The revision named {@code name}, or null when it is not a revision name. Parsed names are kept: a folder is
   * listed on every commit and refresh, and its names never change meaning.
   */
  private Revision parse(String name) {
    Revision r = parsed.get(name);
    if (r == null) {
      if (!RevisionName.isName(name)) {
        return null;
      }
      r = Revision.fromPath(name);
      if (parsed.size() > MAX_PARSED) {
        parsed.clear();
      }
      parsed.put(name, r);
    }
    return r;
  }

  /** The reference's depth-first traversal of the revision files {@code listing} (SEMANTICS.md §11.3). */
  private List<Revision> traverse(List<String> listing) {
    List<String> names = new ArrayList<>(listing);
    Collections.sort(names);
    Map<String, List<Revision>> children = new LinkedHashMap<>(2 * names.size());
    Set<String> allChildren = new HashSet<>(2 * names.size());
    for (String name : names) {
      Revision r = parse(name);
      if (r == null) {
        LOG.log(System.Logger.Level.WARNING, "Ignoring \"{0}\" in changelog {1}: not a revision name", name, pod);
        continue;
      }
      if (r.parent().equals(r.child())) {
        continue;
      }
      allChildren.add(r.child());
      children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
    }
    List<Revision> firstGen = new ArrayList<>();
    for (Map.Entry<String, List<Revision>> e : children.entrySet()) {
      if (!allChildren.contains(e.getKey())) {
        firstGen.addAll(e.getValue());
      }
    }
    // a stack whose top is its last element, filled in reverse so that the first revision is visited first
    Deque<Revision> stack = new ArrayDeque<>();
    for (int i = firstGen.size() - 1; i >= 0; i--) {
      stack.addLast(firstGen.get(i));
    }
    Set<String> yielded = new HashSet<>(2 * names.size());
    List<Revision> out = new ArrayList<>(names.size());
    while (!stack.isEmpty()) {
      Revision rev = stack.pollLast();
      List<Revision> kids = yielded.contains(rev.child()) ? List.of() : children.getOrDefault(rev.child(), List.of());
      yielded.add(rev.child());
      for (int i = kids.size() - 1; i >= 0; i--) {
        stack.addLast(kids.get(i));
      }
      out.add(new Revision(rev.parent(), rev.child(), kids.isEmpty()));
    }
    return out;
  }

  /**
   * The payload of a revision, verified against the digest in its name. A mismatch (a file still being written by
   * a writer whose backend is not atomic) is retried 4 times over about one second.
   *
   * @throws IntegrityException when the content never matches ("Unable to read &lt;name&gt;")
   * @throws NotFoundException when the file does not exist
   */
  public byte[] read(Revision revision) {
    String path = revision.path();
    byte[] cached = payloads.get(path);
    if (cached != null) {
      return cached;
    }
    String expected = revision.childDigest();
    for (int attempt = 0; ; attempt++) {
      byte[] data = pod.read(path);
      if (Digests.sha1(data).equals(expected)) {
        cache(path, data);
        return data;
      }
      if (attempt == RETRY_SLEEPS_MS.length) {
        throw new IntegrityException(path, path);
      }
      sleep(RETRY_SLEEPS_MS[attempt]);
    }
  }

  /** How many verified payloads are kept (tests). */
  int cachedPayloads() {
    return payloads.size();
  }

  private void cache(String path, byte[] payload) {
    if (payloads.size() >= MAX_PAYLOADS) {
      payloads.clear();
    }
    payloads.put(path, payload);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.lakota.errors.LakotaException("Cannot read revision: interrupted", e);
    }
  }

  /**
   * Writes {@code payload} as a new revision on each parent (SEMANTICS.md §11.2), unconditionally. Without parents
   * it commits on the leaf (or {@link RevisionName#PHI}). A parent whose digest equals the payload's is skipped
   * (writing the same content twice is a no-op). Child names get distinct hextimes, never an existing child, each
   * strictly after its parent's ({@code max(clock, parent + 1 ms)}, LOADCURVE.md CC5).
   *
   * <p>A parent string that is the child of several files (a reference merge that wrote two revisions in one
   * millisecond) is first repaired: its payload is written again under the parent of the last such file in log
   * order, with a fresh child string, and the new revision is built on that fresh string. The repair changes
   * nothing readers see, and puts the new revision last in the traversal, where both implementations find it.
   *
   * <p>On a pod with {@link SupportsAtomicCommit} the files are written under the folder's commit lock, so the
   * listing they are planned from cannot change meanwhile (a merge thus never forks against a conditional writer).
   *
   * @return the revisions written, in parent order (repair revisions are not listed)
   */
  public List<Revision> commit(byte[] payload, List<String> parents) {
    List<String> ps = parents == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(parents));
    if (pod instanceof SupportsAtomicCommit) {
      Plan[] planned = new Plan[1];
      String key = Digests.sha1(payload);
      CommitResult result = ((SupportsAtomicCommit) pod).commitIf(".", List.of(payload), listing -> {
        planned[0] = plan(listing, payload, key, ps);
        return planned[0].files;
      });
      if (result != CommitResult.COMMITTED) {
        throw new io.lakota.errors.CommitConflictException(pod.toString(), 1);
      }
      return published(planned[0]);
    }
    SupportsCompareAndSet refs = refs();
    if (refs != null) {
      for (int attempt = 1; attempt <= Backoff.MAX_ATTEMPTS; attempt++) {
        CommitAttempt a = RefCommit.attempt(this, refs, payload, ps, log -> true);
        if (a.isCommitted()) {
          return a.revisions();
        }
        Backoff.pause(attempt);
      }
      throw new io.lakota.errors.CommitConflictException(pod.toString(), Backoff.MAX_ATTEMPTS);
    }
    Plan plan = plan(pod.ls(".", true), payload, Digests.sha1(payload), ps);
    for (Map.Entry<String, byte[]> f : plan.files.entrySet()) {
      pod.write(f.getKey(), f.getValue());
    }
    return published(plan);
  }

  /**
   * Conditional commit (LOADCURVE.md CC3): writes {@code payload} on {@code expectedHead} (on {@code phi} when it is
   * null) only if the leaf is still {@code expectedHead} (no leaf at all for null), so that concurrent writers of
   * this implementation never fork. A payload equal to the head's content commits nothing.
   *
   * <p>How the head is checked depends on the pod: with {@link SupportsAtomicCommit} the check and the write happen
   * under the folder's commit lock; with {@link SupportsCompareAndSet} the winner is decided on the folder's head
   * ref before its revision file is written ({@link RefCommit}); on other pods the check is a best effort (a
   * listing just before the write), see {@link #isConditional()}.
   *
   * @return the outcome; on {@link CommitResult#LOCK_FAILURE} nothing was written and the cached log is dropped
   * @throws io.lakota.errors.CommitStateUnknownException when the outcome cannot be known (do not clean up)
   */
  public CommitAttempt commitIf(byte[] payload, Revision expectedHead) {
    String parent = expectedHead == null ? RevisionName.PHI : expectedHead.child();
    return commitWhen(payload, List.of(parent), log -> isHead(log, expectedHead));
  }

  /**
   * Conditional multi-parent commit, for merges: writes {@code payload} on each of {@code parents} only if the
   * leaves of the log are still exactly {@code expectedLeaves} (same files, same order), so that a merge never
   * forks against a writer that committed after the merge read the log. Same protocol per pod as
   * {@link #commitIf(byte[], Revision)}.
   */
  public CommitAttempt commitIfLeaves(byte[] payload, List<String> parents, List<Revision> expectedLeaves) {
    List<String> expected = new ArrayList<>();
    for (Revision r : expectedLeaves) {
      expected.add(r.path());
    }
    return commitWhen(payload, new ArrayList<>(new LinkedHashSet<>(parents)), log -> {
      List<String> paths = new ArrayList<>();
      for (Revision r : leaves(log)) {
        paths.add(r.path());
      }
      return paths.equals(expected);
    });
  }

  /** Commits on {@code parents} if {@code isExpected} holds for the log the commit is planned from. */
  private CommitAttempt commitWhen(byte[] payload, List<String> ps, Predicate<List<Revision>> isExpected) {
    if (pod instanceof SupportsAtomicCommit) {
      Plan[] planned = new Plan[1];
      // hashed before the lock, and the payload's file written while the listing is taken
      String key = Digests.sha1(payload);
      CommitResult result = ((SupportsAtomicCommit) pod).commitIf(".", List.of(payload), listing -> {
        Plan p = plan(listing, payload, key, ps);
        planned[0] = p;
        return isExpected.test(p.before) ? p.files : null;
      });
      if (result != CommitResult.COMMITTED) {
        refresh();
        return new CommitAttempt(result, List.of());
      }
      return new CommitAttempt(result, published(planned[0]));
    }
    SupportsCompareAndSet refs = refs();
    if (refs != null) {
      return RefCommit.attempt(this, refs, payload, ps, isExpected);
    }
    Plan plan = plan(pod.ls(".", true), payload, Digests.sha1(payload), ps);
    if (!isExpected.test(plan.before)) {
      refresh();
      return new CommitAttempt(CommitResult.LOCK_FAILURE, List.of());
    }
    for (Map.Entry<String, byte[]> f : plan.files.entrySet()) {
      pod.write(f.getKey(), f.getValue());
    }
    return new CommitAttempt(CommitResult.COMMITTED, published(plan), leaves(plan.before));
  }

  /**
   * True if this changelog's pod lets {@link #commitIf} exclude concurrent writers (it has
   * {@link SupportsAtomicCommit}, or {@link SupportsCompareAndSet} that its backend supports); otherwise concurrent
   * writers may fork and must merge after committing.
   */
  public boolean isConditional() {
    return pod instanceof SupportsAtomicCommit || refs() != null;
  }

  /** The pod as a compare-and-set pod, or null when it is none or its backend lacks the capability. */
  private SupportsCompareAndSet refs() {
    return pod instanceof SupportsCompareAndSet cas && cas.supportsCompareAndSet() ? cas : null;
  }

  /** The leaves of {@code log}, in log order. */
  static List<Revision> leaves(List<Revision> log) {
    List<Revision> out = new ArrayList<>();
    for (Revision r : log) {
      if (r.isLeaf()) {
        out.add(r);
      }
    }
    return out;
  }

  static boolean isHead(List<Revision> log, Revision expected) {
    Revision leaf = log.isEmpty() ? null : log.get(log.size() - 1);
    return expected == null ? leaf == null : leaf != null && leaf.path().equals(expected.path());
  }

  /** The revision files of one commit, planned from a listing of the folder. */
  static final class Plan {
    /** The log as of the listing. */
    final List<Revision> before;
    /** File name → content, repair revisions first. */
    final Map<String, byte[]> files = new LinkedHashMap<>();
    /** The listing plus the planned files. */
    final List<String> names;
    /** The revisions of the payload (not the repairs), in parent order. */
    final List<Revision> written = new ArrayList<>();
    /** The snapshot of the listing. */
    final LogSnapshot snapshot;

    Plan(LogSnapshot snapshot, List<String> names) {
      this.before = snapshot.log;
      this.names = names;
      this.snapshot = snapshot;
    }
  }

  /**
   * Plans the files of a commit of {@code payload}, whose SHA-1 is {@code key}, on {@code parents} (the leaf when
   * empty) given a listing.
   */
  Plan plan(List<String> listing, byte[] payload, String key, List<String> parents) {
    List<String> names = new ArrayList<>(listing);
    Plan plan = new Plan(snapshotOf(listing), names);
    List<String> ps = new ArrayList<>(parents);
    if (ps.isEmpty()) {
      ps.add(plan.before.isEmpty() ? RevisionName.PHI : plan.before.get(plan.before.size() - 1).child());
    }
    LogSnapshot listed = plan.snapshot;
    // the children of the listing (read-only, shared with the snapshot) plus those planned here
    Set<String> plannedChildren = new HashSet<>();
    Predicate<String> exists = c -> listed.childCount(c) > 0 || plannedChildren.contains(c);
    // writers this pod cannot exclude start merges and repairs where their concurrent twins do (sharedStart)
    boolean concurrent = !isConditional();
    long t = ps.size() > 1 && concurrent ? sharedStart(listed, clock.millis()) : clock.millis();
    for (String p : ps) {
      if (!p.equals(RevisionName.PHI) && RevisionName.digest(p).equals(key)) {
        continue;
      }
      String parent = p;
      if (!p.equals(RevisionName.PHI) && listed.childCount(p) >= 2) {
        long from = concurrent ? sharedStart(listed, t) : t;
        Revision repair = repair(p, names, exists, plannedChildren, from, plan.files);
        names.add(repair.path());
        parent = repair.child();
      }
      if (!parent.equals(RevisionName.PHI)) {
        // commit times strictly increase along a chain, whatever the writers' clocks say (CC5)
        t = Math.max(t, Hextime.millis(RevisionName.epoch(parent)) + 1);
      } else {
        // a root commit (squash, multi(root=True)) must become the leaf, and leaves are chosen by time: chains whose
        // times ran ahead of the clock (several commits in one millisecond) must not hide it
        t = Math.max(t, Math.max(latest(listed.children()), latest(plannedChildren)) + 1);
      }
      String child = RevisionName.part(t, key);
      while (exists.test(child)) {
        t++;
        child = RevisionName.part(t, key);
      }
      plannedChildren.add(child);
      Revision r = new Revision(parent, child, false);
      plan.files.put(r.path(), payload);
      names.add(r.path());
      plan.written.add(r);
      t++;
    }
    return plan;
  }

  /**
   * Where the child times of a commit on several parents (a merge), and of a repair, start on a pod that cannot
   * exclude concurrent writers: the same for every writer that listed the same folder in the same second of
   * {@code now}, so concurrent mergers of the same leaves (which compute the same payload) write the same files,
   * and so do concurrent repairers of the same child string. Starting at each writer's own millisecond, as
   * single-parent commits do, gave a merger's second parent the child string of another's first one (child strings
   * shared by several files), and each repairer a repair of its own (more leaves, repaired again by later writers).
   */
  private static long sharedStart(LogSnapshot listed, long now) {
    return Math.max(now - Math.floorMod(now, 1000L), latest(listed.children()) + 1);
  }

  /** The latest commit time among {@code children} (revision child strings), 0 when there is none. */
  private static long latest(Iterable<String> children) {
    long latest = 0;
    for (String child : children) {
      if (!child.equals(RevisionName.PHI)) {
        latest = Math.max(latest, Hextime.millis(RevisionName.epoch(child)));
      }
    }
    return latest;
  }

  /**
   * Caches the payloads of a published plan and its log (what a refresh would read, without listing again). One
   * revision appended to the leaf extends the planned traversal; anything else traverses the new listing.
   */
  List<Revision> published(Plan plan) {
    for (Map.Entry<String, byte[]> f : plan.files.entrySet()) {
      cache(f.getKey(), f.getValue());
    }
    LogSnapshot next = plan.files.isEmpty() ? plan.snapshot
        : plan.files.size() == 1 ? plan.snapshot.append(plan.written.get(0)) : null;
    if (next == null) {
      next = snapshotOf(plan.names);
    }
    snapshot = next;
    log = next.log;
    return plan.written;
  }

  /**
   * Plans the repair revision of a parent string {@code p} shared by several files: the payload of {@code p} under
   * the parent of the last revision (in log order) whose child is {@code p}, with a child string whose hextime is
   * after {@code p}'s and not before {@code now}.
   */
  private Revision repair(String p, List<String> names, Predicate<String> exists, Set<String> plannedChildren,
      long now, Map<String, byte[]> files) {
    Revision last = null;
    for (Revision r : traverse(names)) {
      if (r.child().equals(p)) {
        last = r;
      }
    }
    if (last == null) {
      // every file naming p as child was skipped by the traversal (a cycle): nothing to attach the repair to
      throw new io.lakota.errors.CorruptObjectException(p, "no revision of the log has this child, cannot repair it");
    }
    byte[] content = read(last);
    long t = Math.max(now, Hextime.millis(RevisionName.epoch(p)) + 1);
    String digest = RevisionName.digest(p);
    String child = RevisionName.part(t, digest);
    while (exists.test(child)) {
      t++;
      child = RevisionName.part(t, digest);
    }
    plannedChildren.add(child);
    Revision repair = new Revision(last.parent(), child, false);
    LOG.log(System.Logger.Level.INFO, "Repairing revision {0} of {1} as {2}", p, pod, repair.path());
    files.put(repair.path(), content);
    return repair;
  }

  /** The hextime of now, per this changelog's clock. */
  public String now() {
    return Hextime.of(clock.millis());
  }

  @Override
  public String toString() {
    return "Changelog(" + pod + ")";
  }
}
