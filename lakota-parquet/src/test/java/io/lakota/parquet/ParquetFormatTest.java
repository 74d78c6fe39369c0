package io.lakota.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.Frame;
import io.lakota.Repo;
import io.lakota.errors.ValidationException;
import io.lakota.format.Datetimes;
import io.lakota.format.Schema;
import io.lakota.storage.memory.MemoryPod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.junit.jupiter.api.Test;

/** The Parquet series format (FORMAT.md §10): the pandas-like layout and exact round trips of every dtype. */
class ParquetFormatTest {
  static final ParquetFormat PARQUET = new ParquetFormat();

  static final Schema ALL = Schema.parse("ts timestamp*", "k int*", "day date", "ms datetime64[ms]",
      "ns datetime64[ns]", "month datetime64[M]", "f float", "g float32", "i32 int32", "i16 int16", "i8 int8",
      "u64 uint64", "u32 uint32", "u16 uint16", "u8 uint8", "b bool", "s str", "fixed U3");

  static Frame all() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("ts", new long[] {1592784000L, 1592784000L, 1592870400L});
    c.put("k", new long[] {1, 2, -3});
    c.put("day", new long[] {18435, Datetimes.NAT, -1});
    c.put("ms", new long[] {1592784000123L, -1L, Datetimes.NAT});
    c.put("ns", new long[] {1592784000123456789L, Long.MAX_VALUE, -1L});
    c.put("month", new long[] {605, 0, -13});
    c.put("f", new double[] {25.0, Double.NaN, -0.0});
    c.put("g", new float[] {0.1f, Float.POSITIVE_INFINITY, -1.5f});
    c.put("i32", new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE});
    c.put("i16", new short[] {Short.MIN_VALUE, 1, Short.MAX_VALUE});
    c.put("i8", new byte[] {Byte.MIN_VALUE, 2, Byte.MAX_VALUE});
    c.put("u64", new long[] {-1L, 0, Long.MAX_VALUE});
    c.put("u32", new int[] {-1, 0, 7});
    c.put("u16", new short[] {(short) 65535, 0, 9});
    c.put("u8", new byte[] {(byte) 255, 0, 3});
    c.put("b", new boolean[] {true, false, true});
    c.put("s", new String[] {"é, \"quoted\"", "", "line\nbreak"});
    c.put("fixed", new String[] {"abc", "", "z"});
    return new Frame(ALL, c);
  }

  @Test
  void roundTripsEveryDtypeExactly() {
    Frame f = all();
    byte[] file = PARQUET.encode(f);
    assertThat(new String(file, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PAR1");
    Frame back = new Frame(ALL, PARQUET.decode(file, ALL, "c/s.parquet"));
    assertThat(back).isEqualTo(f);
    assertThat(back.longs("day")[1]).isEqualTo(Datetimes.NAT);
    assertThat(Double.doubleToRawLongBits(back.doubles("f")[2])).isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @Test
  void writesThePandasLayoutWithSnappy() throws Exception {
    byte[] file = PARQUET.encode(all());
    try (ParquetFileReader r = ParquetFileReader.open(new MemoryFiles.Input(file),
        ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
      ParquetMetadata footer = r.getFooter();
      assertThat(footer.getFileMetaData().getSchema().toString()).isEqualTo(String.join("\n",
          "message schema {",
          "  optional int64 ts (TIMESTAMP(MILLIS,false));",
          "  optional int64 k;",
          "  optional int32 day (DATE);",
          "  optional int64 ms (TIMESTAMP(MILLIS,false));",
          "  optional int64 ns (TIMESTAMP(NANOS,false));",
          "  optional int64 month (TIMESTAMP(MILLIS,false));",
          "  optional double f;",
          "  optional float g;",
          "  optional int32 i32;",
          "  optional int32 i16 (INTEGER(16,true));",
          "  optional int32 i8 (INTEGER(8,true));",
          "  optional int64 u64 (INTEGER(64,false));",
          "  optional int32 u32 (INTEGER(32,false));",
          "  optional int32 u16 (INTEGER(16,false));",
          "  optional int32 u8 (INTEGER(8,false));",
          "  optional boolean b;",
          "  optional binary s (STRING);",
          "  optional binary fixed (STRING);",
          "}", ""));
      assertThat(footer.getBlocks()).hasSize(1);
      assertThat(footer.getBlocks().get(0).getRowCount()).isEqualTo(3);
      for (ColumnChunkMetaData c : footer.getBlocks().get(0).getColumns()) {
        assertThat(c.getCodec()).isEqualTo(CompressionCodecName.SNAPPY);
      }
      // NaT and a null string are nulls; the seconds column is in milliseconds
      assertThat(footer.getBlocks().get(0).getColumns().get(2).getStatistics().getNumNulls()).isEqualTo(1);
      assertThat(footer.getBlocks().get(0).getColumns().get(0).getStatistics().genericGetMin())
          .isEqualTo(1592784000000L);
    }
  }

  @Test
  void convertsTimestampsToTheSchemaUnit() {
    Schema millis = Schema.parse("t datetime64[ms]*", "v float");
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("t", new long[] {1000L, 2500L, -1L});
    c.put("v", new double[] {1, 2, 3});
    byte[] file = PARQUET.encode(new Frame(millis, c));
    Schema seconds = Schema.parse("t timestamp*", "v float");
    // floored, as numpy's astype does
    assertThat((long[]) PARQUET.decode(file, seconds, "x").get("t")).containsExactly(1L, 2L, -1L);
    Schema days = Schema.parse("t date*", "v float");
    assertThat((long[]) PARQUET.decode(file, days, "x").get("t")).containsExactly(0L, 0L, -1L);
  }

  @Test
  void refusesWhatDoesNotFitAndWhatIsNotParquet() {
    Schema wide = Schema.parse("k int*", "v int");
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("k", new long[] {1, 2});
    c.put("v", new long[] {1, 300});
    byte[] file = PARQUET.encode(new Frame(wide, c));
    Schema narrow = Schema.parse("k int*", "v int8");
    assertThatThrownBy(() -> PARQUET.decode(file, narrow, "c/s.parquet"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Unable to load c/s.parquet: column \"v\" row 1: 300 does not fit int8");
    assertThatThrownBy(() -> PARQUET.decode("k,v\n1,2\n".getBytes(), wide, "c/s.parquet"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Unable to load c/s.parquet: not a readable Parquet file (");
    Schema withNan = Schema.parse("k int*", "v float");
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("k", new long[] {1});
    f.put("v", new double[] {Double.NaN});
    byte[] floats = PARQUET.encode(new Frame(withNan, f));
    // pandas turns an integer column with nulls into floats: such a file is refused, not rounded
    assertThatThrownBy(() -> PARQUET.decode(floats, wide, "c/f.parquet"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Unable to load c/f.parquet: column \"v\" holds DOUBLE values, not integers");
    assertThatThrownBy(() -> PARQUET.decode(floats, Schema.parse("k int*", "v timestamp"), "c/f.parquet"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Unable to load c/f.parquet: column \"v\" holds DOUBLE values, not datetimes");
  }

  @Test
  void exportsAndImportsCollectionsThroughARepository() {
    Repo source = new Repo(new MemoryPod());
    source.createCollection(ALL, "every");
    source.collection("every").series("x").write(all());
    Schema simple = Schema.parse("timestamp timestamp*", "value float");
    source.createCollection(simple, "temperature");
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("timestamp", new long[] {1592784000L, 1592870400L});
    c.put("value", new double[] {25.0, 24.2});
    source.collection("temperature").series("Brussels").write(c);
    MemoryPod exported = new MemoryPod();
    source.exportCollections(exported, PARQUET, List.of());
    assertThat(exported.walk()).containsExactlyInAnyOrder("every/_schema.json", "every/x.parquet",
        "temperature/_schema.json", "temperature/Brussels.parquet");
    Repo target = new Repo(new MemoryPod());
    assertThat(target.importCollections(exported, List.of(), PARQUET)).containsExactly("every", "temperature");
    assertThat(target.collection("every").series("x").frame()).isEqualTo(all());
    assertThat(target.collection("temperature").series("Brussels").frame())
        .isEqualTo(source.collection("temperature").series("Brussels").frame());
  }
}
