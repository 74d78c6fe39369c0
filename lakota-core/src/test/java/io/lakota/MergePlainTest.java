package io.lakota;

import io.lakota.storage.Pod;
import io.lakota.storage.memory.MemoryPod;
import io.lakota.testing.PlainPod;
import java.nio.file.Path;

/**
 * {@link MergeContract} on a pod without any commit capability (memory behind a {@link PlainPod}): what the
 * contract does on HTTP and S3, where a writer that finds a sibling after committing merges at once.
 */
class MergePlainTest extends MergeContract {
  @Override
  protected Pod newPod(Path folder) {
    return new PlainPod(new MemoryPod());
  }
}
