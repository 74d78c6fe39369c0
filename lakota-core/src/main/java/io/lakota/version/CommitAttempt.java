package io.lakota.version;

import io.lakota.storage.CommitResult;
import java.util.List;

/**
 * The outcome of a conditional commit ({@link Changelog#commitIf}): the result and the revisions written (empty on
 * {@link CommitResult#LOCK_FAILURE}, and also when the payload equalled the head's content). Immutable.
 */
public record CommitAttempt(CommitResult result, List<Revision> revisions) {
  public CommitAttempt {
    revisions = List.copyOf(revisions);
  }

  /** True if the commit went through. */
  public boolean isCommitted() {
    return result == CommitResult.COMMITTED;
  }
}
