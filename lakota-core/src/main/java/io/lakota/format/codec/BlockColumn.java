package io.lakota.format.codec;

import io.lakota.errors.CorruptObjectException;
import io.lakota.format.Columns;
import io.lakota.format.Dtype;
import io.lakota.format.Values;
import io.lakota.format.internal.BloscFrame;
import io.lakota.id.Digests;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * An encoded column read block by block (issue 7, partial decode): a range read locates its rows by binary search
 * over the column's blosc blocks and decodes only the blocks holding them, through a {@link BlockCache}. Only
 * {@link ColumnCodec#isBlockwise() blockwise} codecs qualify; {@link #open} says null otherwise and the caller decodes
 * the whole array.
 *
 * <p>Digests: positions found by {@link #bisect} come from unchecked blocks, but {@link #slice} (and
 * {@link #verify}) first check the whole array against its digest, once per array and cache, by decoding every
 * block without keeping them. A range read therefore never returns values from a damaged file, and the full check
 * is paid once per array, not once per read. Thread-safe.
 */
public final class BlockColumn {
  private final Dtype dtype;
  private final String digest;
  private final BlockCache.Encoded encoded;
  private final BloscFrame frame;
  private final BlockCache cache;
  private final boolean verify;
  private final int length;
  private final int per;
  private final String keyPrefix;

  private BlockColumn(Dtype dtype, String digest, BlockCache.Encoded encoded, BloscFrame frame, BlockCache cache,
      boolean verify) {
    this.dtype = dtype;
    this.digest = digest;
    this.encoded = encoded;
    this.frame = frame;
    this.cache = cache;
    this.verify = verify && dtype.kind() != Dtype.Kind.DATETIME;
    this.length = frame.nbytes() / dtype.itemSize();
    this.per = Math.max(1, BloscColumns.elementsPerBlock(frame, dtype));
    this.keyPrefix = digest + "/" + dtype.name() + "/";
  }

  /**
   * The array named {@code digest} read block by block, or null when its codec or frame does not allow it.
   *
   * @param load gives the encoded bytes on a cache miss
   * @param verify whether {@link #slice} checks the digest (datetime digests cannot be checked, FORMAT.md §7)
   * @throws CorruptObjectException when the frame is malformed or does not hold {@code expectedLength} items
   */
  public static BlockColumn open(ColumnCodec codec, String digest, long expectedLength, Supplier<byte[]> load,
      BlockCache cache, boolean verify) {
    if (!codec.isBlockwise() || expectedLength <= 0) {
      return null;
    }
    Dtype dtype = codec.dtype();
    BlockCache.Encoded e = cache.encoded(digest, load);
    if (e.bytes.length == 0) {
      return null;
    }
    BloscFrame frame = BloscFrame.parse(e.bytes, 0, e.bytes.length, expectedLength * dtype.itemSize());
    if (!BloscColumns.aligned(frame, dtype)) {
      return null;
    }
    if (frame.nbytes() / dtype.itemSize() != expectedLength || frame.nbytes() % dtype.itemSize() != 0) {
      throw new CorruptObjectException(null, "decoded " + frame.nbytes() / dtype.itemSize() + " items where "
          + expectedLength + " were expected");
    }
    return new BlockColumn(dtype, digest, e, frame, cache, verify);
  }

  /** The number of items. */
  public int length() {
    return length;
  }

  /** The encoded array (not to be modified). */
  public byte[] bytes() {
    return encoded.bytes;
  }

  /** The number of blosc blocks. */
  public int blockCount() {
    return frame.blockCount();
  }

  /**
   * Python's {@code bisect_left} ({@code bisect_right} with {@code right}) over positions {@code [lo, hi)} of the
   * sorted column: a binary search over the blocks (comparing each probed block's last item in the range), then
   * inside the one block that holds the answer.
   */
  public int bisect(Object value, int lo, int hi, boolean right) {
    if (lo >= hi) {
      return lo;
    }
    int bLo = lo / per;
    int bHi = (hi - 1) / per;
    // first block whose last item in [lo, hi) satisfies the condition; bHi + 1 when none does
    int a = bLo;
    int b = bHi + 1;
    Object[] lasts = cache.lastItems(keyPrefix, frame.blockCount());
    while (a < b) {
      int mid = (a + b) >>> 1;
      int last = Math.min((mid + 1) * per, hi) - 1;
      int local = last - mid * per;
      boolean hit;
      if (last == Math.min((mid + 1) * per, length) - 1) {
        // the block's own last item: memoised, so that later searches do not decode the block again
        Object item = lasts[mid];
        if (item == null) {
          item = Columns.get(block(mid), local);
          lasts[mid] = item;
        }
        hit = Values.compare(dtype, item, value) >= (right ? 1 : 0);
      } else {
        hit = Columns.bisect(dtype, block(mid), value, local, local + 1, right) == local;
      }
      if (hit) {
        b = mid;
      } else {
        a = mid + 1;
      }
    }
    if (a > bHi) {
      return hi;
    }
    int base = a * per;
    int from = Math.max(lo, base) - base;
    int to = Math.min(hi, base + per) - base;
    return base + Columns.bisect(dtype, block(a), value, from, to, right);
  }

  /** Items {@code [lo, hi)}, from the blocks holding them, after the digest check. */
  public Object slice(int lo, int hi) {
    java.util.Objects.checkFromToIndex(lo, hi, length);
    verify();
    Object out = BloscColumns.allocate(dtype, hi - lo);
    int i = lo;
    while (i < hi) {
      int b = i / per;
      int end = Math.min(hi, (b + 1) * per);
      System.arraycopy(block(b), i - b * per, out, i - lo, end - i);
      i = end;
    }
    return out;
  }

  /**
   * Checks the whole array against its digest unless done already for this cached copy.
   *
   * @throws CorruptObjectException when the content does not hash to its digest
   */
  public void verify() {
    if (!verify || cache.isVerified(keyPrefix)) {
      return;
    }
    MessageDigest md = Digests.sha1Engine();
    BloscColumns.hashDecoded(md, frame);
    String actual = Digests.hex(md.digest());
    if (!actual.equals(digest)) {
      throw new CorruptObjectException(null, "content hashes to " + actual + ", not to its digest " + digest);
    }
    cache.markVerified(keyPrefix);
  }

  private Object block(int b) {
    return cache.block(keyPrefix + b, frame.blockLength(b), () -> BloscColumns.decodeBlock(frame, dtype, b));
  }
}
