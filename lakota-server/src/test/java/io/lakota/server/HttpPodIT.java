package io.lakota.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.storage.Pod;
import io.lakota.storage.PodContractTest;
import io.lakota.storage.PodMetrics;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pod contract on the HTTP pod talking to a Lakota server over a file repository. */
class HttpPodIT extends PodContractTest {
  @TempDir Path tmp;
  private LiveServer live;

  @Override
  protected Pod newPod() {
    live = LiveServer.overFiles(tmp.resolve("repo"));
    return live.client();
  }

  @AfterEach
  void stop() {
    live.close();
  }

  @Override
  protected String expectedKind() {
    return "HttpPOD";
  }

  /** The server's file pod counts under FilePOD in the same process: {@link #httpMetrics} checks ours alone. */
  @Override
  protected boolean recordsMetricsUnderKind() {
    return false;
  }

  @Test
  void httpMetrics() {
    PodMetrics.reset();
    pod.write("key", bytes("ham!"));
    assertThat(PodMetrics.get("HttpPOD.write")).isEqualTo(4);
    assertThat(pod.read("key")).hasSize(4);
    assertThat(PodMetrics.get("HttpPOD.read")).isEqualTo(4);
    pod.write("key", bytes("spam!"));
    assertThat(PodMetrics.get("HttpPOD.write")).isEqualTo(9);
    assertThat(PodMetrics.get("HttpPOD.read")).isEqualTo(4);
  }
}
