package io.lakota;

import io.lakota.format.Closed;
import io.lakota.format.ColumnDefinition;
import io.lakota.format.Values;
import io.lakota.version.Commit;
import io.lakota.version.Segment;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The pages of a paginated read (SEMANTICS.md §10.6): non-empty frames of about {@code step} rows, in series order,
 * all read from the commit chosen when {@link Query#paginate(int)} was called. Each {@link #iterator()} starts
 * over on that commit. Single-threaded.
 *
 * <p>Unlike the reference, a page whose last index value continues on the next rows is extended over those rows,
 * so no row is skipped when duplicate index values straddle a page boundary (§20 item 12), and a first page that
 * ends on an included start bound does not end the iteration.
 */
public final class Pages implements Iterable<Frame> {
  private final Series series;
  private final Commit commit;
  private final Object[] start;
  private final Object[] stop;
  private final Closed closed;
  private final Long limit;
  private final long offset;
  private final List<String> select;
  private final List<String> columns;
  private final int step;

  Pages(Series series, Query q, int step) {
    this.series = series;
    this.commit = series.commit(q);
    this.start = series.bound(q.start);
    this.stop = series.bound(q.stop);
    this.closed = q.closed;
    this.limit = q.limit;
    this.offset = q.offset == null ? 0 : q.offset;
    this.select = q.select == null || q.select.isEmpty() ? null : List.copyOf(q.select);
    this.step = step;
    // pages are read with the index columns too (the next page starts after the last index of this one)
    if (select == null) {
      this.columns = null;
    } else {
      List<String> cols = new ArrayList<>(SegmentFrames.columns(series.schema(), select));
      for (ColumnDefinition c : series.schema().index()) {
        if (!cols.contains(c.name())) {
          cols.add(c.name());
        }
      }
      this.columns = cols;
    }
  }

  /** The pages, as a list (reads everything). */
  public List<Frame> toList() {
    List<Frame> out = new ArrayList<>();
    for (Frame f : this) {
      out.add(f);
    }
    return out;
  }

  @Override
  public Iterator<Frame> iterator() {
    return new PageIterator();
  }

  private final class PageIterator implements Iterator<Frame> {
    private Object[] pageStart = start;
    private Closed pageClosed = closed;
    private long off = offset;
    private Long left = limit;
    private boolean done = commit == null;
    private Frame next;

    @Override
    public boolean hasNext() {
      while (next == null && !done) {
        next = advance();
      }
      return next != null;
    }

    @Override
    public Frame next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Frame f = next;
      next = null;
      return f;
    }

    /** One step of §10.6's loop: the next page, or null when this step yields nothing. */
    private Frame advance() {
      if (left != null && left == 0) {
        done = true;
        return null;
      }
      long want = left == null ? step : Math.min(step, left);
      List<Segment> segs = new ArrayList<>();
      long readLen = 0;
      for (Segment sgm : series.segments(commit, pageStart, stop, pageClosed)) {
        segs.add(sgm);
        readLen += sgm.length();
        if (readLen >= want) {
          break;
        }
      }
      Frame page = SegmentFrames.fromSegments(series.schema(), segs, want, off, columns);
      if (!page.isEmpty()) {
        Object[] key = page.stop();
        long end = off + page.length();
        long runEnd = 0;
        for (Segment s : series.segments(commit, pageStart, key, pageClosed.setRight(true))) {
          runEnd += s.length();
        }
        long n = runEnd - end;
        if (left != null) {
          n = Math.min(n, left - page.length());
        }
        if (n > 0) {
          Frame rest = SegmentFrames.fromSegments(series.schema(), series.segments(commit, pageStart, stop, pageClosed),
              n, end, columns);
          page = Frame.concat(page, rest);
        }
      }
      off = Math.max(off - readLen, 0);
      if (off == 0 && left != null) {
        left = Math.max(left - page.length(), 0);
      }
      Object[] newStart = !page.isEmpty() ? page.stop() : segs.isEmpty() ? null : segs.get(segs.size() - 1).range().stop();
      // no progress is possible only when the next start is the current one and already excluded; the reference
      // also stops when the first page ends on a start bound it included, losing every later row
      if (newStart == null || (pageStart != null && !pageClosed.left()
          && Values.compareTuples(series.schema().indexDtypes(), newStart, pageStart) == 0)) {
        done = true;
      } else {
        pageStart = newStart;
        pageClosed = pageClosed.setLeft(false);
      }
      return page.isEmpty() ? null : page.select(select);
    }
  }
}
