package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.format.Schema;
import io.lakota.s3.S3TestServer;
import io.lakota.sync.SyncResult;
import io.lakota.storage.uri.Pods;
import io.lakota.storage.file.FilePod;
import io.lakota.storage.memory.MemoryPod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Repositories move between a folder, S3 and memory, and S3 holds them in the reference's layout (HTTP.md §3.2),
 * so that both implementations share a bucket.
 */
class S3SharingIT {
  static S3TestServer server;
  static String bucket;
  @TempDir Path tmp;

  @BeforeAll
  static void startServer() {
    server = S3TestServer.get();
    bucket = server.newBucket();
  }

  /** The acceptance 2: pushed from a folder to S3, pulled back into memory, read identically. */
  @Test
  void aRepositoryCopiedFromAFolderToS3AndBackIntoMemoryReadsIdentically() {
    long seed = 20261122L;
    System.out.println("S3SharingIT seed " + seed);
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    Repo local = new Repo(new FilePod(tmp.resolve("repo")));
    Collection prices = local.createCollection(Schema.parse("timestamp timestamp*", "value float"), "prices");
    Collection labels = local.createCollection(Schema.parse("id int*", "name str", "score int"), "labels");
    for (int s = 0; s < 3; s++) {
      for (int w = 0; w < 3; w++) {
        int n = 50 + random.nextInt(200);
        long[] ts = new long[n];
        double[] values = new double[n];
        long t = 1_600_000_000L + w * 1_000_000L + random.nextInt(1000);
        for (int i = 0; i < n; i++) {
          t += 1 + random.nextInt(3600);
          ts[i] = t;
          values[i] = random.nextGaussian();
        }
        prices.series("s" + s).write(Map.of("timestamp", ts, "value", values));
      }
    }
    labels.series("x").write(Map.of(
        "id", new long[] {1, 2, 3}, "name", new String[] {"un", "deux", "trois"}, "score", new long[] {7, 8, 9}));
    prices.series("s1").delete(1_601_000_000L, 1_602_000_000L);
    Map<String, Object> expected = RepoContent.of(local);

    Repo s3 = new Repo(Pods.fromUri(server.uri(bucket, "shared/acceptance2")));
    SyncResult pushed = local.push(s3);
    assertThat(pushed.dataFiles()).isPositive();
    assertThat(RepoContent.of(new Repo(Pods.fromUri(server.uri(bucket, "shared/acceptance2"))))).isEqualTo(expected);
    assertThat(local.push(s3)).isEqualTo(SyncResult.EMPTY); // incremental: nothing to copy twice

    Repo memory = new Repo(new MemoryPod());
    SyncResult pulled = memory.pull(new Repo(Pods.fromUri(server.uri(bucket, "shared/acceptance2"))));
    assertThat(pulled).isEqualTo(pushed);
    assertThat(RepoContent.of(memory)).isEqualTo(expected);
  }

  @Test
  void aRepositoryWrittenByTheReferenceReadsTheSameFromS3() throws IOException {
    // the golden repository, uploaded as the reference's S3 pod lays it out: one object per file, key = prefix/path
    Path golden = Path.of(System.getProperty("lakota.golden"));
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(golden)) {
      paths = walk.filter(Files::isRegularFile).toList();
    }
    for (Path file : paths) {
      String key = "reference/golden/" + golden.relativize(file).toString().replace('\\', '/');
      server.admin().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
    }
    Map<String, Object> expected = RepoContent.of(new Repo(new FilePod(golden)));
    assertThat(expected).containsOnlyKeys("forked", "kv", "merged", "multi", "temperature");
    Repo onS3 = new Repo(Pods.fromUri(server.uri(bucket, "reference/golden")));
    assertThat(RepoContent.of(onS3)).isEqualTo(expected);
    assertThat(onS3.pod().walk()).hasSize(paths.size());
  }

  @Test
  void writesUseTheReferenceKeyLayout() {
    Repo repo = new Repo(Pods.fromUri(server.uri(bucket, "layout/repo")));
    Collection c = repo.createCollection(Schema.parse("timestamp int*", "value float"), "temperature");
    c.series("Brussels").write(Map.of("timestamp", new long[] {1, 2}, "value", new double[] {3, 4}));
    List<String> keys = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    server.admin().listObjectsV2Paginator(b -> b.bucket(bucket).prefix("layout/")).contents().forEach(
        (S3Object o) -> (o.key().startsWith("layout/repo/.lakota-tmp/") ? refs : keys).add(o.key()));
    // the head refs of the registry and the collection (S3Proxy honours conditional writes), six levels deep in
    // the hidden .lakota-tmp, where the reference never looks (docs/s3.md)
    assertThat(refs).hasSize(2)
        .allMatch(k -> k.matches("layout/repo/\\.lakota-tmp/refs/[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{36}/\\d{19}"));
    List<String> files = new ArrayList<>();
    for (String path : repo.pod().walk()) {
      files.add("layout/repo/" + path);
    }
    assertThat(keys).containsExactlyInAnyOrderElementsOf(files);
    // data files at aa/bb/<36 hex>, revisions at 00/00/<36 hex>/<revision>: FORMAT.md's tree, key for key
    assertThat(keys).allMatch(k -> k.matches("layout/repo/[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{36}(/[^/]+)?"));
    assertThat(keys).anyMatch(k -> k.startsWith("layout/repo/" + c.path() + "/"));
  }
}
