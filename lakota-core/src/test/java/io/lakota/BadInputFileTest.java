package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link BadInputContract} on the file backend. */
class BadInputFileTest extends BadInputContract {
  @Override
  protected Pod newPod(Path folder) {
    return file(folder);
  }
}
