package io.lakota.object;

import io.lakota.errors.NotFoundException;
import io.lakota.format.codec.BlockCache;
import io.lakota.id.HashedPath;
import io.lakota.storage.Pod;
import io.lakota.storage.SupportsStagedWrites;
import java.util.List;

/**
 * The content-addressed data files of a repository (FORMAT.md §8, §9): an encoded array named {@code d} lives at
 * {@code hashed_path(d)}; a garbage collector may have renamed it {@code <path>.<hextime>} (soft delete), and
 * readers fall back to such a file. Thread-safe; files are write-once.
 */
public final class ObjectStore {
  private final Pod pod;
  private final BlockCache blockCache = new BlockCache();

  /** The object store of the repository rooted at {@code pod}. */
  public ObjectStore(Pod pod) {
    this.pod = pod;
  }

  public Pod pod() {
    return pod;
  }

  /** The cache of range reads on this store's arrays (encoded arrays and decoded blocks). */
  public BlockCache blockCache() {
    return blockCache;
  }

  /**
   * The encoded bytes of object {@code digest}, from its file or a soft-deleted copy.
   *
   * @throws NotFoundException with message {@code File aa/bb/<rest> is missing!} when neither exists
   */
  public byte[] read(String digest) {
    String path = HashedPath.of(digest);
    try {
      return pod.read(path);
    } catch (NotFoundException e) {
      String folder = path.substring(0, 5);
      String name = path.substring(6);
      List<String> names = pod.ls(folder, true);
      for (String candidate : names) {
        if (candidate.startsWith(name) && candidate.length() > name.length() && candidate.charAt(name.length()) == '.') {
          try {
            return pod.read(folder + "/" + candidate);
          } catch (NotFoundException raced) {
            // buried file deleted or restored meanwhile: try the other names, then the canonical one again
          }
        }
      }
      try {
        return pod.read(path);
      } catch (NotFoundException again) {
        throw new NotFoundException(path, "File " + path + " is missing!");
      }
    }
  }

  /** Writes object {@code digest} unless a file already holds it; returns the bytes written or -1. */
  public long write(String digest, byte[] encoded) {
    return pod.write(HashedPath.of(digest), encoded, false);
  }

  /**
   * An object whose encoded bytes are ready before its digest: where the pod can ({@link SupportsStagedWrites}) the
   * bytes are stored now, out of sight, and {@link Pending#publish} names them; elsewhere {@code publish} writes
   * them. Unlike {@link #write}, the bytes are stored even when the object exists already (the digest is not
   * known yet), and then discarded. The result must be closed in every case.
   */
  public Pending stage(byte[] encoded) {
    if (pod instanceof SupportsStagedWrites) {
      SupportsStagedWrites.Staged staged = ((SupportsStagedWrites) pod).stage(encoded);
      return new Pending() {
        @Override
        public long publish(String digest) {
          return staged.publish(HashedPath.of(digest));
        }

        @Override
        public void close() {
          staged.close();
        }
      };
    }
    return new Pending() {
      @Override
      public long publish(String digest) {
        return write(digest, encoded);
      }

      @Override
      public void close() {}
    };
  }

  /** An object stored by {@link #stage}, named by {@link #publish} (once), closed in every case. */
  public interface Pending extends AutoCloseable {
    /** Makes the object visible under its digest (write-once); the bytes written, or -1 when it existed. */
    long publish(String digest);

    @Override
    void close();
  }

  /** True if the object's file exists (soft-deleted copies not counted). */
  public boolean exists(String digest) {
    return pod.isFile(HashedPath.of(digest));
  }
}
