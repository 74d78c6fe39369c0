package io.lakota.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.Collection;
import io.lakota.Repo;
import io.lakota.errors.CorruptObjectException;
import io.lakota.errors.IntegrityException;
import io.lakota.errors.LakotaException;
import io.lakota.errors.NotFoundException;
import io.lakota.errors.UnsupportedFormatException;
import io.lakota.format.Schema;
import io.lakota.id.Digests;
import io.lakota.storage.file.FilePod;
import io.lakota.testing.Fixtures;
import io.lakota.version.Commit;
import io.lakota.version.CommitCodec;
import io.lakota.version.Revision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupt and malformed repositories give a typed exception naming the path and the problem, never a wrong answer
 * and never an index or allocation error (issue acceptance 5).
 */
class CorruptionTest {
  static final String PARIS_VALUES = "50/73/6e6e3a1ddfa40b0cbbbd056ca0588e0cbf50.1a2014fce61";
  static final String TEMPERATURE = "c3/57/5d3bb52a51fe14eabe440bace5890934ba9f";

  @TempDir Path tmp;
  Path root;

  @BeforeEach
  void copyGolden() throws IOException {
    root = tmp.resolve("repo");
    Fixtures.goldenCopy(root);
  }

  Repo repo() {
    return new Repo(new FilePod(root));
  }

  @Test
  void truncatedDataFile() throws IOException {
    Path f = root.resolve(PARIS_VALUES);
    byte[] data = Files.readAllBytes(f);
    for (int len : new int[] {0, 1, 15, 16, 20, data.length / 2, data.length - 1}) {
      Files.write(f, java.util.Arrays.copyOf(data, len));
      assertThatThrownBy(() -> repo().collection("temperature").series("Paris").frame())
          .as("truncated to %d bytes", len)
          .isInstanceOf(CorruptObjectException.class)
          .hasMessageContaining("50/73/6e6e3a1ddfa40b0cbbbd056ca0588e0cbf50")
          .hasMessageContaining("column value");
    }
  }

  @Test
  void everySingleByteCorruptionOfADataFileIsDetectedOrHarmless() throws IOException {
    Path f = root.resolve(PARIS_VALUES);
    byte[] data = Files.readAllBytes(f);
    double[] expected = Fixtures.values(2000);
    int detected = 0;
    int tried = 0;
    // every header and block-table byte, then a stride through the compressed streams
    for (int i = 0; i < data.length; i += i < 64 ? 1 : 7) {
      tried++;
      byte[] bad = data.clone();
      bad[i] ^= 0x5a;
      Files.write(f, bad);
      try {
        // a byte the decoder does not depend on (e.g. the compressor version) may leave the values intact
        double[] read = repo().collection("temperature").series("Paris").frame().doubles("value");
        assertThat(read).as("byte %d flipped", i).containsExactly(expected);
      } catch (CorruptObjectException e) {
        assertThat(e.getMessage()).as("byte %d flipped", i)
            .contains("50/73/6e6e3a1ddfa40b0cbbbd056ca0588e0cbf50");
        detected++;
      }
    }
    assertThat(detected).isGreaterThan(tried - 8);
  }

  @Test
  void missingDataFile() throws IOException {
    Files.delete(root.resolve(PARIS_VALUES));
    assertThatThrownBy(() -> repo().collection("temperature").series("Paris").frame())
        .isInstanceOf(NotFoundException.class)
        .hasMessage("File 50/73/6e6e3a1ddfa40b0cbbbd056ca0588e0cbf50 is missing!");
  }

  @Test
  void revisionWhoseContentDoesNotMatchItsName() throws IOException {
    Repo repo = repo();
    Revision leaf = repo.collection("temperature").changelog().leaf();
    Path f = root.resolve(TEMPERATURE).resolve(leaf.path());
    byte[] data = Files.readAllBytes(f);
    data[data.length - 1] ^= 1;
    Files.write(f, data);
    assertThatThrownBy(() -> repo().collection("temperature").series("Brussels").frame())
        .isInstanceOf(IntegrityException.class)
        .hasMessage("Unable to read " + leaf.path());
  }

  @Test
  void malformedCommitNamedAfterItsContent() throws IOException {
    byte[] garbage = "this is not a commit".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Revision leaf = repo().collection("temperature").changelog().leaf();
    String name = leaf.child() + ".1b000000000-" + Digests.sha1(garbage);
    Files.write(root.resolve(TEMPERATURE).resolve(name), garbage);
    assertThatThrownBy(() -> repo().collection("temperature").series("Brussels").frame())
        .isInstanceOf(CorruptObjectException.class)
        .hasMessageStartingWith("Cannot decode " + TEMPERATURE + "/" + name + ": ");
  }

  @Test
  void unknownCodecAndDtypeInTheRegistryAreRefusedByName() {
    Repo repo = repo();
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("path", "aa/bb/cccccccccccccccccccccccccccccccccccc");
    Map<String, Object> schema = Schema.parse("timestamp int*", "value float").dump();
    @SuppressWarnings("unchecked")
    Map<String, Object> value = (Map<String, Object>) ((Map<String, Object>) schema.get("columns")).get("value");
    value.put("codecs", List.of("lzma"));
    meta.put("schema", schema);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("label", new String[] {"weird"});
    row.put("meta", new Object[] {meta});
    repo.registry().series(Repo.NAMESPACE).write(row);
    Collection weird = repo().collection("weird");
    assertThatThrownBy(() -> weird.series("s").write(Map.of("timestamp", new long[] {1}, "value", new double[] {1})))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessage("Unsupported codec: \"lzma\"");

    value.put("codecs", List.of("blosc"));
    value.put("dt", "complex128");
    repo.registry().series(Repo.NAMESPACE).write(row);
    assertThatThrownBy(() -> repo().collection("weird"))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessage("Unsupported dtype: \"complex128\"");
    assertThatThrownBy(() -> repo().createCollection(
            Schema.builder().add(new io.lakota.format.ColumnDefinition("t", io.lakota.format.Dtype.INT64,
                List.of("snappy"), true)).build(), "nope"))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessage("Unsupported codec: \"snappy\"");
    assertThat(repo().ls()).doesNotContain("nope");
  }

  @Test
  void damagedCommitPayloadsOnlyEverGiveCorruptObjectException() {
    byte[] payload = Fixtures.bytes("commit_example_6a4cb8f3.bin");
    Schema schema = Schema.parse("timestamp timestamp*", "value float");
    int decoded = 0;
    for (int len = 0; len < payload.length; len++) {
      try {
        CommitCodec.decode(schema, java.util.Arrays.copyOf(payload, len), "x");
        decoded++;
      } catch (CorruptObjectException e) {
        assertThat(e.getMessage()).startsWith("Cannot decode x: ");
      }
    }
    assertThat(decoded).as("no truncation decodes").isZero();
    for (int i = 0; i < payload.length; i++) {
      for (int flip : new int[] {0x01, 0x80, 0xff}) {
        byte[] bad = payload.clone();
        bad[i] ^= (byte) flip;
        try {
          Commit c = CommitCodec.decode(schema, bad, "x");
          assertThat(c.rows().size()).isLessThanOrEqualTo(1);
        } catch (CorruptObjectException e) {
          assertThat(e.getMessage()).startsWith("Cannot decode x: ");
        } catch (LakotaException e) {
          throw new AssertionError("byte " + i + " ^ " + flip + " gave " + e, e);
        }
      }
    }
  }
}
