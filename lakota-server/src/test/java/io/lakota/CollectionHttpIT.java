package io.lakota;

import io.lakota.server.LiveServers;
import io.lakota.storage.Pod;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link CollectionContract} on the HTTP pod, talking to a Lakota server over a file repository. */
class CollectionHttpIT extends CollectionContract {
  @RegisterExtension final LiveServers servers = new LiveServers();

  @Override
  protected Pod newPod(Path folder) {
    return servers.overFiles(folder);
  }
}
