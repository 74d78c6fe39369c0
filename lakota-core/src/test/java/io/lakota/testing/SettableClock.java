package io.lakota.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A UTC clock that tests move by hand, so that time-based operations need no sleeps. Thread-safe. */
public final class SettableClock extends Clock {
  private final AtomicLong millis;

  public SettableClock(long startMillis) {
    millis = new AtomicLong(startMillis);
  }

  /** Moves the clock forward by {@code ms} milliseconds and returns the new time. */
  public Instant advance(long ms) {
    return Instant.ofEpochMilli(millis.addAndGet(ms));
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a settable clock is UTC only");
  }
}
