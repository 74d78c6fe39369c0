package io.lakota.storage;

import io.lakota.errors.NotEmptyException;
import io.lakota.errors.NotFoundException;
import java.util.List;
import java.util.Objects;

/**
 * A remote pod with a local read cache (the reference's {@code CachePOD}, SEMANTICS.md §7.4); usually a
 * {@link io.lakota.storage.memory.MemoryPod} (possibly in LRU mode) or a file pod in front of a slow remote.
 *
 * <p>The remote is the truth for the tree: {@code ls}, {@code walk}, {@code isDir} and {@code isFile} ask the
 * remote only, so a file the remote lost is not listed even if the cache holds it. Reads try the local side first
 * and fill it from the remote on a miss. Writes go to the local side then to the remote, whose result is returned;
 * removals and moves go to the remote then to the local side. The kind is the remote's; metrics are recorded by
 * the two inner pods only.
 *
 * <p>Thread-safe if both pods are. The two sides are not updated atomically together: a concurrent reader may fill
 * the cache with a file that a concurrent {@code rm} is removing.
 */
public final class CachePod implements Pod {
  private final Pod local;
  private final Pod remote;

  /** A pod caching the files of {@code remote} in {@code local}. */
  public CachePod(Pod local, Pod remote) {
    this.local = Objects.requireNonNull(local, "local");
    this.remote = Objects.requireNonNull(remote, "remote");
  }

  /** The cache side. */
  public Pod local() {
    return local;
  }

  /** The authoritative side. */
  public Pod remote() {
    return remote;
  }

  @Override
  public String kind() {
    return remote.kind();
  }

  @Override
  public CachePod cd(String path) {
    return new CachePod(local.cd(path), remote.cd(path));
  }

  @Override
  public List<String> ls(String path, boolean missingOk) {
    return remote.ls(path, missingOk);
  }

  @Override
  public byte[] read(String path) {
    try {
      return local.read(path);
    } catch (NotFoundException e) {
      byte[] data = remote.read(path);
      local.write(path, data);
      return data;
    }
  }

  @Override
  public long write(String path, byte[] data, boolean force) {
    local.write(path, data, force);
    return remote.write(path, data, force);
  }

  @Override
  public boolean isDir(String path) {
    return remote.isDir(path);
  }

  @Override
  public boolean isFile(String path) {
    return remote.isFile(path);
  }

  @Override
  public void rm(String path, boolean recursive, boolean missingOk) {
    remote.rm(path, recursive, missingOk);
    try {
      local.rm(path, recursive, true);
    } catch (NotEmptyException e) {
      // the remote folder was empty, so whatever the cache still holds below it is stale
      local.rm(path, true, true);
    }
  }

  @Override
  public void mv(String from, String to, boolean missingOk) {
    remote.mv(from, to, missingOk);
    try {
      local.mv(from, to, false);
    } catch (NotFoundException e) {
      // not cached: drop any cached copy of the target file, which the remote has just replaced
      if (local.isFile(to)) {
        local.rm(to, false, true);
      }
    }
  }

  @Override
  public List<String> walk(int maxDepth) {
    return remote.walk(maxDepth);
  }

  /** The local and the remote location, the remote last. */
  @Override
  public String toString() {
    return local + " > " + remote;
  }
}
