package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link SeriesContract} on the file backend. */
class SeriesFileTest extends SeriesContract {
  @Override
  protected Pod newPod(Path folder) {
    return file(folder);
  }
}
