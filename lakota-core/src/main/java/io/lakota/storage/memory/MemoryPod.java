package io.lakota.storage.memory;

import io.lakota.errors.InvalidPathException;
import io.lakota.errors.NotEmptyException;
import io.lakota.errors.NotFoundException;
import io.lakota.errors.StorageException;
import io.lakota.errors.ValidationException;
import io.lakota.storage.CommitResult;
import io.lakota.storage.FolderLocks;
import io.lakota.storage.PodMetrics;
import io.lakota.storage.PodPath;
import io.lakota.storage.SupportsAtomicCommit;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A pod kept in process memory (the reference's {@code MemPOD}, SEMANTICS.md §7.3), kind {@code "MemPOD"}.
 *
 * <p>Each {@code new MemoryPod()} has its own store; pods obtained by {@link #cd} share it. Folders are explicit:
 * writing creates them, and a folder emptied by {@code rm} remains until removed itself. {@code ls} returns names
 * in insertion order. Stored bytes are copied on write and on read, so callers never share arrays with the store.
 *
 * <p>{@link #withLru(long)} makes a lossy cache of about that many bytes, meant as the local side of a
 * {@link io.lakota.storage.CachePod}: files older than two generations disappear and folder listings written
 * after a generation swap only show the entries added since.
 *
 * <p>Thread-safe: every operation runs under the lock of the shared store, so a reader sees a file either
 * absent or whole.
 */
public final class MemoryPod implements SupportsAtomicCommit {
  /** The metrics kind of memory pods. */
  public static final String KIND = "MemPOD";

  private static final System.Logger LOG = System.getLogger("lakota");

  private final MemoryStore store;
  private final String root;
  private final FolderLocks commitLocks;

  /** An empty memory pod without LRU. */
  public MemoryPod() {
    this(new MemoryStore(0), PodPath.ROOT, new FolderLocks());
  }

  private MemoryPod(MemoryStore store, String root, FolderLocks commitLocks) {
    this.store = store;
    this.root = root;
    this.commitLocks = commitLocks;
  }

  /**
   * An empty memory pod in LRU mode: two generations are kept and the front one is swapped out when the files it
   * holds exceed {@code maxBytes / 2} bytes.
   *
   * @throws ValidationException when {@code maxBytes} is not positive
   */
  public static MemoryPod withLru(long maxBytes) {
    ValidationException.check(maxBytes > 0, "Cannot create a memory pod: lru size must be positive, got %d", maxBytes);
    return new MemoryPod(new MemoryStore(maxBytes), PodPath.ROOT, new FolderLocks());
  }

  /** The LRU size in bytes, 0 when this pod keeps everything. */
  public long lruSize() {
    return store.lruSize();
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public MemoryPod cd(String path) {
    return new MemoryPod(store, key(PodPath.normalize(path)), commitLocks);
  }

  @Override
  public List<String> ls(String path, boolean missingOk) {
    String rel = PodPath.normalize(path);
    debug("LIST", rel);
    synchronized (store) {
      Object item = store.get(key(rel));
      if (item == null) {
        if (missingOk) {
          return new ArrayList<>();
        }
        throw new NotFoundException(shown(rel), "Cannot list " + shown(rel) + ": no such folder");
      }
      if (item instanceof MemoryStore.File) {
        throw new StorageException(shown(rel), "Cannot list " + shown(rel) + ": not a folder");
      }
      return new ArrayList<>(((MemoryStore.Folder) item).names);
    }
  }

  @Override
  public byte[] read(String path) {
    String rel = PodPath.normalize(path);
    debug("READ", rel);
    byte[] data;
    synchronized (store) {
      Object item = store.get(key(rel));
      if (item == null) {
        throw new NotFoundException(shown(rel), "Cannot read " + shown(rel) + ": no such file");
      }
      if (item instanceof MemoryStore.Folder) {
        throw new StorageException(shown(rel), "Cannot read " + shown(rel) + ": is a folder");
      }
      data = ((MemoryStore.File) item).data;
    }
    PodMetrics.read(KIND, data.length);
    return data.clone(); // stored arrays are never mutated, so the copy can be made outside the lock
  }

  @Override
  public long write(String path, byte[] data, boolean force) {
    String rel = PodPath.normalize(path);
    if (rel.isEmpty()) {
      throw new InvalidPathException(path, "names the pod root, not a file");
    }
    byte[] copy = data.clone();
    PodMetrics.write(KIND, copy.length);
    synchronized (store) {
      long written = writeLocked(rel, copy, force);
      debug(written < 0 ? "SKIP-WRITE" : "WRITE", rel);
      return written;
    }
  }

  private long writeLocked(String rel, byte[] copy, boolean force) {
    String key = key(rel);
    List<String> parts = PodPath.components(key);
    // check before changing anything, so that a refused write leaves no folder behind
    String prefix = PodPath.ROOT;
    for (int i = 0; i < parts.size() - 1; i++) {
      prefix = PodPath.join(prefix, parts.get(i));
      if (store.peek(prefix) instanceof MemoryStore.File) {
        throw new StorageException(shown(rel), "Cannot write " + shown(rel) + ": a parent folder is a file");
      }
    }
    if (store.peek(key) instanceof MemoryStore.Folder) {
      throw new StorageException(shown(rel), "Cannot write " + shown(rel) + ": is a folder");
    }
    String parent = PodPath.ROOT;
    for (String part : parts) {
      store.setFolder(parent).names.add(part);
      parent = PodPath.join(parent, part);
    }
    Object existing = store.get(key);
    if (existing != null && !force) {
      return -1;
    }
    store.set(key, new MemoryStore.File(copy));
    return copy.length;
  }

  @Override
  public boolean isDir(String path) {
    String key = key(PodPath.normalize(path));
    synchronized (store) {
      return store.get(key) instanceof MemoryStore.Folder;
    }
  }

  @Override
  public boolean isFile(String path) {
    String key = key(PodPath.normalize(path));
    synchronized (store) {
      return store.get(key) instanceof MemoryStore.File;
    }
  }

  @Override
  public void rm(String path, boolean recursive, boolean missingOk) {
    String rel = PodPath.normalize(path);
    debug("REMOVE", rel);
    synchronized (store) {
      removeLocked(rel, recursive, missingOk);
    }
  }

  private void removeLocked(String rel, boolean recursive, boolean missingOk) {
    String key = key(rel);
    // peek: checking what to remove must not promote entries into the front generation
    Object item = store.peek(key);
    if (item == null) {
      if (missingOk) {
        return;
      }
      throw new NotFoundException(shown(rel), "Cannot remove " + shown(rel) + ": no such file or folder");
    }
    if (item instanceof MemoryStore.Folder) {
      if (!recursive && !((MemoryStore.Folder) item).names.isEmpty()) {
        throw new NotEmptyException(shown(rel));
      }
      store.deleteBelow(key);
    }
    if (key.isEmpty()) {
      // the store root always exists: removing it empties it
      store.delete(key);
      store.setFolder(key);
    } else {
      store.delete(key);
      store.unregister(PodPath.parent(key), PodPath.name(key));
    }
  }

  @Override
  public void mv(String from, String to, boolean missingOk) {
    String src = PodPath.normalize(from);
    String dst = PodPath.normalize(to);
    if (dst.isEmpty()) {
      throw new InvalidPathException(to, "names the pod root, not a file");
    }
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(Level.DEBUG, "MOVE " + this + "/" + src + " to " + this + "/" + dst);
    }
    synchronized (store) {
      // read + write + rm as in the reference, but atomic for other users of the store
      Object item = store.get(key(src));
      if (item == null) {
        if (missingOk) {
          return;
        }
        throw new NotFoundException(shown(src), "Cannot move " + shown(src) + " to " + dst + ": no such file");
      }
      if (item instanceof MemoryStore.Folder) {
        throw new StorageException(shown(src), "Cannot move " + shown(src) + " to " + dst + ": is a folder");
      }
      if (src.equals(dst)) {
        return;
      }
      writeLocked(dst, ((MemoryStore.File) item).data, true);
      removeLocked(src, false, false);
    }
  }

  @Override
  public List<String> walk(int maxDepth) {
    List<String> out = new ArrayList<>();
    if (maxDepth == 0) {
      return out;
    }
    List<String> keys;
    synchronized (store) {
      keys = store.filesBelow(root);
    }
    int skip = root.isEmpty() ? 0 : root.length() + 1;
    for (String key : keys) {
      String rel = key.substring(skip);
      if (maxDepth < 0 || depth(rel) <= maxDepth) {
        out.add(rel);
      }
    }
    return out;
  }

  private static int depth(String rel) {
    int depth = 1;
    for (int i = 0; i < rel.length(); i++) {
      if (rel.charAt(i) == '/') {
        depth++;
      }
    }
    return depth;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The lock is an in-process lock per folder, shared by every pod {@code cd} derives from the same store; other
   * operations are not blocked by it.
   */
  @Override
  public CommitResult commitIf(String folder, Function<List<String>, Map<String, byte[]>> plan) {
    String rel = PodPath.normalize(folder);
    ReentrantLock lock = commitLocks.acquire(key(rel));
    if (lock == null) {
      return CommitResult.LOCK_FAILURE;
    }
    try {
      Map<String, byte[]> files = plan.apply(ls(rel, true));
      if (files == null) {
        return CommitResult.LOCK_FAILURE;
      }
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        write(PodPath.join(rel, f.getKey()), f.getValue(), false);
      }
      return CommitResult.COMMITTED;
    } finally {
      lock.unlock();
    }
  }

  private String key(String rel) {
    return PodPath.join(root, rel);
  }

  private static String shown(String rel) {
    return PodPath.display(rel);
  }

  private void debug(String operation, String rel) {
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(Level.DEBUG, operation + " " + this + " " + PodPath.display(rel));
    }
  }

  /** {@code memory://} followed by this pod's path in the store. */
  @Override
  public String toString() {
    return "memory://" + root;
  }

  // package-visible views of the LRU state, for tests (SEMANTICS.md §21.7 P-12)

  int frontEntries() {
    synchronized (store) {
      return store.frontEntries();
    }
  }

  int backEntries() {
    synchronized (store) {
      return store.backEntries();
    }
  }

  long size() {
    synchronized (store) {
      return store.size();
    }
  }

  long swaps() {
    synchronized (store) {
      return store.swaps();
    }
  }

  long frontFileBytes() {
    synchronized (store) {
      return store.frontFileBytes();
    }
  }
}
