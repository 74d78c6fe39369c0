package io.lakota.storage.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;

/**
 * Reads whole files into heap arrays for {@link FilePod#read}. A channel copies into a heap array through a
 * per-thread direct buffer as large as the slice it is given, so files are read in slices of
 * {@link AtomicWriter#SLICE} bytes (that buffer stays small and reused instead of growing, page fault by page
 * fault, to the size of the largest file). Large files are read in parts on several cores with positional reads:
 * copying from the page cache is a large share of reading a big data file (W2: a third of its time on one core),
 * and page-cache reads of one file do not exclude each other. Stateless.
 */
final class FileReads {
  /** Files of at least this size are read in parts on several threads. */
  static final int PARALLEL_BYTES = 8 << 20;
  private static final int MAX_PARTS = 4;

  private FileReads() {}

  /**
   * The whole content of {@code file}. A file that grows or shrinks while it is read (a writer that does not publish
   * atomically, such as the reference) is read again sequentially, to its end.
   */
  static byte[] readAll(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size > Integer.MAX_VALUE - 16) {
        throw new IOException("file too large to read into memory: " + size + " bytes");
      }
      int parts = Math.min(MAX_PARTS, Math.min(Runtime.getRuntime().availableProcessors(),
          ForkJoinPool.getCommonPoolParallelism() + 1));
      if (size >= PARALLEL_BYTES && parts > 1) {
        byte[] out = new byte[(int) size];
        if (readParts(channel, out, parts) && atEnd(channel, size)) {
          return out;
        }
        channel.position(0);
      }
      return readSequentially(channel, (int) size);
    }
  }

  /** Fills {@code out} from position 0 in {@code parts} parts, the caller reading the first; false if it ran short. */
  private static boolean readParts(FileChannel channel, byte[] out, int parts) throws IOException {
    List<CompletableFuture<Boolean>> others = new ArrayList<>();
    long length = out.length;
    for (int k = 1; k < parts; k++) {
      int from = (int) (length * k / parts);
      int to = (int) (length * (k + 1) / parts);
      others.add(CompletableFuture.supplyAsync(() -> {
        try {
          return readRange(channel, out, from, to);
        } catch (IOException e) {
          throw new CompletionException(e);
        }
      }));
    }
    boolean complete = readRange(channel, out, 0, (int) (length / parts));
    for (CompletableFuture<Boolean> f : others) {
      try {
        complete &= f.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof IOException) {
          throw (IOException) e.getCause();
        }
        throw e;
      }
    }
    return complete;
  }

  private static boolean readRange(FileChannel channel, byte[] out, int from, int to) throws IOException {
    for (int at = from; at < to; ) {
      int n = channel.read(ByteBuffer.wrap(out, at, Math.min(AtomicWriter.SLICE, to - at)), at);
      if (n < 0) {
        return false;
      }
      at += n;
    }
    return true;
  }

  private static boolean atEnd(FileChannel channel, long size) throws IOException {
    return channel.read(ByteBuffer.allocate(1), size) < 0;
  }

  private static byte[] readSequentially(FileChannel channel, int expected) throws IOException {
    byte[] out = new byte[expected];
    int at = 0;
    while (true) {
      if (at == out.length) {
        // at the expected end: one more read tells whether the file grew meanwhile
        byte[] more = new byte[8192];
        int n = channel.read(ByteBuffer.wrap(more));
        if (n <= 0) {
          return out;
        }
        if ((long) out.length + Math.max(n, out.length) > Integer.MAX_VALUE - 16) {
          throw new IOException("file too large to read into memory");
        }
        out = Arrays.copyOf(out, out.length + Math.max(n, out.length));
        System.arraycopy(more, 0, out, at, n);
        at += n;
        continue;
      }
      int n = channel.read(ByteBuffer.wrap(out, at, Math.min(AtomicWriter.SLICE, out.length - at)));
      if (n < 0) {
        return Arrays.copyOf(out, at); // shrank: a file replaced in place by a non-atomic writer
      }
      at += n;
    }
  }
}
