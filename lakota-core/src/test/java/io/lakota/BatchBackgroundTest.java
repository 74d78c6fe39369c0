package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.ValidationException;
import io.lakota.format.Schema;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Large writes of a batch are encoded on workers after {@code write} returns: they must hold the values the frame
 * had at the call even when the caller reuses its arrays, still fail at the call for bad input, and commit in order.
 */
class BatchBackgroundTest {
  private static final Schema SCHEMA = Schema.parse("ts int*", "value float");
  private static final int ROWS = 3 * WritePlan.PARALLEL_ROWS;

  @Test
  void largeWritesKeepTheValuesOfTheCallAndCommitInOrder() {
    Collection c = Repo.open("memory://").createCollection(SCHEMA, "c");
    long[] ts = new long[ROWS];
    double[] value = new double[ROWS];
    try (Batch batch = c.multi()) {
      for (int j = 0; j < 6; j++) {
        for (int i = 0; i < ROWS; i++) {
          ts[i] = i + (j % 3) * 10L; // writes j and j + 3 overlap: the later one must win
          value[i] = j * 1_000_000 + i;
        }
        c.series("s" + (j % 3)).write(columns(ts, value));
      }
      assertThat(batch.size()).isEqualTo(6);
      batch.commit();
    }
    assertThat(c.revisions()).hasSize(1);
    for (int k = 0; k < 3; k++) {
      Frame f = c.series("s" + k).frame();
      assertThat(f.length()).isEqualTo(ROWS);
      double[] v = f.doubles("value");
      long[] t = f.longs("ts");
      for (int i = 0; i < ROWS; i++) {
        assertThat(t[i]).isEqualTo(i + k * 10L);
        assertThat(v[i]).isEqualTo((k + 3) * 1_000_000 + i);
      }
    }
  }

  @Test
  void badLargeFramesFailAtTheCall() {
    Collection c = Repo.open("memory://").createCollection(SCHEMA, "c");
    long[] ts = new long[ROWS];
    for (int i = 0; i < ROWS; i++) {
      ts[i] = ROWS - i;
    }
    try (Batch batch = c.multi()) {
      assertThatThrownBy(() -> c.series("s").write(columns(ts, new double[ROWS])))
          .isInstanceOf(ValidationException.class).hasMessageStartingWith("Frame is not sorted!");
      assertThat(batch.size()).isZero();
    }
    assertThat(c.revisions()).isEmpty();
  }

  private static Map<String, Object> columns(long[] ts, double[] value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ts", ts);
    m.put("value", value);
    return m;
  }
}
