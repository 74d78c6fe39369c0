package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link RepositoryContract} on the file backend. */
class RepositoryFileTest extends RepositoryContract {
  @Override
  protected Pod newPod(Path folder) {
    return file(folder);
  }
}
