package io.lakota.testing;

import io.lakota.storage.Pod;
import io.lakota.storage.file.FilePod;
import io.lakota.storage.memory.MemoryPod;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The pod backends that repository-level tests run on: {@code @MethodSource("io.lakota.testing.Backends#all")}
 * gives a name and a factory that makes a fresh, empty pod inside the test's temporary folder.
 */
public final class Backends {
  private Backends() {}

  /** Factory of a fresh pod given a per-test temporary folder. */
  public interface Factory extends Function<Path, Pod> {}

  public static Stream<Arguments> all() {
    return Stream.of(
        Arguments.of("memory", (Factory) tmp -> new MemoryPod()),
        Arguments.of("file", (Factory) tmp -> new FilePod(tmp.resolve("repo"))));
  }
}
