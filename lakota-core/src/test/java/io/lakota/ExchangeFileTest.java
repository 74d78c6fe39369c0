package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link ExchangeContract} on the file backend. */
class ExchangeFileTest extends ExchangeContract {
  @Override
  protected Pod newPod(Path folder) {
    return file(folder);
  }
}
