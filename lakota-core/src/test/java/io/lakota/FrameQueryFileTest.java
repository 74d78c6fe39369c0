package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link FrameQueryContract} on the file backend. */
class FrameQueryFileTest extends FrameQueryContract {
  @Override
  protected Pod newPod(Path folder) {
    return file(folder);
  }
}
