package io.lakota.server;

import io.lakota.storage.Pod;
import io.lakota.storage.file.FilePod;
import java.nio.file.Path;
import java.util.Map;

/**
 * A pod server over the file repository {@code args[0]} in a process of its own, on a free loopback port, which it
 * prints as {@code port <n>} on stdout. {@link ServerKillIT} kills it with SIGKILL.
 */
public final class ServerProcess {
  private ServerProcess() {}

  public static void main(String[] args) throws Exception {
    Mounts mounts = Mounts.of("", Map.of("/", (Pod) new FilePod(Path.of(args[0]))));
    PodServer server = PodServer.builder(mounts).host("127.0.0.1").port(0).build().start();
    System.out.println("port " + server.port());
    System.out.flush();
    server.join();
  }
}
