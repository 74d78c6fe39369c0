package io.lakota.storage.memory;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.NotFoundException;
import org.junit.jupiter.api.Test;

/** The LRU mode of the memory pod: acceptance case P-12 of SEMANTICS.md §21.7 and the lossy listings of §7.3. */
class MemoryPodLruTest {
  private static final byte[] FOUR = "abcd".getBytes(UTF_8);

  private static void assertInvariant(MemoryPod pod) {
    assertThat(pod.size()).isEqualTo(pod.frontFileBytes());
  }

  @Test
  void p12() {
    MemoryPod pod = MemoryPod.withLru(400);
    assertThat(pod.lruSize()).isEqualTo(400);
    for (int i = 1; i <= 50; i++) {
      assertThat(pod.write(String.valueOf(i), FOUR)).isEqualTo(4);
      assertThat(pod.frontEntries()).isEqualTo(i + 1);
      assertThat(pod.backEntries()).isZero();
      assertThat(pod.size()).isEqualTo(4L * i);
      assertInvariant(pod);
    }
    assertThat(pod.swaps()).isZero();

    for (int i = 1; i <= 50; i++) {
      assertThat(pod.write(String.valueOf(i), FOUR)).isEqualTo(-1);
    }
    assertThat(pod.swaps()).isZero();
    assertThat(pod.frontEntries()).isEqualTo(51);
    assertThat(pod.size()).isEqualTo(200);

    assertThat(pod.write("51", FOUR)).isEqualTo(4);
    assertThat(pod.swaps()).isEqualTo(1);
    assertThat(pod.frontEntries()).isEqualTo(1);
    assertThat(pod.backEntries()).isEqualTo(52);
    assertThat(pod.size()).isZero();
    assertInvariant(pod);

    assertThat(pod.write("51", FOUR)).isEqualTo(-1);
    assertThat(pod.frontEntries()).isEqualTo(2);
    assertThat(pod.size()).isEqualTo(4);
    assertInvariant(pod);

    assertThat(pod.read("50")).isEqualTo(FOUR);
    assertThat(pod.frontEntries()).isEqualTo(3);
    assertThat(pod.size()).isEqualTo(8);

    for (int i = 1; i <= 59; i++) {
      String key = String.valueOf(i);
      if (i <= 51) {
        assertThat(pod.read(key)).isEqualTo(FOUR);
      } else {
        assertThatThrownBy(() -> pod.read(key))
            .isInstanceOf(NotFoundException.class)
            .hasMessage("Cannot read " + key + ": no such file");
      }
      assertInvariant(pod);
    }
    // reading 1..48 brought the front to 200 bytes, reading 49 swapped, then 50 and 51 came back to the front
    assertThat(pod.swaps()).isEqualTo(2);
    assertThat(pod.frontEntries()).isEqualTo(3);
    assertThat(pod.backEntries()).isEqualTo(52);
    assertThat(pod.size()).isEqualTo(8);

    for (int i = 1; i <= 24; i++) {
      pod.rm(String.valueOf(i));
      assertInvariant(pod);
    }
    assertThat(pod.backEntries()).isEqualTo(28);
    assertThat(pod.size()).isEqualTo(8);

    byte[] big = new byte[400];
    big[0] = 7;
    assertThat(pod.write("0", big)).isEqualTo(400);
    assertThat(pod.swaps()).isEqualTo(3);
    assertThat(pod.frontEntries()).isEqualTo(1);
    assertThat(pod.size()).isZero();
    assertInvariant(pod);
    assertThat(pod.read("0")).isEqualTo(big);
    assertInvariant(pod);

    pod.rm(".", true, false);
    assertThat(pod.size()).isZero();
    assertInvariant(pod);
    assertThat(pod.ls()).isEmpty();
    assertThat(pod.walk()).isEmpty();
  }

  @Test
  void listingsWrittenAfterASwapOnlyShowNewEntries() {
    MemoryPod pod = MemoryPod.withLru(40); // swaps above 20 bytes
    for (int i = 1; i <= 5; i++) {
      pod.write("a/" + i, FOUR);
    }
    assertThat(pod.swaps()).isZero();
    pod.write("a/6", FOUR);
    assertThat(pod.swaps()).isEqualTo(1);
    assertThat(pod.ls("a", false)).containsExactly("1", "2", "3", "4", "5", "6"); // promoted from the back
    pod.write("a/7", FOUR);
    assertThat(pod.ls("a", false)).containsExactly("1", "2", "3", "4", "5", "6", "7");

    MemoryPod lossy = MemoryPod.withLru(40);
    for (int i = 1; i <= 6; i++) {
      lossy.write("a/" + i, FOUR);
    }
    lossy.write("a/7", FOUR); // the folder is created anew in the front generation
    assertThat(lossy.ls("a", false)).containsExactly("7");
    assertThat(lossy.read("a/1")).isEqualTo(FOUR);
    assertThat(lossy.walk()).hasSize(7);
  }

  @Test
  void filesOlderThanTwoGenerationsDisappear() {
    MemoryPod pod = MemoryPod.withLru(40);
    pod.write("old", FOUR);
    for (int i = 0; i < 12; i++) {
      pod.write("new" + i, FOUR);
    }
    assertThat(pod.swaps()).isEqualTo(2);
    assertThatThrownBy(() -> pod.read("old"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Cannot read old: no such file");
  }

  @Test
  void forcedRewritesKeepTheSizeInvariant() {
    MemoryPod pod = MemoryPod.withLru(400);
    pod.write("k", FOUR);
    pod.write("k", new byte[10], true);
    assertThat(pod.size()).isEqualTo(10);
    assertInvariant(pod);
    pod.mv("k", "m", false);
    assertThat(pod.size()).isEqualTo(10);
    assertInvariant(pod);
  }
}
