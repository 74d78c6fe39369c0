package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link ModelContract} on the file backend: a smaller run. */
class ModelFileTest extends ModelContract {
  @Override
  protected Pod newPod(Path folder) {
    return file(folder);
  }

  @Override
  protected int operations() {
    return 400;
  }
}
