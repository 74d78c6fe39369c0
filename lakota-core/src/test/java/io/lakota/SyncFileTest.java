package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link SyncContract} on the file backend. */
class SyncFileTest extends SyncContract {
  @Override
  protected Pod newPod(Path folder) {
    return file(folder);
  }
}
