package io.lakota.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.Collection;
import io.lakota.Frame;
import io.lakota.Repo;
import io.lakota.SeriesFormat;
import io.lakota.format.Schema;
import io.lakota.parquet.ParquetFormat;
import io.lakota.storage.memory.MemoryPod;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SEMANTICS.md §21.8 R-10 through the Java API, with the real CSV and Parquet formats. */
class ExchangeCsvTest {
  static final Schema SCHEMA = Schema.parse("timestamp timestamp*", "category str*", "value float", "note str");

  static Repo source() {
    Repo repo = new Repo(new MemoryPod());
    Collection c = repo.createCollection(SCHEMA, "test_coll");
    Map<String, Object> cols = new LinkedHashMap<>();
    cols.put("timestamp", new long[] {1592784000L, 1592784000L, 1592870400L});
    cols.put("category", new String[] {"a", "b", "a"});
    cols.put("value", new double[] {25.0, 1e16, 0.30000000000000004});
    cols.put("note", new String[] {"", "say \"hi\"", "x,y"});
    c.series("test_series").write(cols);
    return repo;
  }

  static List<String> sorted(List<String> paths) {
    List<String> out = new ArrayList<>(paths);
    out.sort(null);
    return out;
  }

  @Test
  void exportsToAMemPodAndImportsIntoANewMemoryRepo() {
    Repo repo = source();
    MemoryPod pod = new MemoryPod();
    repo.exportCollections(pod, CsvFormat.INSTANCE, List.of());
    assertThat(sorted(pod.walk())).containsExactly("test_coll/_schema.json", "test_coll/test_series.csv");
    assertThat(new String(pod.read("test_coll/test_series.csv"), StandardCharsets.UTF_8)).isEqualTo(
        "timestamp,category,value,note\r\n"
            + "2020-06-22T00:00:00,a,25.0,\r\n"
            + "2020-06-22T00:00:00,b,1e+16,\"say \"\"hi\"\"\"\r\n"
            + "2020-06-23T00:00:00,a,0.30000000000000004,\"x,y\"\r\n");
    assertThat(new String(pod.read("test_coll/_schema.json"), StandardCharsets.UTF_8)).isEqualTo(
        "{\"kind\": null, \"columns\": {\"timestamp\": {\"dt\": \"datetime64[s]\", \"codecs\": [\"blosc\"], \"idx\": "
            + "true}, \"category\": {\"dt\": \"<U0\", \"codecs\": [\"msgpack2\", \"zstd\"], \"idx\": true}, \"value\": "
            + "{\"dt\": \"float64\", \"codecs\": [\"blosc\"], \"idx\": false}, \"note\": {\"dt\": \"<U0\", \"codecs\": "
            + "[\"msgpack2\", \"zstd\"], \"idx\": false}}}");
    roundTrip(repo, pod, CsvFormat.INSTANCE);
  }

  @Test
  void roundTripsParquetTheSameWay() {
    Repo repo = source();
    MemoryPod pod = new MemoryPod();
    ParquetFormat parquet = new ParquetFormat();
    repo.exportCollections(pod, parquet, List.of());
    assertThat(sorted(pod.walk())).containsExactly("test_coll/_schema.json", "test_coll/test_series.parquet");
    roundTrip(repo, pod, parquet);
  }

  @Test
  void theCommandLineFindsBothFormats() {
    assertThat(SeriesFormats.all()).extracting(SeriesFormat::extension).containsExactly("csv", "parquet");
  }

  private static void roundTrip(Repo repo, MemoryPod pod, SeriesFormat format) {
    Repo target = new Repo(new MemoryPod());
    target.importCollections(pod, List.of(), format);
    Frame expected = repo.collection("test_coll").series("test_series").frame();
    assertThat(target.collection("test_coll").schema()).isEqualTo(SCHEMA);
    assertThat(target.collection("test_coll").series("test_series").frame()).isEqualTo(expected);
  }
}
