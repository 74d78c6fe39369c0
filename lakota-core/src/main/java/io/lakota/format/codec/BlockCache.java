package io.lakota.format.codec;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The caches of range reads (one per repository handle): encoded arrays that range reads come back to, and decoded
 * blosc blocks, each least-recently-used and bounded by bytes. Arrays are named by their digest (FORMAT.md §7) and
 * never change, so an entry never goes stale. Thread-safe; a loader runs outside the lock (two threads may load the
 * same entry, one wins).
 */
public final class BlockCache {
  /**
   * Default bound of the encoded arrays kept: two poorly compressible float columns of 10 M rows (an entry larger
   * than half the bound is not kept).
   */
  public static final long DEFAULT_ENCODED_BYTES = 256L << 20;
  /** Default bound of the decoded blocks kept: 128 blocks of 256 KiB. */
  public static final long DEFAULT_BLOCK_BYTES = 32L << 20;

  /** Digests checked, kept apart from the bytes: an array too large to keep is still checked only once. */
  private static final int VERIFIED_KEPT = 65_536;

  private final Lru<Encoded> encoded;
  private final Lru<Object> blocks;
  private final Lru<Boolean> verified = new Lru<>(VERIFIED_KEPT);
  private final Lru<Object[]> lastItems = new Lru<>(DEFAULT_BLOCK_BYTES);

  /** A cache with the default bounds. */
  public BlockCache() {
    this(DEFAULT_ENCODED_BYTES, DEFAULT_BLOCK_BYTES);
  }

  /** A cache keeping at most {@code encodedBytes} of encoded arrays and {@code blockBytes} of decoded blocks. */
  public BlockCache(long encodedBytes, long blockBytes) {
    this.encoded = new Lru<>(encodedBytes);
    this.blocks = new Lru<>(blockBytes);
  }

  /** An encoded array. */
  static final class Encoded {
    final byte[] bytes;

    Encoded(byte[] bytes) {
      this.bytes = bytes;
    }
  }

  /**
   * The memo of the last item of each block of array {@code key} (boxed, null until known): binary searches probe
   * these, so a probe of a block seen before decodes nothing.
   */
  Object[] lastItems(String key, int blockCount) {
    Object[] items = lastItems.get(key);
    if (items == null || items.length != blockCount) {
      items = new Object[blockCount];
      lastItems.put(key, items, 16L * blockCount);
    }
    return items;
  }

  /** True if the array named {@code key} was checked against its digest. */
  boolean isVerified(String key) {
    return verified.get(key) != null;
  }

  void markVerified(String key) {
    verified.put(key, Boolean.TRUE, 1);
  }

  /** The encoded array named {@code digest}, loaded (and kept, when small enough) on a miss. */
  Encoded encoded(String digest, Supplier<byte[]> load) {
    Encoded e = encoded.get(digest);
    if (e == null) {
      e = new Encoded(load.get());
      encoded.put(digest, e, e.bytes.length);
    }
    return e;
  }

  /** Decoded block {@code key}, decoded (and kept) on a miss; {@code bytes} is its decoded size. */
  Object block(String key, long bytes, Supplier<Object> decode) {
    Object b = blocks.get(key);
    if (b == null) {
      b = decode.get();
      blocks.put(key, b, bytes);
    }
    return b;
  }

  /** Bytes held: encoded arrays plus decoded blocks (for tests and tools). */
  public long size() {
    return encoded.size() + blocks.size();
  }

  /** Drops every entry. */
  public void clear() {
    encoded.clear();
    blocks.clear();
    verified.clear();
    lastItems.clear();
  }

  private static final class Lru<V> {
    private final long limit;
    private final LinkedHashMap<String, Map.Entry<V, Long>> map = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    Lru(long limit) {
      this.limit = limit;
    }

    synchronized V get(String key) {
      Map.Entry<V, Long> e = map.get(key);
      return e == null ? null : e.getKey();
    }

    synchronized void put(String key, V value, long size) {
      if (size > limit / 2) {
        return; // one huge entry would flush everything else for little gain
      }
      Map.Entry<V, Long> old = map.put(key, Map.entry(value, size));
      bytes += size - (old == null ? 0 : old.getValue());
      Iterator<Map.Entry<String, Map.Entry<V, Long>>> it = map.entrySet().iterator();
      while (bytes > limit && it.hasNext()) {
        bytes -= it.next().getValue().getValue();
        it.remove();
      }
    }

    synchronized long size() {
      return bytes;
    }

    synchronized void clear() {
      map.clear();
      bytes = 0;
    }
  }
}
