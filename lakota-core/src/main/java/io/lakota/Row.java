package io.lakota;

import io.lakota.errors.ValidationException;
import io.lakota.format.Columns;
import io.lakota.format.Datetimes;
import io.lakota.format.Dtype;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * One row of a {@link Frame}: a view (frame and position) for convenient row-by-row access. Immutable; it reads the
 * frame's column arrays, so scans over many rows should read the arrays directly instead.
 */
public final class Row {
  private final Frame frame;
  private final int position;

  Row(Frame frame, int position) {
    this.frame = frame;
    this.position = position;
  }

  /** The position of this row in its frame. */
  public int position() {
    return position;
  }

  /** The stored value of a column, boxed ({@code Long} for datetimes and int64, {@code Double}, …). */
  public Object get(String column) {
    return Columns.get(frame.column(column), position);
  }

  /** A {@code long} column's value (datetimes as counts of their unit). */
  public long getLong(String column) {
    return frame.longs(column)[position];
  }

  /** A {@code double} column's value. */
  public double getDouble(String column) {
    return frame.doubles(column)[position];
  }

  /** A string column's value. */
  public String getString(String column) {
    return frame.strings(column)[position];
  }

  /** A datetime column's value as a naive date-time, null for NaT. */
  public LocalDateTime localDateTime(String column) {
    Dtype dt = frame.schema().column(column).dtype();
    ValidationException.check(dt.kind() == Dtype.Kind.DATETIME,
        "Cannot read column \"%s\" as a date-time: it is %s", column, dt.name());
    long v = frame.longs(column)[position];
    return v == Datetimes.NAT ? null : Datetimes.toLocalDateTime(v, dt.unit());
  }

  /** A datetime column's value as an instant (naive values are UTC by convention), null for NaT. */
  public Instant instant(String column) {
    LocalDateTime t = localDateTime(column);
    return t == null ? null : t.toInstant(java.time.ZoneOffset.UTC);
  }

  /** A datetime column's date part, null for NaT. */
  public LocalDate localDate(String column) {
    LocalDateTime t = localDateTime(column);
    return t == null ? null : t.toLocalDate();
  }

  /** The index tuple of this row, boxed. */
  public Object[] index() {
    return frame.indexTuple(position);
  }

  /** The row as a map of column name to value, in frame order. */
  public Map<String, Object> toMap(RecordStyle style) {
    return FrameRecords.record(frame, frame.columns(), position, style);
  }

  @Override
  public String toString() {
    return "Row" + position + toMap(RecordStyle.DEFAULT);
  }
}
