package io.lakota.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.format.Closed;
import io.lakota.format.Schema;
import io.lakota.format.codec.ColumnCodec;
import io.lakota.id.Digests;
import io.lakota.testing.Fixtures;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FORMAT.md §5 with the reference's example payloads: SEMANTICS.md §21.1 F-7 and F-8. */
class CommitFixtureTest {
  static final Schema TEMPERATURE = Schema.parse("timestamp timestamp*", "value float");

  @Test
  void decodesTheExampleCommit() {
    byte[] payload = Fixtures.bytes("commit_example_6a4cb8f3.bin");
    assertThat(payload).hasSize(509);
    assertThat(Digests.sha1(payload)).isEqualTo("6a4cb8f35eaba5d967c83c9e8fd068f5dc29cc86");
    Commit c = CommitCodec.decode(TEMPERATURE, payload, "example");
    assertThat(c.rows()).hasSize(1);
    CommitRow row = c.rows().get(0);
    assertThat(row.label()).isEqualTo("Brussels");
    assertThat(row.start()).containsExactly(1577836800L);
    assertThat(row.stop()).containsExactly(1578009600L);
    assertThat(row.digests()).containsExactly(
        "748baf693bf70cb4d26e89085f8602bb134699bd", "380e84549cb845604c318e8e14b73622cc10af42");
    assertThat(row.length()).isEqualTo(3);
    assertThat(row.closed()).isEqualTo(Closed.BOTH);
    assertThat(c.embedded().keySet()).containsExactly(
        "380e84549cb845604c318e8e14b73622cc10af42", "748baf693bf70cb4d26e89085f8602bb134699bd");
    long[] ts = (long[]) ColumnCodec.of(TEMPERATURE.column("timestamp"))
        .decode(c.embedded().get("748baf693bf70cb4d26e89085f8602bb134699bd"));
    double[] values = (double[]) ColumnCodec.of(TEMPERATURE.column("value"))
        .decode(c.embedded().get("380e84549cb845604c318e8e14b73622cc10af42"));
    assertThat(ts).containsExactly(1577836800L, 1577923200L, 1578009600L);
    assertThat(values).containsExactly(1.0, 2.0, 3.0);
  }

  @Test
  void reencodesTheExampleCommitByteForByte() {
    byte[] payload = Fixtures.bytes("commit_example_6a4cb8f3.bin");
    Commit decoded = CommitCodec.decode(TEMPERATURE, payload, "example");
    assertThat(CommitCodec.encode(decoded)).isEqualTo(payload);
  }

  @Test
  void buildsTheExampleCommitFromItsLogicalContent() {
    ColumnCodec.Encoded ts = ColumnCodec.of(TEMPERATURE.column("timestamp"))
        .encodeWithDigest(new long[] {1577836800L, 1577923200L, 1578009600L});
    ColumnCodec.Encoded values = ColumnCodec.of(TEMPERATURE.column("value"))
        .encodeWithDigest(new double[] {1.0, 2.0, 3.0});
    assertThat(ts.digest()).isEqualTo("748baf693bf70cb4d26e89085f8602bb134699bd");
    assertThat(values.digest()).isEqualTo("380e84549cb845604c318e8e14b73622cc10af42");
    Map<String, byte[]> embedded = new LinkedHashMap<>();
    embedded.put(ts.digest(), ts.bytes());
    embedded.put(values.digest(), values.bytes());
    CommitRow row = new CommitRow("Brussels", new Object[] {1577836800L}, new Object[] {1578009600L},
        new String[] {ts.digest(), values.digest()}, 3, Closed.BOTH);
    byte[] encoded = CommitCodec.encode(Commit.one(TEMPERATURE, row, embedded));
    assertThat(encoded).isEqualTo(Fixtures.bytes("commit_example_6a4cb8f3.bin"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void decodesAndReencodesTheRegistryCommit() {
    byte[] payload = Fixtures.bytes("registry_commit_example_425afb93.bin");
    assertThat(payload).hasSize(615);
    Commit c = CommitCodec.decode(Schema.REGISTRY, payload, "registry");
    CommitRow row = c.rows().get(0);
    assertThat(row.label()).isEqualTo("collection");
    assertThat(row.start()).containsExactly("temperature");
    assertThat(row.stop()).containsExactly("temperature");
    assertThat(row.length()).isEqualTo(1);
    assertThat(row.closed()).isEqualTo(Closed.BOTH);
    assertThat(row.digests()).containsExactly(
        "d503726ae5bad534d058bdc27e543ce31c887442", "f3557712156ac37393250ce5a9e382bec0b63bcc");
    Object[] meta = (Object[]) ColumnCodec.of(Schema.REGISTRY.column("meta"))
        .decode(c.embedded().get("f3557712156ac37393250ce5a9e382bec0b63bcc"));
    Map<String, Object> m = (Map<String, Object>) meta[0];
    assertThat(m.keySet()).containsExactly("path", "schema");
    assertThat(m.get("path")).isEqualTo("c0/03/5ce29c87a72e03a6b209a88519e431d88962");
    assertThat(Schema.load(m.get("schema"))).isEqualTo(TEMPERATURE);
    assertThat(io.lakota.internal.util.Json.write(m.get("schema"))).isEqualTo(
        "{\"kind\": null, \"columns\": {\"timestamp\": {\"dt\": \"datetime64[s]\", \"codecs\": [\"blosc\"], "
            + "\"idx\": true}, \"value\": {\"dt\": \"float64\", \"codecs\": [\"blosc\"], \"idx\": false}}}");
    // the label and meta arrays are re-encoded with msgpack2 + zstd level 1: identical with libzstd 1.5
    assertThat(CommitCodec.encode(c)).isEqualTo(payload);
    // encoding the logical meta value again reproduces the reference's digest (msgpack + zstd bytes identical)
    assertThat(ColumnCodec.of(Schema.REGISTRY.column("meta")).encodeWithDigest(new Object[] {m}).digest())
        .isEqualTo("f3557712156ac37393250ce5a9e382bec0b63bcc");
    assertThat(ColumnCodec.of(Schema.REGISTRY.column("label")).encodeWithDigest(new String[] {"temperature"})
        .digest()).isEqualTo("d503726ae5bad534d058bdc27e543ce31c887442");
  }

  @Test
  void emptyCommitIsValid() {
    Commit empty = Commit.empty(TEMPERATURE);
    byte[] payload = CommitCodec.encode(empty);
    Commit back = CommitCodec.decode(TEMPERATURE, payload, "empty");
    assertThat(back.rows()).isEmpty();
    assertThat(back.embedded()).isEmpty();
    // every bin is empty (c4 00) and embedded is an empty map (80)
    assertThat(io.lakota.id.Digests.hex(payload)).isEqualTo(
        "9387a5737461727481a974696d657374616d70c400a473746f7081a974696d657374616d70c400a664696765737482a974696d657374616d70c400a576616c7565c400a66c656e677468c400a6636c6f736564c400a56c6162656cc400a8656d62656464656480a27c4f9101");
  }
}
