package io.lakota.version;

import io.lakota.storage.CommitResult;
import java.util.List;

/**
 * The outcome of a conditional commit ({@link Changelog#commitIf}): the result and the revisions written (empty on
 * {@link CommitResult#LOCK_FAILURE}, and also when the payload equalled the head's content), and the leaves of the
 * listing the commit was checked against. Immutable.
 *
 * @param checked the leaves of the log the commit was planned from (empty when unknown): on a pod without a commit
 *     capability, a writer merges at once only the leaves that appeared since, never older forks
 */
public record CommitAttempt(CommitResult result, List<Revision> revisions, List<Revision> checked) {
  public CommitAttempt {
    revisions = List.copyOf(revisions);
    checked = List.copyOf(checked);
  }

  /** An outcome without the checked leaves. */
  public CommitAttempt(CommitResult result, List<Revision> revisions) {
    this(result, revisions, List.of());
  }

  /** True if the commit went through. */
  public boolean isCommitted() {
    return result == CommitResult.COMMITTED;
  }
}
