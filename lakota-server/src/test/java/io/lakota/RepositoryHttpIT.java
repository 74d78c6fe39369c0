package io.lakota;

import io.lakota.server.LiveServer;
import io.lakota.storage.Pod;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/** {@link RepositoryContract} on the HTTP pod, talking to a Lakota server over a file repository. */
class RepositoryHttpIT extends RepositoryContract {
  private LiveServer live;

  @Override
  protected Pod newPod(Path folder) {
    live = LiveServer.overFiles(folder.resolve("repo"));
    return live.client();
  }

  @AfterEach
  void stop() {
    live.close();
  }
}
