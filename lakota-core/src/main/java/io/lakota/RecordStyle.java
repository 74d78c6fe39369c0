package io.lakota;

/**
 * How {@link Frame#records(RecordStyle)} and {@link Row#toMap(RecordStyle)} present values (SEMANTICS.md §6).
 */
public enum RecordStyle {
  /**
   * Datetimes as {@link java.time.LocalDateTime} (naive, UTC by convention), dates ({@code datetime64[D]}) as
   * {@link java.time.LocalDate}, other values as stored ({@code double}, {@code long}, {@code String}, …).
   */
  DEFAULT,
  /** Datetimes as epoch seconds ({@code long}); dates as the seconds of their midnight (1970-01-02 → 86400). */
  EPOCH,
  /** The stored values: datetimes as counts of their unit, as in the column arrays. */
  RAW
}
