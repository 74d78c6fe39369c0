package io.lakota.query;

import io.lakota.format.Datetimes;

/**
 * A datetime scalar: a count of {@code unit} ({@code Y M W D h m s ms us ns}) since 1970-01-01T00:00:00, numpy's
 * {@code datetime64} ({@link Datetimes#NAT} is NaT). Immutable.
 */
public record DatetimeValue(long value, String unit) {

  /** numpy's text: {@code 2020-06-22T00:00:00} for seconds, {@code 2020-06} for months… */
  @Override
  public String toString() {
    return Datetimes.format(value, unit);
  }
}
