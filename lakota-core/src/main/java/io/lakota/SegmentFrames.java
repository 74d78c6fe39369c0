package io.lakota;

import io.lakota.errors.ValidationException;
import io.lakota.format.Schema;
import io.lakota.version.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Frames made of segments (SEMANTICS.md §12.5 {@code fromSegments}, §10.5 {@code tail}). Segments skipped by an
 * offset only have their index columns decoded; the other columns of the kept segments are decoded on the worker
 * pool when there are enough rows to pay for the hand-off.
 */
final class SegmentFrames {
  /** Below this many rows, decoding on the caller's thread is faster than handing segments to workers. */
  static final long PARALLEL_ROWS = 16_384;

  private SegmentFrames() {}

  /** The selected columns ({@code null} or empty: all, in schema order), each checked to exist. */
  static List<String> columns(Schema schema, List<String> select) {
    List<String> cols = select == null || select.isEmpty() ? schema.names() : select;
    for (String c : cols) {
      schema.column(c);
    }
    return cols;
  }

  /**
   * Rows {@code [offset, offset + limit)} of the concatenated segments, with the selected columns in select
   * order; an empty result has the selected columns in schema order.
   */
  static Frame fromSegments(Schema schema, List<Segment> segments, Long limit, Long offset, List<String> select) {
    List<String> cols = columns(schema, select);
    long a = offset == null ? 0 : offset;
    Long b = limit == null ? null : a + limit;
    List<Callable<Frame>> tasks = new ArrayList<>();
    long rows = 0;
    for (Segment sgm : segments) {
      if (b != null && b == 0) {
        break;
      }
      int len = sgm.length();
      if (a >= len) {
        a -= len;
        if (b != null) {
          b = Math.max(b - len, 0);
        }
        continue;
      }
      int lo = (int) a;
      int hi = b == null ? len : (int) Math.min(b, len);
      rows += hi - lo;
      tasks.add(() -> slice(schema, sgm, cols, lo, hi));
      a = Math.max(a - len, 0);
      if (b != null) {
        b = Math.max(b - len, 0);
      }
    }
    List<Frame> frames = Workers.map(tasks, rows >= PARALLEL_ROWS);
    return frames.isEmpty() ? Frame.empty(schema, cols) : Frame.concat(frames);
  }

  /**
   * The last {@code length} rows of the segments, then rows {@code [offset, offset + limit)} of that tail (to its
   * end when {@code limit} is null) if either is given; no row gives an empty frame with every schema column.
   */
  static Frame tail(Schema schema, List<Segment> segments, int length, Long limit, Long offset, List<String> select) {
    ValidationException.check(length > 0, "length argument must be > 0");
    List<String> cols = columns(schema, select);
    List<Callable<Frame>> tasks = new ArrayList<>();
    long rows = 0;
    int missing = length;
    for (int i = segments.size() - 1; i >= 0 && missing > 0; i--) {
      Segment s = segments.get(i);
      int len = s.length();
      int from = Math.max(0, len - missing);
      rows += len - from;
      tasks.add(0, () -> slice(schema, s, cols, from, len));
      missing -= len - from;
    }
    List<Frame> frames = Workers.map(tasks, rows >= PARALLEL_ROWS);
    Frame f = frames.isEmpty() ? Frame.empty(schema, null) : Frame.concat(frames);
    if (limit != null || offset != null) {
      int off = offset == null ? 0 : (int) Math.min(offset, f.length());
      int end = limit == null ? f.length() : (int) Math.min((long) off + limit, f.length());
      f = f.slice(off, Math.max(off, end));
    }
    return f;
  }

  private static Frame slice(Schema schema, Segment sgm, List<String> cols, int lo, int hi) {
    return new Frame(schema, sgm.columns(cols, lo, hi));
  }
}
