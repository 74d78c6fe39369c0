package io.lakota.storage;

import java.util.List;

/**
 * A storage backend: a tree of immutable byte files addressed by relative, {@code /}-separated paths
 * (SEMANTICS.md §7.1).
 *
 * <p>The contract is deliberately small; hashing, compression, caching, commits, sync and garbage collection
 * live above it. Implementations are thread-safe. Paths are relative to the pod root; {@code ""} and
 * {@code "."} name the root. A path that is absolute, contains a {@code ..} component or an empty component is
 * refused with {@link io.lakota.errors.InvalidPathException} before any I/O ({@link PodPath} does the checks).
 *
 * <p>Errors: a missing file or folder is {@link io.lakota.errors.NotFoundException}; a non-recursive removal of a
 * non-empty folder is {@link io.lakota.errors.NotEmptyException}; any other I/O failure is
 * {@link io.lakota.errors.StorageException} with the cause chained. Reading or moving a folder, listing a file and
 * writing where a folder is (or below a file) are plain {@code StorageException}s. Messages name the path relative
 * to the pod ({@code "."} for its root).
 *
 * <p>{@code toString()} names the pod's location (e.g. {@code memory://ham} or a folder path) and ends with the
 * last component of the pod's path, which logs use as the pod root.
 */
public interface Pod {

  /** The metrics name of this backend: {@code FilePOD}, {@code MemPOD}, {@code S3POD} or {@code HttpPOD}. */
  String kind();

  /**
   * A pod rooted at {@code path} below this pod's root, sharing the same backend. Nothing is created: the folder
   * appears with the first write below it.
   */
  Pod cd(String path);

  /** The entries (files and folders) directly under {@code path}; no order guarantee. */
  List<String> ls(String path, boolean missingOk);

  /** Same as {@code ls(".", false)}. */
  default List<String> ls() {
    return ls(".", false);
  }

  /**
   * The full content of the file at {@code path}. The returned array belongs to the caller.
   *
   * @throws io.lakota.errors.NotFoundException if there is no file at {@code path}
   */
  byte[] read(String path);

  /**
   * Writes {@code data} at {@code path}, creating intermediate folders. Files are write-once: when a file already
   * exists and {@code force} is false nothing is written and -1 is returned. Otherwise the file is replaced and
   * the number of bytes written is returned. The write is atomic where the backend allows it: a concurrent reader
   * sees either no file or the whole content. The caller keeps ownership of {@code data}; the pod does not keep a
   * reference to it. {@code path} must name a file, not the pod root.
   */
  long write(String path, byte[] data, boolean force);

  /** Same as {@code write(path, data, false)}. */
  default long write(String path, byte[] data) {
    return write(path, data, false);
  }

  /** True if {@code path} is an existing folder. */
  boolean isDir(String path);

  /** True if {@code path} is an existing file. */
  boolean isFile(String path);

  /**
   * Removes a file, an empty folder or (with {@code recursive}) a whole subtree. Removing the root with
   * {@code recursive} empties the pod; on a pod obtained by {@code cd} it removes that folder itself, the
   * repository root is never removed.
   *
   * @throws io.lakota.errors.NotFoundException when {@code path} does not exist and {@code missingOk} is false
   * @throws io.lakota.errors.NotEmptyException when {@code path} is a non-empty folder and {@code recursive} is
   *     false
   */
  void rm(String path, boolean recursive, boolean missingOk);

  /** Same as {@code rm(path, false, false)}. */
  default void rm(String path) {
    rm(path, false, false);
  }

  /** Calls {@link #rm(String, boolean, boolean)} for each path, with {@code missingOk} false. */
  default void rmMany(List<String> paths, boolean recursive) {
    for (String p : paths) {
      rm(p, recursive, false);
    }
  }

  /**
   * Renames a file, creating the target's folders; an existing target file is replaced. Folders are not moved.
   *
   * @throws io.lakota.errors.NotFoundException when {@code from} does not exist and {@code missingOk} is false
   */
  void mv(String from, String to, boolean missingOk);

  /**
   * The relative paths of all files at depth at most {@code maxDepth} (depth 1 = directly under the root);
   * folders at depth {@code maxDepth} are not descended; {@code maxDepth = 0} gives an empty list and a negative
   * value means unbounded. No order guarantee.
   */
  List<String> walk(int maxDepth);

  /** All files, at any depth. */
  default List<String> walk() {
    return walk(-1);
  }
}
