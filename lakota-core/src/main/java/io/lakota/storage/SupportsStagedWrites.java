package io.lakota.storage;

/**
 * Optional pod capability: writing a file's content before its name is known. The core stages a large data file
 * as soon as its bytes are encoded and names it once its digest is computed, so that storing the content overlaps
 * with hashing (the digest of a large column is a sequential SHA-1 pass). The core probes for it with
 * {@code instanceof}; pods without it get a plain {@link #write} once the name is known.
 *
 * <p>Implementation: the file pod, which writes the content to a temporary file at once and links it into place on
 * {@link Staged#publish}.
 */
public interface SupportsStagedWrites extends Pod {

  /**
   * Stores {@code data} where no reader sees it, until {@link Staged#publish} names it. The caller must
   * {@link Staged#close} the result in every case (after publishing, or to discard the content).
   */
  Staged stage(byte[] data);

  /** Content stored by {@link #stage}, not yet visible. Not thread-safe: one thread publishes, then closes. */
  interface Staged extends AutoCloseable {

    /**
     * Makes the content visible at {@code path} (write-once: nothing happens when a file is there), atomically;
     * callable once.
     *
     * @return the number of bytes written, or -1 when a file already existed
     */
    long publish(String path);

    /** Removes the stored content if it was not published; never fails for a missing temporary copy. */
    @Override
    void close();
  }
}
