package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.format.Datetimes;
import io.lakota.format.Schema;
import io.lakota.query.ArrayValue;
import io.lakota.query.ReduceColumn;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SEMANTICS.md §21.12 U-5: {@code as-tz} (EXPRESSIONS.md §7.2) through the frame API. */
class AsTzTest {
  static final Schema SCHEMA = Schema.parse("timestamp timestamp*", "value float");

  /** Hourly timestamps from 2000-01-01 (inclusive) to 2020-01-01 (exclusive). */
  static Frame hourly() {
    long start = LocalDateTime.of(2000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    long stop = LocalDateTime.of(2020, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    long[] ts = Datetimes.range(start, stop, 3600);
    return new Frame(SCHEMA, Map.of("timestamp", ts, "value", new double[ts.length]));
  }

  static long[] local(Frame f, String zone) {
    ArrayValue a = f.reduce(ReduceColumn.named("local", "(as-tz self.timestamp \"" + zone + "\")")).column("local");
    assertThat(a.dtype().name()).isEqualTo("datetime64[s]");
    return (long[]) a.data();
  }

  @Test
  @DisplayName("U-5 as-tz on 20 years of hours equals the IANA database's UTC to wall-clock conversion")
  void matchesTheTimeZoneDatabase() {
    Frame f = hourly();
    long[] utc = f.longs("timestamp");
    assertThat(utc).hasSize(175_320);
    for (String zone : new String[] {"US/Pacific", "Europe/Brussels", "Japan"}) {
      long[] local = local(f, zone);
      assertThat(local).hasSize(utc.length);
      var rules = ZoneId.of(zone).getRules();
      for (int i = 0; i < utc.length; i++) {
        long expected = utc[i] + rules.getOffset(Instant.ofEpochSecond(utc[i])).getTotalSeconds();
        if (local[i] != expected) {
          assertThat(Datetimes.format(local[i], "s")).as(zone + " at " + Datetimes.format(utc[i], "s"))
              .isEqualTo(Datetimes.format(expected, "s"));
        }
      }
    }
  }

  @Test
  @DisplayName("U-5 exact values around daylight saving changes")
  void daylightSavingChanges() {
    Schema s = SCHEMA;
    long[] ts = {
      Datetimes.parse("2000-01-01T00:00:00", "s"),
      Datetimes.parse("2020-03-08T09:00:00", "s"),
      Datetimes.parse("2020-03-08T10:00:00", "s"),
      Datetimes.parse("2019-10-27T00:00:00", "s"),
      Datetimes.parse("2019-10-27T01:00:00", "s"),
      Datetimes.parse("2020-06-22T00:00:00", "s"),
    };
    Frame f = new Frame(s, Map.of("timestamp", ts, "value", new double[ts.length]));
    assertThat(text(local(f, "US/Pacific"))).containsExactly("1999-12-31T16:00:00", "2020-03-08T01:00:00",
        "2020-03-08T03:00:00", "2019-10-26T17:00:00", "2019-10-26T18:00:00", "2020-06-21T17:00:00");
    assertThat(text(local(f, "Europe/Brussels"))).containsExactly("2000-01-01T01:00:00", "2020-03-08T10:00:00",
        "2020-03-08T11:00:00", "2019-10-27T02:00:00", "2019-10-27T02:00:00", "2020-06-22T02:00:00");
    assertThat(text(local(f, "Japan"))).containsExactly("2000-01-01T09:00:00", "2020-03-08T18:00:00",
        "2020-03-08T19:00:00", "2019-10-27T09:00:00", "2019-10-27T10:00:00", "2020-06-22T09:00:00");
  }

  static String[] text(long[] values) {
    String[] out = new String[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Datetimes.format(values[i], "s");
    }
    return out;
  }
}
