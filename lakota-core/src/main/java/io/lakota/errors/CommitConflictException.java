package io.lakota.errors;

/**
 * A conditional commit that kept losing: other writers moved the collection's head on every one of the bounded
 * attempts. Nothing of this commit is visible (its data files stay until garbage collection).
 */
public class CommitConflictException extends LakotaException {
  private static final long serialVersionUID = 1L;
  private final String folder;
  private final int attempts;

  public CommitConflictException(String folder, int attempts) {
    super("Cannot commit in " + folder + ": the head moved during each of " + attempts + " attempts");
    this.folder = folder;
    this.attempts = attempts;
  }

  /** The changelog folder, relative to the repository root. */
  public String folder() {
    return folder;
  }

  /** How many times the commit was tried. */
  public int attempts() {
    return attempts;
  }
}
