package io.lakota.id;

import java.time.Instant;

/**
 * Revision timestamps: 11 lowercase hex digits of milliseconds since the epoch (FORMAT.md §4.2). Because the width
 * is fixed, string order is time order.
 */
public final class Hextime {
  /** The largest time an 11-digit hextime can hold. */
  public static final long MAX_MILLIS = 0xfffffffffffL;

  private Hextime() {}

  /** The hextime of {@code millis} since the epoch, left-padded with zeros to 11 characters. */
  public static String of(long millis) {
    if (millis < 0 || millis > MAX_MILLIS) {
      throw new IllegalArgumentException("Cannot build a hextime: " + millis + " ms is out of range");
    }
    String h = Long.toHexString(millis);
    return "00000000000".substring(h.length()) + h;
  }

  /** The hextime of an instant (truncated to the millisecond). */
  public static String of(Instant instant) {
    return of(instant.toEpochMilli());
  }

  /** The milliseconds of an 11-hex string. */
  public static long millis(String hextime) {
    if (hextime.length() != 11 || !Digests.isLowerHex(hextime, 0, 11)) {
      throw new IllegalArgumentException("Cannot parse hextime \"" + hextime + "\": expected 11 lowercase hex digits");
    }
    return Long.parseLong(hextime, 16);
  }
}
