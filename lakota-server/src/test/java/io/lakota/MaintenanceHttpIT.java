package io.lakota;

import io.lakota.server.LiveServer;
import io.lakota.storage.Pod;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** {@link MaintenanceContract} on the HTTP pod, talking to a Lakota server over a file repository. */
class MaintenanceHttpIT extends MaintenanceContract {
  private final List<LiveServer> servers = new ArrayList<>();

  @Override
  protected Pod newPod(Path folder) {
    LiveServer live = LiveServer.overFiles(folder.resolve("repo"));
    servers.add(live);
    return live.client();
  }

  @AfterEach
  void stop() {
    servers.forEach(LiveServer::close);
  }
}
