package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.ValidationException;
import io.lakota.format.ColumnDefinition;
import io.lakota.format.Datetimes;
import io.lakota.format.Dtype;
import io.lakota.format.Schema;
import io.lakota.format.codec.ColumnCodec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Schemas, SEMANTICS.md §21.9 (SC-1, SC-3, SC-4, SC-5; SC-2 and the registry part of SC-5 run on every backend in
 * {@link RepositoryContract}; the SC-6 grammar table is in {@code format.SchemaTest}), BF-9 and BF-11.
 */
class SchemaCasesTest {
  @Test
  @DisplayName("SC-1 blosc round trip of a year of minutes and of float64 -100..99")
  void bloscRoundTrip() {
    long start = Datetimes.parse("2020-01-01", "s");
    long stop = Datetimes.parse("2021-01-01", "s");
    long[] minutes = Datetimes.range(start, stop, 60);
    assertThat(minutes).hasSize(527_040);
    ColumnCodec ts = ColumnCodec.of(ColumnDefinition.parse("timestamp", "timestamp*"));
    byte[] enc = ts.encode(minutes);
    assertThat(enc.length).isLessThan(minutes.length * 8 / 10);
    // isEqualTo compares arrays with Arrays.equals; containsExactly is quadratic on half a million values
    assertThat((long[]) ts.decode(enc, 0, enc.length, minutes.length)).isEqualTo(minutes);
    assertThat(Datetimes.format(minutes[minutes.length - 1], "s")).isEqualTo("2020-12-31T23:59:00");
    double[] values = new double[200];
    for (int i = 0; i < 200; i++) {
      values[i] = i - 100;
    }
    ColumnCodec f8 = ColumnCodec.of(ColumnDefinition.parse("value", "float"));
    byte[] e2 = f8.encode(values);
    assertThat((double[]) f8.decode(e2, 0, e2.length, 200)).containsExactly(values);
  }

  @Test
  @DisplayName("SC-3 schema from column arrays")
  void fromColumns() {
    Map<String, Object> columns = new java.util.LinkedHashMap<>();
    columns.put("timestamp", new Instant[] {Instant.EPOCH});
    columns.put("float", new double[] {1});
    columns.put("int", new long[] {1});
    columns.put("str", new String[] {"a"});
    columns.put("day", new LocalDate[] {LocalDate.EPOCH});
    Schema s = Schema.fromColumns(columns, List.of("timestamp"));
    assertThat(s.columns()).extracting(c -> c.dtype().name())
        .containsExactly("datetime64[s]", "float64", "int64", "<U1", "datetime64[D]");
    assertThat(s.index()).extracting(ColumnDefinition::name).containsExactly("timestamp");
    assertThat(Schema.fromColumns(Map.of("a", new long[] {1}), List.of()).index()).hasSize(1);
    assertThat(Schema.fromColumns(Map.of("s", new String[] {"abc", "é😀"}), null).column("s").dtype().name())
        .isEqualTo("<U3");
    assertThatThrownBy(() -> Schema.fromColumns(Map.of("a", "text"), null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot infer the dtype of column \"a\": String is not a column array");
  }

  @Test
  @DisplayName("SC-4 serialize and deserialize a row")
  void serialize() {
    Schema s = Schema.parse("timestamp timestamp*", "float f8", "int i8", "str str");
    List<String> text = s.serialize("2020-01-01T00:00:00", 1.1, 1, "one");
    assertThat(text).containsExactly("2020-01-01 00:00:00", "1.1", "1", "one");
    assertThat(s.deserialize(text)).containsExactly(1577836800L, 1.1, 1L, "one");
    Schema b = Schema.parse("day date*", "flag bool");
    assertThat(b.serialize(LocalDate.of(2020, 1, 2), false)).containsExactly("2020-01-02", "False");
    assertThat(b.deserialize(List.of("2020-01-02", "False"))).containsExactly(18263L, false);
    assertThat(b.deserialize(List.of("2020-01-02", "True"))).containsExactly(18263L, true);
  }

  @Test
  @DisplayName("SC-5 equal definitions give equal schemas (the registry round trip is in RepositoryContract); BF-9")
  void equality() {
    Schema a = Schema.parse("timestamp timestamp*", "value float");
    Schema b = Schema.builder().index("timestamp", Dtype.TIMESTAMP).column("value", Dtype.FLOAT64).build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(Schema.load(a.dump())).isEqualTo(b);
    assertThat(Schema.parse("a int*")).isNotEqualTo(Schema.parse("a int*", "b float"));
    Schema kv = Schema.builder().kv().column("a", "int*").column("b", "float").build();
    assertThat(kv).isNotEqualTo(Schema.parse("a int*", "b float"));
    assertThat(Schema.parse("a int*", "b float | zstd")).isNotEqualTo(Schema.parse("a int*", "b float"));
  }

  @Test
  @DisplayName("BF-11 string arrays are truncated to the msgpack2 dtype width, as numpy does")
  void msgpackWidthTruncation() {
    ColumnCodec str = ColumnCodec.of(Dtype.STR, List.of("msgpack2"));
    assertThat((String[]) str.decode(msgpack("<U2"), 0, msgpack("<U2").length, 2)).containsExactly("ab", "de");
    assertThat((String[]) str.decode(msgpack("<U0"), 0, msgpack("<U0").length, 2)).containsExactly("a", "d");
  }

  private static byte[] msgpack(String dtype) {
    try (org.msgpack.core.MessageBufferPacker p = org.msgpack.core.MessagePack.newDefaultBufferPacker()) {
      p.packArrayHeader(4);
      p.packString("abc");
      p.packString("de");
      p.packString(dtype);
      p.packArrayHeader(1);
      p.packInt(2);
      return p.toByteArray();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
