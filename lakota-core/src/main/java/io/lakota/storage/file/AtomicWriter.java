package io.lakota.storage.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Publishes files atomically: the content goes to a temporary file which is then linked or renamed into place, so
 * a concurrent reader sees either no file, the previous file or the whole new one.
 *
 * <p>Temporary files live in one hidden folder, {@code .lakota-tmp}, directly under the repository root, because
 * FORMAT.md §1 forbids foreign files inside collection and data folders. The folder is created by the first write
 * and kept (creating and removing it around every write cost two directory operations per file): the reference
 * ignores an empty folder, and temporary names carry no dot so that a reference garbage collector running during
 * a write skips them (it reads {@code .lakota-tmp<name>} as a buried file whose suffix is newer than any deadline).
 * Shared by a {@link FilePod} and every pod {@code cd} derives from it. Thread-safe.
 */
final class AtomicWriter {
  /** The name of the temporary folder under the repository root. */
  static final String TMP_DIR = ".lakota-tmp";

  // the temporary folder can vanish between its creation and the creation of a file in it, when a concurrent
  // write removes it as empty; retrying is then enough, the bound only guards against a broken file system
  private static final int MAX_ATTEMPTS = 100;

  /**
   * Largest slice of a heap array given to a channel at once. A channel copies a heap buffer through a per-thread
   * direct buffer of the buffer's size: slices keep that buffer small and reused, where whole files would allocate
   * (and page-fault) fresh memory the size of the largest file read or written so far.
   */
  static final int SLICE = 1 << 20;

  // unique per process and write (no SecureRandom per write: UUID.randomUUID read the system's entropy each time);
  // a clash with another process's name only costs another attempt, as creation is exclusive
  private static final String TMP_PREFIX = "tmp-" + Long.toHexString(ProcessHandle.current().pid()) + "-"
      + Long.toHexString(new java.util.SplittableRandom().nextLong()) + "-";
  private static final java.util.concurrent.atomic.AtomicLong TMP_COUNTER = new java.util.concurrent.atomic.AtomicLong();

  private final Path tmpDir;
  private final boolean fsync;

  AtomicWriter(Path base, boolean fsync) {
    this.tmpDir = base.resolve(TMP_DIR);
    this.fsync = fsync;
  }

  Path tmpDir() {
    return tmpDir;
  }

  boolean isFsync() {
    return fsync;
  }

  /**
   * Writes {@code data} at {@code target}, whose parent folder exists. Without {@code force} the file is created
   * only if absent (false is returned when it exists); with {@code force} an existing file is replaced.
   */
  boolean write(Path target, byte[] data, boolean force) throws IOException {
    Path tmp = null;
    try {
      tmp = createTemp(data);
      return publish(tmp, target, force);
    } finally {
      discard(tmp);
    }
  }

  /**
   * Puts the temporary file {@code tmp} (from {@link #createTemp}) in place at {@code target}, whose parent folder
   * exists: created only if absent without {@code force} (false when it exists), replaced with it. The caller still
   * {@link #discard}s {@code tmp}.
   */
  boolean publish(Path tmp, Path target, boolean force) throws IOException {
    boolean published = force ? replace(tmp, target) : createOnce(tmp, target);
    if (published && fsync) {
      syncDirectory(target.getParent());
    }
    return published;
  }

  /** Removes the temporary file {@code tmp} (null: nothing), which a hard link may have published already. */
  void discard(Path tmp) throws IOException {
    // after a hard link the target keeps the content; java.io.File removes with one unlink, where
    // Files.deleteIfExists first stats the path (a missing file, after a rename, is no failure either way)
    if (tmp != null && !tmp.toFile().delete() && Files.exists(tmp, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(tmp); // reports why the temporary file could not be removed
    }
  }

  /** Writes {@code data} to a new temporary file (forced to disk with fsync on) and returns its path. */
  Path createTemp(byte[] data) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Path tmp = tmpDir.resolve(TMP_PREFIX + TMP_COUNTER.incrementAndGet());
      FileChannel channel;
      try {
        channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        // another process drew the same prefix (or a crash left this name behind): the next name will do
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        continue;
      } catch (NoSuchFileException e) {
        // first write, or the folder was removed by hand or by another tool: create it and try again
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        createTmpDir();
        continue;
      }
      try (channel) {
        for (int at = 0; at < data.length; ) {
          at += channel.write(ByteBuffer.wrap(data, at, Math.min(SLICE, data.length - at)));
        }
        if (fsync) {
          channel.force(true); // the content must be durable before the name points to it
        }
        return tmp;
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
    }
  }

  private void createTmpDir() throws IOException {
    try {
      // the repository root too, when missing: a staged write creates its temporary file before any folder
      Files.createDirectories(tmpDir);
    } catch (FileAlreadyExistsException e) {
      // there, or there a moment ago: opening the temporary file tells
    }
  }

  private static boolean createOnce(Path tmp, Path target) throws IOException {
    try {
      // a hard link is an atomic create-if-absent, unlike a rename which would replace the target
      Files.createLink(target, tmp);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (UnsupportedOperationException | FileSystemException e) {
      // no hard links here (some network and FAT file systems): a rename that refuses to replace; its
      // existence check and the rename are two steps, so two concurrent writers may both succeed
      try {
        Files.move(tmp, target);
        return true;
      } catch (FileAlreadyExistsException exists) {
        return false;
      }
    }
  }

  private static boolean replace(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return true;
  }

  /** Makes a rename or removal in {@code dir} durable, when fsync is on; file systems that refuse are ignored. */
  void syncIfEnabled(Path dir) {
    if (fsync) {
      syncDirectory(dir);
    }
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // some file systems and platforms cannot open or sync a directory; the file content is synced already
    }
  }
}
