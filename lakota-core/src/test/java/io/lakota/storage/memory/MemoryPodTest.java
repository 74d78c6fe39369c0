package io.lakota.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.NotFoundException;
import io.lakota.errors.ValidationException;
import io.lakota.storage.Pod;
import io.lakota.storage.PodContractTest;
import org.junit.jupiter.api.Test;

class MemoryPodTest extends PodContractTest {

  @Override
  protected Pod newPod() {
    return new MemoryPod();
  }

  @Override
  protected String expectedKind() {
    return "MemPOD";
  }

  @Test
  void instancesDoNotShareTheirStore() {
    Pod other = new MemoryPod();
    pod.write("key", bytes("ham"));
    assertThat(other.ls(".", true)).isEmpty();
    assertThatThrownBy(() -> other.read("key"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Cannot read key: no such file");
  }

  @Test
  void cdSharesTheStore() {
    Pod ham = pod.cd("ham");
    ham.write("key", bytes("spam"));
    assertThat(pod.read("ham/key")).isEqualTo(bytes("spam"));
    pod.write("ham/other", bytes("eggs"));
    assertThat(ham.read("other")).isEqualTo(bytes("eggs"));
    assertThat(ham.toString()).isEqualTo("memory://ham");
    assertThat(pod.toString()).isEqualTo("memory://");
  }

  @Test
  void listsInInsertionOrder() {
    for (String name : new String[] {"m", "b", "z", "a", "b"}) {
      pod.write("dir/" + name, bytes(name));
    }
    assertThat(pod.ls("dir", false)).containsExactly("m", "b", "z", "a");
    pod.rm("dir/b");
    pod.write("dir/b", bytes("b"));
    assertThat(pod.ls("dir", false)).containsExactly("m", "z", "a", "b");
  }

  @Test
  void aRefusedWriteCreatesNoFolder() {
    pod.write("a", bytes("file"));
    assertThatThrownBy(() -> pod.write("a/b/c", bytes("x")))
        .isInstanceOf(io.lakota.errors.StorageException.class)
        .hasMessage("Cannot write a/b/c: a parent folder is a file");
    assertThat(pod.ls()).containsExactly("a");
    assertThat(((MemoryPod) pod).frontEntries()).isEqualTo(2);
  }

  @Test
  void keepsEverythingWithoutLru() {
    MemoryPod memory = (MemoryPod) pod;
    assertThat(memory.lruSize()).isZero();
    for (int i = 0; i < 1000; i++) {
      memory.write("k" + i, new byte[1000]);
    }
    assertThat(memory.swaps()).isZero();
    assertThat(memory.backEntries()).isZero();
    assertThat(memory.frontEntries()).isEqualTo(1001);
    assertThat(memory.walk()).hasSize(1000);
  }

  @Test
  void refusesANonPositiveLruSize() {
    assertThatThrownBy(() -> MemoryPod.withLru(0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot create a memory pod: lru size must be positive, got 0");
  }
}
