package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.storage.CachePod;
import io.lakota.storage.memory.MemoryPod;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repositories over a cache chain (SEMANTICS.md §7.4, §7.5): {@code Repo.open(List)} puts the first URI in front of
 * the others, and a lossy LRU memory cache in front of a folder still reads everything the folder holds.
 */
class CacheChainTest {
  @TempDir Path tmp;

  @Test
  void aChainOfUrisIsALocalCacheInFrontOfTheRemote() {
    String folder = tmp.resolve("remote").toString();
    Repo chained = Repo.open(List.of("memory://?lru_size=4000", folder));
    assertThat(chained.pod()).isInstanceOf(CachePod.class);
    MemoryPod cache = (MemoryPod) ((CachePod) chained.pod()).local();
    assertThat(cache.lruSize()).isEqualTo(4000);

    Collection c = chained.createCollection(ApiContract.S1, "c");
    for (int i = 0; i < 20; i++) {
      c.series("s").write(ApiContract.tv(SyncContract.range(i * 100, i * 100 + 100),
          SyncContract.noise(i, 100)));
    }
    // the cache overflowed and forgot old generations
    assertThat(cache.walk().size()).isLessThan(((CachePod) chained.pod()).remote().walk().size());
    Frame direct = Repo.open(folder).collection("c").series("s").frame();
    assertThat(direct.length()).isEqualTo(2000);
    assertThat(Repo.open(List.of("memory://?lru_size=4000", folder)).collection("c").series("s").frame())
        .isEqualTo(direct);
    assertThat(chained.collection("c").series("s").frame()).isEqualTo(direct);
    assertThat(Repo.open(List.of(folder)).collection("c").series("s").frame()).isEqualTo(direct);
  }
}
