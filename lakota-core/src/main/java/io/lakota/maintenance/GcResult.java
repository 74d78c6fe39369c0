package io.lakota.maintenance;

import java.util.List;

/**
 * The outcome of a garbage collection (SEMANTICS.md §16), or of a dry run, which lists the same paths without
 * touching anything. Paths are relative to the repository root. Immutable.
 *
 * @param hardDeleted buried data files deleted for good (phase 2): their burial is older than the timeout
 * @param softDeleted unreferenced data files buried (phase 1), renamed {@code <path>.<hextime>}
 * @param resurrected buried data files referenced again, renamed back to their canonical path
 * @param deletedPaths the buried paths deleted (or that a dry run would delete)
 * @param buriedPaths the canonical paths buried (or that a dry run would bury)
 * @param resurrectedPaths the buried paths renamed back (or that a dry run would rename back)
 * @param dryRun true if nothing was changed
 */
public record GcResult(long hardDeleted, long softDeleted, long resurrected, List<String> deletedPaths,
    List<String> buriedPaths, List<String> resurrectedPaths, boolean dryRun) {

  public GcResult {
    deletedPaths = List.copyOf(deletedPaths);
    buriedPaths = List.copyOf(buriedPaths);
    resurrectedPaths = List.copyOf(resurrectedPaths);
  }
}
