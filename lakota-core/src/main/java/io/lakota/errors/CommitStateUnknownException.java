package io.lakota.errors;

/**
 * A conditional commit whose outcome cannot be known: the backend failed after the commit may have been applied
 * (for example a timeout after a conditional PUT). The "failed" commit may have won, so the caller must not clean
 * anything up; it finds out by reading the collection's head again.
 */
public class CommitStateUnknownException extends LakotaException {
  private static final long serialVersionUID = 1L;
  private final String folder;

  public CommitStateUnknownException(String folder, String message, Throwable cause) {
    super(message, cause);
    this.folder = folder;
  }

  /** The changelog folder of the commit, relative to the repository root. */
  public String folder() {
    return folder;
  }
}
