package io.lakota.version;

import io.lakota.errors.CommitStateUnknownException;
import io.lakota.errors.CorruptObjectException;
import io.lakota.errors.LakotaException;
import io.lakota.id.Digests;
import io.lakota.id.RevisionName;
import io.lakota.storage.CommitResult;
import io.lakota.storage.SupportsCompareAndSet;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Conditional commits on pods that offer compare-and-set on refs but no lock ({@link SupportsCompareAndSet}: S3
 * conditional writes, SQL, our HTTP server). The changelog folder has one ref, {@value #REF}, holding the files of
 * the last commit decided through it. A writer:
 *
 * <ol>
 *   <li>reads the ref, and writes its files if they are not in the folder yet (rolling a decided commit forward:
 *       its writer may have died between winning and writing);
 *   <li>lists the folder, checks that the leaf is the expected head, and plans its files;
 *   <li>compare-and-sets the ref from the version it read to its own files: the winner is decided here, before any
 *       revision file is visible, so a loser leaves nothing behind;
 *   <li>writes its revision files (write-once).
 * </ol>
 *
 * <p>Two writers of this implementation that start from the same head cannot both pass step 3, so they never
 * fork. Stateless.
 */
final class RefCommit {
  /** The name of a changelog folder's head ref, relative to the folder. */
  static final String REF = "head";

  private RefCommit() {}

  /**
   * One attempt: commits on {@code parents} if {@code isExpected} holds for the log read after the roll-forward
   * (always true for an unconditional commit, which still goes through the ref so that it cannot fork against
   * conditional writers).
   */
  static CommitAttempt attempt(Changelog log, SupportsCompareAndSet pod, byte[] payload, List<String> parents,
      Predicate<List<Revision>> isExpected) {
    SupportsCompareAndSet.Ref ref = pod.readRef(REF);
    if (ref != null) {
      rollForward(pod, decode(ref.value()));
    }
    Changelog.Plan plan = log.plan(pod.ls(".", true), payload, Digests.sha1(payload), parents);
    if (!isExpected.test(plan.before)) {
      log.refresh();
      return new CommitAttempt(CommitResult.LOCK_FAILURE, List.of());
    }
    if (plan.files.isEmpty()) {
      return new CommitAttempt(CommitResult.COMMITTED, List.of());
    }
    CommitResult result = pod.compareAndSet(REF, ref == null ? null : ref.version(), encode(plan.files));
    if (result != CommitResult.COMMITTED) {
      log.refresh();
      return new CommitAttempt(result, List.of());
    }
    try {
      // the winner's own files, without the roll-forward's check: only in the moment since its compare-and-set could
      // another writer have published them, committed on top and had them trimmed
      for (Map.Entry<String, byte[]> f : plan.files.entrySet()) {
        pod.write(f.getKey(), f.getValue());
      }
    } catch (LakotaException e) {
      // the commit is decided (the ref names it) but not yet visible; the next writer will publish it
      throw new CommitStateUnknownException(pod.toString(), "Cannot publish the revision of a decided commit in "
          + pod + ": " + e.getMessage(), e);
    }
    return new CommitAttempt(CommitResult.COMMITTED, log.published(plan));
  }

  /**
   * Writes the files a ref names that are missing from the folder (write-once: present files are left alone), unless
   * the folder shows that such a file was published and trimmed since: a writer that read the ref, then stalled
   * while later commits were decided and a trim removed this one, would otherwise write an old revision back as a
   * second leaf. A decided commit whose writer died is still rolled forward: nothing can be committed on top of it
   * before it is, so its parent is still listed (a root commit: nothing listed is newer).
   */
  private static void rollForward(SupportsCompareAndSet pod, Map<String, byte[]> files) {
    List<String> listing = null;
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      if (pod.isFile(f.getKey())) {
        continue;
      }
      if (listing == null) {
        listing = new ArrayList<>(pod.ls(".", true));
      }
      if (fits(Revision.fromPath(f.getKey()), listing)) {
        pod.write(f.getKey(), f.getValue());
        // a commit's later files may hang on this one (a repair revision comes before the revision built on it)
        listing.add(f.getKey());
      }
    }
  }

  /**
   * Whether {@code r} can still be the newest revision of the folder {@code listing}: its parent is the child of a
   * listed revision, or, for a root revision, no listed revision is as recent.
   */
  static boolean fits(Revision r, List<String> listing) {
    boolean root = r.parent().equals(RevisionName.PHI);
    for (String name : listing) {
      if (!RevisionName.isName(name)) {
        continue;
      }
      Revision listed = Revision.fromPath(name);
      if (root ? listed.epoch().compareTo(r.epoch()) >= 0 : listed.child().equals(r.parent())) {
        return !root;
      }
    }
    return root;
  }

  /** {@code <name>\n<length>\n<bytes>} per file. */
  static byte[] encode(Map<String, byte[]> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      out.writeBytes((f.getKey() + "\n" + f.getValue().length + "\n").getBytes(StandardCharsets.UTF_8));
      out.writeBytes(f.getValue());
    }
    return out.toByteArray();
  }

  /** The files of a ref value, each checked against the digest in its name. */
  static Map<String, byte[]> decode(byte[] value) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    int pos = 0;
    while (pos < value.length) {
      int nl = indexOf(value, pos);
      int nl2 = indexOf(value, nl + 1);
      String name = new String(value, pos, nl - pos, StandardCharsets.UTF_8);
      int length;
      try {
        length = Integer.parseInt(new String(value, nl + 1, nl2 - nl - 1, StandardCharsets.US_ASCII));
      } catch (NumberFormatException e) {
        throw new CorruptObjectException(REF, "bad length in head ref", e);
      }
      if (!RevisionName.isName(name) || length < 0 || length > value.length - nl2 - 1) {
        throw new CorruptObjectException(REF, "bad entry \"" + name + "\" in head ref");
      }
      byte[] data = java.util.Arrays.copyOfRange(value, nl2 + 1, nl2 + 1 + length);
      if (!Digests.sha1(data).equals(Revision.fromPath(name).childDigest())) {
        throw new CorruptObjectException(REF, "content of \"" + name + "\" in head ref does not match its name");
      }
      files.put(name, data);
      pos = nl2 + 1 + length;
    }
    return files;
  }

  private static int indexOf(byte[] value, int from) {
    for (int i = from; i < value.length; i++) {
      if (value[i] == '\n') {
        return i;
      }
    }
    throw new CorruptObjectException(REF, "truncated head ref");
  }
}
