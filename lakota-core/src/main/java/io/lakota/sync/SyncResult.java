package io.lakota.sync;

/**
 * What a pull or push copied: data files and revision files, summed over the collections (and the registry) it
 * synchronized. Immutable.
 *
 * @param dataFiles data files written to the destination (files it already held are not counted)
 * @param revisions revision files written to the destination
 */
public record SyncResult(long dataFiles, long revisions) {
  /** Nothing copied. */
  public static final SyncResult EMPTY = new SyncResult(0, 0);

  /** The sum of two results. */
  public SyncResult plus(SyncResult other) {
    return new SyncResult(dataFiles + other.dataFiles, revisions + other.revisions);
  }
}
