package io.lakota.storage.file;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Tree walks of {@link FilePod}: listing, measuring and deleting a subtree. Symbolic links are never followed (a
 * link is neither listed nor descended, and deleting removes the link itself), the temporary folder of in-flight
 * writes is skipped, and entries removed concurrently by someone else are ignored. Stateless.
 */
final class FileTree {
  private FileTree() {}

  /** The {@code /}-separated paths, relative to {@code top}, of the regular files at depth at most maxDepth. */
  static List<String> files(Path top, int maxDepth, Path skip) throws IOException {
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(top)) {
      return out;
    }
    Files.walkFileTree(top, EnumSet.noneOf(FileVisitOption.class), maxDepth, new Visitor(skip) {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        // at the depth limit folders are reported here too: only regular files count
        if (attrs.isRegularFile()) {
          out.add(relative(top, file));
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return out;
  }

  /** The total size of the regular files below {@code top}. */
  static long size(Path top, Path skip) throws IOException {
    long[] total = {0};
    if (!Files.isDirectory(top)) {
      return 0;
    }
    Files.walkFileTree(top, new Visitor(skip) {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile()) {
          total[0] += attrs.size();
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return total[0];
  }

  /** Deletes everything below {@code top}, and {@code top} itself when {@code deleteTop}. */
  static void delete(Path top, boolean deleteTop, Path skip) throws IOException {
    Files.walkFileTree(top, new Visitor(skip) {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        if (exc != null && !(exc instanceof NoSuchFileException)) {
          throw exc;
        }
        if (deleteTop || !dir.equals(top)) {
          Files.deleteIfExists(dir);
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static String relative(Path top, Path file) {
    StringBuilder out = new StringBuilder();
    for (Path part : top.relativize(file)) {
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(part);
    }
    return out.toString();
  }

  /** Skips the temporary folder and tolerates entries that vanish during the walk. */
  private static class Visitor extends SimpleFileVisitor<Path> {
    private final Path skip;

    Visitor(Path skip) {
      this.skip = skip;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      return dir.equals(skip) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
      if (exc instanceof NoSuchFileException) {
        return FileVisitResult.CONTINUE;
      }
      throw exc;
    }
  }
}
