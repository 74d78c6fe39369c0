package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link CollectionContract} on the file backend. */
class CollectionFileTest extends CollectionContract {
  @Override
  protected Pod newPod(Path folder) {
    return file(folder);
  }
}
