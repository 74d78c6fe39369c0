package io.lakota.storage;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Optional pod capability: an exclusive commit lock per changelog folder, so that checking the head and publishing
 * revision files are one atomic step for every writer that uses it (SEMANTICS.md §18 is the baseline without it;
 * docs/concurrency.md describes the protocol). The core probes for it with {@code instanceof}.
 *
 * <p>The pod only locks, lists, and writes; deciding whether the head is still the expected one, and which files
 * to write, is the core's {@code plan} hook (a template: lock → list → plan → write → unlock). Readers and writers
 * that do not use the lock (the reference implementation) are unaffected: they see each revision file appear
 * atomically, as with any write. The lock itself must be invisible to them: nothing may appear inside the folder
 * or anywhere the reference lists files (FORMAT.md §1, SEMANTICS.md §16).
 *
 * <p>Implementations: the memory pod (an in-process lock per folder) and the file pod (an in-process lock plus an
 * OS file lock on a file below {@code .lakota-tmp/}, so separate processes exclude each other too). An S3 or HTTP
 * pod without such a lock implements {@link SupportsCompareAndSet} instead.
 */
public interface SupportsAtomicCommit extends Pod {

  /**
   * Holds the commit lock of {@code folder} (waiting for other holders, in this process or another), lists the
   * folder ({@code ls(folder, missingOk=true)}), calls {@code plan} with the listing, and writes the files it
   * returns (write-once, in the map's iteration order, each file atomically) before releasing the lock.
   *
   * @param plan gets the folder's entry names; returns the files to write (name relative to the folder → content),
   *     or null when the head is not the expected one. It runs on the calling thread, under the lock, and may read
   *     from this pod.
   * @return {@link CommitResult#COMMITTED} when the files were written, {@link CommitResult#LOCK_FAILURE} when
   *     {@code plan} returned null or the lock could not be taken within the pod's wait limit (nothing written)
   * @throws io.lakota.errors.CommitStateUnknownException when a write failed after it may have become visible
   */
  CommitResult commitIf(String folder, Function<List<String>, Map<String, byte[]>> plan);

  /**
   * {@link #commitIf(String, Function)} for files whose content is known before the listing: {@code contents} are
   * the arrays the plan's files will hold (the same array objects). A pod may prepare them while it takes the
   * listing (the file pod writes their temporary files while the folder's notifications arrive); files whose
   * content is not among them are written as usual. The default ignores {@code contents}.
   */
  default CommitResult commitIf(String folder, List<byte[]> contents,
      Function<List<String>, Map<String, byte[]>> plan) {
    return commitIf(folder, plan);
  }
}
