package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link MergeContract} on the file backend. */
class MergeFileTest extends MergeContract {
  @Override
  protected Pod newPod(Path folder) {
    return file(folder);
  }
}
