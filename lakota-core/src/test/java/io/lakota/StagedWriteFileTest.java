package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.format.Schema;
import io.lakota.id.HashedPath;
import io.lakota.storage.file.FilePod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large columns on a file repository are staged (written to a temporary file before their digest is known) and
 * published under their digest: the files hold the encoded columns, reading gives the values back, and no
 * temporary file remains, also when the same data is written again (the staged copy is then discarded).
 */
class StagedWriteFileTest {
  private static final Schema SCHEMA = Schema.parse("ts int*", "value float");
  // 40 000 float64 rows: two 256 KiB blosc blocks per column, so the encode is split and the file staged
  private static final int ROWS = 40_000;

  @TempDir Path tmp;

  @Test
  void largeColumnsArePublishedUnderTheirDigestWithoutLeftovers() throws IOException {
    Repo repo = new Repo(new FilePod(tmp));
    Collection c = repo.createCollection(SCHEMA, "c");
    long[] ts = new long[ROWS];
    double[] value = new double[ROWS];
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < ROWS; i++) {
      ts[i] = 10L * i;
      value[i] = random.nextGaussian();
    }
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("ts", ts);
    frame.put("value", value);
    assertThat(c.series("s").write(frame)).hasSize(1);
    String[] digests = c.leafCommit().rows("s").get(0).digests();
    // the value column (random, 320 000 bytes raw) is far above the embedding limit: a data file
    String valueFile = HashedPath.of(digests[1]);
    assertThat(dataFiles()).contains(valueFile);
    byte[] stored = Files.readAllBytes(tmp.resolve(valueFile));
    assertThat(stored.length).isBetween(10_000, 330_000);
    assertThat(io.lakota.format.codec.ColumnCodec.of(SCHEMA.column("value")).encode(value)).isEqualTo(stored);
    List<String> dataFiles = dataFiles();
    assertThat(temporaryFiles()).isEmpty();

    assertThat(c.series("s").write(frame)).isEmpty(); // identical data: no revision, the staged copy discarded
    assertThat(dataFiles()).isEqualTo(dataFiles);
    assertThat(temporaryFiles()).isEmpty();

    Frame back = new Repo(new FilePod(tmp)).collection("c").series("s").frame();
    assertThat(back.longs("ts")).isEqualTo(ts);
    assertThat(back.doubles("value")).isEqualTo(value);
  }

  private List<String> dataFiles() throws IOException {
    try (Stream<Path> files = Files.walk(tmp)) {
      return files.filter(Files::isRegularFile)
          .map(p -> tmp.relativize(p).toString())
          .filter(p -> p.matches("[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{36}"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private List<String> temporaryFiles() throws IOException {
    Path dir = tmp.resolve(".lakota-tmp");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).map(Path::toString).collect(Collectors.toList());
    }
  }
}
