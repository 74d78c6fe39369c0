package io.lakota;

import io.lakota.errors.ValidationException;
import io.lakota.format.Casts;
import io.lakota.format.Closed;
import io.lakota.format.ColumnDefinition;
import io.lakota.format.Columns;
import io.lakota.format.Schema;
import io.lakota.version.Revision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Series#update}: a write of some value columns over the existing rows of a range (SEMANTICS.md §10.3). The
 * rows of the range are read, the updated columns replaced on the rows of the frame that match them, new rows
 * (before or after the existing ones) get zero values in the other columns, and the whole range is written back.
 */
final class PartialUpdate {
  private PartialUpdate() {}

  static List<Revision> apply(Series series, Map<String, ?> data) {
    Schema schema = series.schema();
    String where = "series \"" + series.label() + "\"";
    for (String name : data.keySet()) {
      ValidationException.check(schema.has(name), "Cannot update %s: unknown column \"%s\"", where, name);
    }
    List<String> index = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (ColumnDefinition c : schema.columns()) {
      if (c.isIndex()) {
        ValidationException.check(data.containsKey(c.name()), "KeyError: \"%s\" (%s)", c.name(), where);
        index.add(c.name());
      } else if (!data.containsKey(c.name())) {
        kept.add(c.name());
      }
    }
    Frame frame = new Frame(schema, data);
    int bad = frame.firstUnsorted();
    if (bad >= 0) {
      throw new ValidationException("Frame is not sorted! (" + where + ", row " + bad + ")");
    }
    ValidationException.check(!frame.isEmpty(), "Cannot update %s with an empty frame", where);
    Object[] s = frame.start();
    Object[] e = frame.stop();
    if (series.collection().activeBatch() != null) {
      return series.write(full(series, frame, index, kept, series.collection().changelog().leaf()), s, e,
          Closed.BOTH, false);
    }
    // the kept columns are read from the head each attempt commits on: a retry never writes back stale values
    Object[] start = series.fullBound(s);
    Object[] stop = series.fullBound(e);
    return series.collection().retry(h -> series.writeOn(h, full(series, frame, index, kept, h), start, stop));
  }

  /** The whole range of {@code frame} as the update writes it on {@code at} (null: no revision yet). */
  private static Frame full(Series series, Frame frame, List<String> index, List<String> kept, Revision at) {
    Schema schema = series.schema();
    String where = "series \"" + series.label() + "\"";
    Object[] s = frame.start();
    Object[] e = frame.stop();
    List<String> dbColumns = new ArrayList<>(index);
    dbColumns.addAll(kept);
    Frame db = at == null ? Frame.empty(schema, null)
        : series.query().at(at).start(s).stop(e).closed(Closed.BOTH).select(dbColumns.toArray(new String[0])).frame();
    Frame head = frame;
    Frame overlap = frame.slice(0, 0);
    Frame tail = frame.slice(0, 0);
    if (!db.isEmpty()) {
      overlap = frame.islice(db.start(), db.stop(), Closed.BOTH);
      head = frame.islice(null, db.start(), Closed.LEFT);
      tail = frame.islice(db.stop(), null, Closed.RIGHT);
      boolean aligned = overlap.length() == db.length();
      for (int i = 0; aligned && i < index.size(); i++) {
        aligned = Columns.equal(overlap.column(index.get(i)), db.column(index.get(i)));
      }
      if (!aligned) {
        throw new ValidationException("Update frame is not aligned with existing index (" + where + ")");
      }
    }
    Map<String, Object> full = new LinkedHashMap<>();
    for (ColumnDefinition c : schema.columns()) {
      List<Object> parts = new ArrayList<>(3);
      if (kept.contains(c.name())) {
        parts.add(Casts.filled(c, Casts.zero(c), head.length()));
        parts.add(db.column(c.name()));
        parts.add(Casts.filled(c, Casts.zero(c), tail.length()));
      } else {
        // index columns of db equal overlap's; updated columns come from the frame
        parts.add(head.column(c.name()));
        parts.add(overlap.column(c.name()));
        parts.add(tail.column(c.name()));
      }
      full.put(c.name(), Columns.concat(c.dtype(), parts));
    }
    return new Frame(schema, full);
  }
}
