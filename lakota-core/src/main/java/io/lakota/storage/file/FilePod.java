package io.lakota.storage.file;

import io.lakota.errors.CommitStateUnknownException;
import io.lakota.errors.InvalidPathException;
import io.lakota.errors.NotEmptyException;
import io.lakota.errors.NotFoundException;
import io.lakota.errors.StorageException;
import io.lakota.storage.CommitResult;
import io.lakota.storage.FolderLocks;
import io.lakota.storage.PodMetrics;
import io.lakota.storage.PodPath;
import io.lakota.storage.SupportsAtomicCommit;
import io.lakota.storage.SupportsStagedWrites;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A pod stored as plain folders and files under a root directory (the reference's {@code FilePOD}, SEMANTICS.md
 * §7.2), kind {@code "FilePOD"}.
 *
 * <p>Writes are atomic: the content goes to a temporary file in {@code .lakota-tmp/} directly under the repository
 * root (the root given to the constructor, also for pods derived by {@code cd}), then is hard-linked (write-once)
 * or renamed (forced write) into place. That folder only exists while writes are in flight; it is hidden from
 * {@code ls} and {@code walk} and paths inside it are refused. With fsync on, the content and the folder entry are
 * forced to disk before {@code write} returns. A write never creates anything through a symbolic link that leads
 * outside the repository root. Folders are created by writes and are not removed when they become empty.
 *
 * <p>Thread-safe and safe to share with other processes using the same directory: the pod keeps no state besides
 * its paths (the process-wide {@link FolderWatch} only caches what the kernel reports about busy folders). Every
 * {@link IOException} is wrapped once in a {@link StorageException} (or {@link NotFoundException},
 * {@link NotEmptyException}) naming the pod-relative path, with the cause chained.
 */
public final class FilePod implements SupportsAtomicCommit, SupportsStagedWrites {
  /** The metrics kind of file pods. */
  public static final String KIND = "FilePOD";

  private static final System.Logger LOG = System.getLogger("lakota");
  /** The folder, below {@code .lakota-tmp/}, of the commit lock files; see {@link #commitIf}. */
  static final String LOCK_DIR = "locks";
  // one JVM-wide lock per folder: an OS file lock only excludes other processes, and a second lock on the same file
  // from this process would throw OverlappingFileLockException
  private static final FolderLocks JVM_LOCKS = new FolderLocks();

  private final Path base;
  private final String prefix;
  private final Path dir;
  private final AtomicWriter writer;

  /** A pod on the folder {@code root}, which is created by the first write if needed; fsync off. */
  public FilePod(Path root) {
    this(root, false);
  }

  /** A pod on the folder {@code root}; with {@code fsync} every write and move is forced to disk. */
  public FilePod(Path root, boolean fsync) {
    this(root.toAbsolutePath().normalize(), PodPath.ROOT, new AtomicWriter(root.toAbsolutePath().normalize(), fsync));
  }

  private FilePod(Path base, String prefix, AtomicWriter writer) {
    this.base = base;
    this.prefix = prefix;
    this.dir = prefix.isEmpty() ? base : base.resolve(prefix);
    this.writer = writer;
  }

  /** The folder this pod stores its files in (absolute). */
  public Path root() {
    return dir;
  }

