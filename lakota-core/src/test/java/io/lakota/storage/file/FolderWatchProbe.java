package io.lakota.storage.file;

/** Test access, from other packages, to the process's {@link FolderWatch}. */
public final class FolderWatchProbe {
  private FolderWatchProbe() {}

  /** How many commit listings the process's watch has answered from its cache. */
  public static long cachedListings() {
    return FolderWatch.get().cachedListings();
  }
}
