package io.lakota.storage;

/**
 * Optional pod capability: compare-and-set on small named refs, for backends that cannot lock but can write
 * conditionally (S3 {@code If-Match}/{@code If-None-Match}, a SQL {@code UPDATE … WHERE version = ?}, our HTTP
 * server). The core uses one ref per changelog folder to decide which writer's revision becomes the head, and
 * writes the revision file only after winning, so a loser never leaves a visible sibling (docs/concurrency.md).
 *
 * <p>Refs are not files: they never appear in {@code ls} or {@code walk}, and the pod stores them where the
 * reference implementation does not look (never inside a changelog folder, never at depth 1 or 2 of a top-level
 * folder, which the reference's garbage collector treats as data). Ref names are {@code /}-separated and relative to
 * the pod, like paths.
 *
 * <p>A pod may implement the interface and still lack the capability on its server (an S3 endpoint that ignores
 * conditional writes): {@link #supportsCompareAndSet()} then says false, and the core treats the pod as a plain one.
 */
public interface SupportsCompareAndSet extends Pod {

  /**
   * True if {@link #readRef} and {@link #compareAndSet} work on this pod's backend. The core asks before every
   * conditional commit, so an implementation that must probe its server caches the answer.
   */
  default boolean supportsCompareAndSet() {
    return true;
  }

  /** A ref's content and the opaque version token the next compare-and-set must name. Immutable. */
  record Ref(byte[] value, String version) {
    public Ref {
      value = value.clone();
    }

    @Override
    public byte[] value() {
      return value.clone();
    }
  }

  /** The current value of {@code name}, or null when the ref does not exist. */
  Ref readRef(String name);

  /**
   * Replaces {@code name}'s value with {@code update} if its version is still {@code expectedVersion} (null: only
   * if the ref does not exist yet).
   *
   * @return {@link CommitResult#COMMITTED} or {@link CommitResult#LOCK_FAILURE}
   * @throws io.lakota.errors.CommitStateUnknownException when the backend failed after the update may have been
   *     applied
   */
  CommitResult compareAndSet(String name, String expectedVersion, byte[] update);
}