  /** True if writes and moves are forced to disk before returning. */
  public boolean isFsync() {
    return writer.isFsync();
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public FilePod cd(String path) {
    String key = key(PodPath.normalize(path), path);
    return new FilePod(base, key, writer);
  }

  @Override
  public List<String> ls(String path, boolean missingOk) {
    String rel = PodPath.normalize(path);
    Path folder = resolve(rel, path);
    debug("LIST", rel);
    // File.list reads the folder without a Path per entry (a changelog folder is listed on every commit); it
    // returns null on any failure, which the DirectoryStream below then classifies (missing, not a folder, error)
    String[] listed = folder.toFile().list();
    if (listed != null) {
      return visible(folder, Arrays.asList(listed));
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      List<String> names = new ArrayList<>();
      for (Path entry : entries) {
        names.add(entry.getFileName().toString());
      }
      return visible(folder, names);
    } catch (NotDirectoryException e) {
      throw new StorageException(shown(rel), "Cannot list " + shown(rel) + ": not a folder", e);
    } catch (NoSuchFileException e) {
      // The folder was missing when the listing was taken; checking again with Files.exists would race with a
      // writer that creates it in between and turn a valid empty listing into a failure.
      return missing(rel, missingOk);
    } catch (IOException e) {
      if (Files.exists(folder)) {
        throw failure("list", rel, e);
      }
      return missing(rel, missingOk);
    }
  }

  /** The entries of {@code folder} that pod users see: all but the temporary folder at the root. */
  private List<String> visible(Path folder, List<String> entries) {
    boolean atRoot = folder.equals(base);
    List<String> names = new ArrayList<>(entries.size());
    for (String name : entries) {
      if (!(atRoot && name.equals(AtomicWriter.TMP_DIR))) {
        names.add(name);
      }
    }
    return names;
  }

    private List<String> missing(String rel, boolean missingOk) {
    if (missingOk) {
      return new ArrayList<>();
    }
    throw new NotFoundException(shown(rel), "Cannot list " + shown(rel) + ": no such folder");
  }

  @Override
  public byte[] read(String path) {
    String rel = PodPath.normalize(path);
    Path file = resolve(rel, path);
    debug("READ", rel);
    byte[] data;
    try {
      data = FileReads.readAll(file);
    } catch (IOException e) {
      if (Files.isDirectory(file)) {
        throw new StorageException(shown(rel), "Cannot read " + shown(rel) + ": is a folder", e);
      }
      if (!Files.exists(file)) {
        throw new NotFoundException(shown(rel), "Cannot read " + shown(rel) + ": no such file");
      }
      throw failure("read", rel, e);
    }
    PodMetrics.read(KIND, data.length);
    return data;
  }

  @Override
  public long write(String path, byte[] data, boolean force) {
    String rel = fileName(path);
    Path target = resolve(rel, path);
    PodMetrics.write(KIND, data.length);
    try {
      boolean exists = existsAsFile(target, rel);
      // fast path of the write-once case: nothing to copy when the file is there
      boolean published = (!exists || force) && publish(target, rel, path, data, force);
      debug(published ? "WRITE" : "SKIP-WRITE", rel);
      return published ? data.length : -1;
    } catch (IOException e) {
      throw failure("write", rel, e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>The content goes to a temporary file in {@code .lakota-tmp/} at once; {@link Staged#publish} creates the
   * missing folders and hard-links it into place, as {@link #write} does.
   */
  @Override
  public Staged stage(byte[] data) {
    Path tmp;
    try {
      tmp = writer.createTemp(data);
    } catch (IOException e) {
      throw new StorageException(shown(AtomicWriter.TMP_DIR), "Cannot stage a file of " + data.length + " bytes: "
          + describe(e), e);
    }
    return new Staged() {
      private boolean published;

      @Override
      public long publish(String path) {
        if (published) {
          throw new IllegalStateException("Cannot publish " + path + ": already published");
        }
        published = true;
        return publishTemp(path, tmp, data.length);
      }

      @Override
      public void close() {
        discardTemp(tmp);
      }
    };
  }

  /**
   * Hard-links the temporary file {@code tmp} of {@code length} bytes at {@code path} (write-once), creating the
   * missing folders; -1 when a file is there already.
   */
  private long publishTemp(String path, Path tmp, int length) {
    String rel = fileName(path);
    Path target = resolve(rel, path);
    PodMetrics.write(KIND, length);
    try {
      if (existsAsFile(target, rel)) {
        debug("SKIP-WRITE", rel);
        return -1;
      }
      createParents(target, rel, path, "write");
      boolean done = writer.publish(tmp, target, false);
      debug(done ? "WRITE" : "SKIP-WRITE", rel);
      return done ? length : -1;
    } catch (IOException e) {
      throw failure("write", rel, e);
    }
  }

  /** Removes a temporary file; a failure is only logged (the file is invisible to pod users). */
  private void discardTemp(Path tmp) {
    try {
      writer.discard(tmp);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot remove the temporary file " + tmp + ": " + describe(e));
    }
  }

  /** The normalised name of the file a write of {@code path} creates: never the pod root. */
  private static String fileName(String path) {
    String rel = PodPath.normalize(path);
    if (rel.isEmpty()) {
      throw new InvalidPathException(path, "names the pod root, not a file");
    }
    return rel;
  }

  /** Whether a file is at {@code target} already; a folder in its place cannot be written. */
  private boolean existsAsFile(Path target, String rel) {
    // java.io.File answers a missing file without an exception (most writes create their file)
    java.io.File probe = target.toFile();
    if (!probe.exists()) {
      return false;
    }
    if (probe.isDirectory()) {
      throw new StorageException(shown(rel), "Cannot write " + shown(rel) + ": is a folder");
    }
    return true;
  }

  private boolean publish(Path target, String rel, String path, byte[] data, boolean force) throws IOException {
    createParents(target, rel, path, "write");
    return writer.write(target, data, force);
  }

  @Override
  public boolean isDir(String path) {
    return Files.isDirectory(resolve(PodPath.normalize(path), path));
  }

  @Override
  public boolean isFile(String path) {
    return Files.isRegularFile(resolve(PodPath.normalize(path), path));
  }

  @Override
  public void rm(String path, boolean recursive, boolean missingOk) {
    String rel = PodPath.normalize(path);
    Path target = resolve(rel, path);
    debug("REMOVE", rel);
    try {
      BasicFileAttributes attrs = attributesNoFollow(target);
      if (attrs == null) {
        if (missingOk) {
          return;
        }
        throw new NotFoundException(shown(rel), "Cannot remove " + shown(rel) + ": no such file or folder");
      }
      if (!attrs.isDirectory()) {
        Files.deleteIfExists(target); // a symbolic link is removed, never followed
      } else if (recursive) {
        FileTree.delete(target, !target.equals(base), writer.tmpDir());
      } else if (target.equals(base)) {
        // the repository root stays; it only has to be empty, the temporary folder aside
        if (!ls(rel, true).isEmpty()) {
          throw new NotEmptyException(shown(rel));
        }
      } else {
        Files.deleteIfExists(target);
      }
      writer.syncIfEnabled(target.getParent());
    } catch (DirectoryNotEmptyException e) {
      throw new NotEmptyException(shown(rel));
    } catch (IOException e) {
      throw failure("remove", rel, e);
    }
  }

  @Override
  public void mv(String from, String to, boolean missingOk) {
    String src = PodPath.normalize(from);
    String dst = PodPath.normalize(to);
    if (dst.isEmpty()) {
      throw new InvalidPathException(to, "names the pod root, not a file");
    }
    Path source = resolve(src, from);
    Path target = resolve(dst, to);
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(Level.DEBUG, "MOVE " + source + " to " + target);
    }
    String what = shown(src) + " to " + dst;
    try {
      BasicFileAttributes attrs = attributesNoFollow(source);
      if (attrs == null) {
        if (missingOk) {
          return;
        }
        throw new NotFoundException(shown(src), "Cannot move " + what + ": no such file");
      }
      if (attrs.isDirectory()) {
        throw new StorageException(shown(src), "Cannot move " + what + ": is a folder");
      }
      if (src.equals(dst)) {
        return;
      }
      createParents(target, dst, to, "move");
      try {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
      }
      writer.syncIfEnabled(target.getParent());
      writer.syncIfEnabled(source.getParent());
    } catch (NoSuchFileException e) {
      // the source was removed by someone else after the check
      if (!missingOk) {
        throw new NotFoundException(shown(src), "Cannot move " + what + ": no such file");
      }
    } catch (IOException e) {
      throw new StorageException(shown(src), "Cannot move " + what + ": " + describe(e), e);
    }
  }

  @Override
  public List<String> walk(int maxDepth) {
    if (maxDepth == 0) {
      return new ArrayList<>();
    }
    try {
      return FileTree.files(dir, maxDepth < 0 ? Integer.MAX_VALUE : maxDepth, writer.tmpDir());
    } catch (IOException e) {
      throw failure("walk", PodPath.ROOT, e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>The lock is held in two layers: an in-process lock per absolute folder path, then an exclusive OS lock
   * ({@link FileChannel#lock()}) on the file {@code .lakota-tmp/locks/<folder path>/commit} below the repository
   * root, which excludes other processes (the OS releases it if a process dies, so a crash never leaves a stale
   * lock). Lock files are created on first use and never removed: removing a lock file while another process
   * waits on it would let two writers in. They sit at depth 4 or more below {@code .lakota-tmp}, where the
   * reference's garbage collector (which walks two levels below each top-level folder) and its changelog reader
   * never look. Revision files are published atomically (temporary file then hard link), as every write.
   *
   * <p>The listing handed to {@code plan} comes from {@link FolderWatch} for a busy folder on a local file system
   * (kept current by the kernel's notifications, with a barrier that makes it exactly what a listing at that moment
   * would return), and from reading the folder otherwise.
   *
   * @throws CommitStateUnknownException when publishing a file fails with an I/O error (the file may exist)
   */
  @Override
  public CommitResult commitIf(String folder, Function<List<String>, Map<String, byte[]>> plan) {
    return commitIf(folder, List.of(), plan);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Each of {@code contents} is written to a temporary file under the lock, after the listing was started and
   * before it is awaited (a watched folder's listing waits for the kernel's notification); the plan's files with
   * that content are hard links to it.
   */
  @Override
  public CommitResult commitIf(String folder, List<byte[]> contents,
      Function<List<String>, Map<String, byte[]>> plan) {
    String rel = PodPath.normalize(folder);
    String key = key(rel, folder);
    Path lockFile = writer.tmpDir().resolve(LOCK_DIR).resolve(key.isEmpty() ? "-" : key).resolve("commit");
    ReentrantLock local = JVM_LOCKS.acquire(lockFile.toString());
    if (local == null) {
      return CommitResult.LOCK_FAILURE;
    }
    Map<byte[], Path> staged = new IdentityHashMap<>();
    try (FileChannel channel = openLockFile(lockFile, rel);
        FileLock held = channel.lock()) {
      Path folderPath = resolve(rel, folder);
      // the root folder is not a changelog (and holds .lakota-tmp, busy with every write): it is always listed
      Supplier<List<String>> listing = folderPath.equals(base) ? () -> ls(rel, true)
          : FolderWatch.get().start(folderPath, () -> ls(rel, true));
      stage(contents, staged, rel);
      Map<String, byte[]> files = plan.apply(listing.get());
      if (files == null) {
        return CommitResult.LOCK_FAILURE;
      }
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        publishUnderLock(PodPath.join(rel, f.getKey()), f.getValue(), staged.get(f.getValue()));
      }
      return CommitResult.COMMITTED;
    } catch (IOException e) {
      throw failure("lock", rel, e);
    } finally {
      local.unlock();
      staged.values().forEach(this::discardTemp);
    }
  }

  private FileChannel openLockFile(Path lockFile, String rel) throws IOException {
    try {
      return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (NoSuchFileException e) {
      // first commit in this folder: the lock's folders are created once, not probed on every commit
      Files.createDirectories(lockFile.getParent());
      return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }
  }

  /** Writes each distinct content to a temporary file, recorded in {@code staged} (removed by the caller). */
  private void stage(List<byte[]> contents, Map<byte[], Path> staged, String rel) {
    for (byte[] content : contents) {
      if (!staged.containsKey(content)) {
        try {
          staged.put(content, writer.createTemp(content));
        } catch (IOException e) {
          throw new StorageException(shown(rel), "Cannot commit in " + shown(rel)
              + ": cannot write a temporary file of " + content.length + " bytes: " + describe(e), e);
        }
      }
    }
  }

  /** Writes a file of a commit, from its staged temporary file when there is one. */
  private void publishUnderLock(String path, byte[] data, Path staged) {
    try {
      if (staged == null) {
        write(path, data, false);
      } else {
        publishTemp(path, staged, data.length);
      }
    } catch (StorageException e) {
      throw new CommitStateUnknownException(PodPath.display(PodPath.join(prefix, path)),
          "Cannot commit " + PodPath.display(path) + ": " + e.getMessage(), e);
    }
  }

  /** The total size in bytes of the files of this pod (temporary files excluded). */
  public long size() {
    try {
      return FileTree.size(dir, writer.tmpDir());
    } catch (IOException e) {
      throw failure("measure", PodPath.ROOT, e);
    }
  }

  /**
   * Creates the missing folders above {@code target}, after checking that the deepest existing one is a folder
   * inside the repository root once symbolic links are resolved. The common case costs one {@code lstat} per
   * folder below the root: folders that are plain folders (no symbolic link) are inside the root by construction;
   * a symbolic link, a file or anything unexpected on the way takes the full check.
   */
  private void createParents(Path target, String rel, String path, String verb) throws IOException {
    Path parent = target.getParent();
    if (!parent.equals(base) && parent.startsWith(base)) {
      Path at = base;
      for (Path name : base.relativize(parent)) {
        at = at.resolve(name);
        BasicFileAttributes attrs = attributesNoFollow(at);
        if (attrs == null) {
          // every folder above is a plain folder of the root: create the rest (and the root, if missing)
          Files.createDirectories(parent);
          return;
        }
        if (!attrs.isDirectory() || attrs.isSymbolicLink()) {
          break;
        }
        if (at.equals(parent)) {
          return;
        }
      }
    }
    checkParents(target, rel, path, verb);
  }

  /** The full check of {@link #createParents}: resolves symbolic links. */
  private void checkParents(Path target, String rel, String path, String verb) throws IOException {
    if (!Files.isDirectory(base)) {
      Files.createDirectories(base);
    }
    Path parent = target.getParent();
    Path existing = parent;
    while (!existing.equals(base) && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    Path real;
    try {
      real = existing.toRealPath();
    } catch (NoSuchFileException e) {
      throw new StorageException(
          shown(rel), "Cannot " + verb + " " + shown(rel) + ": a parent is a broken symbolic link", e);
    }
    if (!real.startsWith(base.toRealPath())) {
      throw new InvalidPathException(path, "escapes the pod root through a symbolic link");
    }
    if (!Files.isDirectory(real)) {
      throw new StorageException(shown(rel), "Cannot " + verb + " " + shown(rel) + ": a parent folder is a file");
    }
    if (!existing.equals(parent)) {
      Files.createDirectories(parent);
    }
  }

  private String key(String rel, String original) {
    String key = PodPath.join(prefix, rel);
    if (key.equals(AtomicWriter.TMP_DIR) || key.startsWith(AtomicWriter.TMP_DIR + "/")) {
      throw new InvalidPathException(original, "is reserved for the temporary files of in-flight writes");
    }
    return key;
  }

  private Path resolve(String rel, String original) {
    String key = key(rel, original);
    return key.isEmpty() ? base : base.resolve(key);
  }

  private static BasicFileAttributes attributesNoFollow(Path path) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      return Files.exists(path, LinkOption.NOFOLLOW_LINKS) ? rethrow(e) : null;
    }
  }

  private static BasicFileAttributes rethrow(IOException e) throws IOException {
    throw e;
  }

  private StorageException failure(String verb, String rel, IOException e) {
    return new StorageException(shown(rel), "Cannot " + verb + " " + shown(rel) + ": " + describe(e), e);
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static String shown(String rel) {
    return PodPath.display(rel);
  }

  private void debug(String operation, String rel) {
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(Level.DEBUG, operation + " " + dir + " " + PodPath.display(rel));
    }
  }

  /** The absolute path of this pod's folder. */
  @Override
  public String toString() {
    return dir.toString();
  }
}
