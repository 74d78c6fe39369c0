package io.lakota.storage;

/**
 * The expected outcomes of a conditional commit. A lost race is a result, not an exception: the caller re-reads
 * the head and tries again. An outcome that cannot be known is {@link io.lakota.errors.CommitStateUnknownException}.
 */
public enum CommitResult {
  /** The head was the expected one and the commit is now visible. */
  COMMITTED,
  /** The head had moved (or the commit lock could not be taken in time): nothing was written. */
  LOCK_FAILURE
}
