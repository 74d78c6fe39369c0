package io.lakota.server;

import io.lakota.storage.Pod;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The servers a contract test opens over HTTP, one per pod it asks for, all stopped after each test. Registered
 * with {@code @RegisterExtension}, so that the core contracts run over HTTP with a two-line subclass.
 */
public final class LiveServers implements AfterEachCallback {
  private final List<LiveServer> servers = new ArrayList<>();

  /** A client pod of a new server over the file repository {@code folder/repo}. */
  public synchronized Pod overFiles(Path folder) {
    LiveServer live = LiveServer.overFiles(folder.resolve("repo"));
    servers.add(live);
    return live.client();
  }

  @Override
  public synchronized void afterEach(ExtensionContext context) {
    servers.forEach(LiveServer::close);
    servers.clear();
  }
}
