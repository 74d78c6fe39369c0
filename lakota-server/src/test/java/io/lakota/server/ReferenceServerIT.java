package io.lakota.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.Collection;
import io.lakota.Frame;
import io.lakota.Repo;
import io.lakota.errors.HttpStatusException;
import io.lakota.errors.NotFoundException;
import io.lakota.errors.StorageException;
import io.lakota.format.Schema;
import io.lakota.storage.Pod;
import io.lakota.storage.http.HttpPod;
import io.lakota.storage.http.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP pod against a server that behaves as the reference's (HTTP.md §2): routes, fallback, retries. */
class ReferenceServerIT {
  private ReferenceLikeServer reference;
  private HttpPod pod;

  @BeforeEach
  void start() throws Exception {
    reference = new ReferenceLikeServer();
    pod = HttpPod.open(reference.uri() + "?header-Authorization=Bearer%20xyz&retries=2", Map.of());
  }

  @AfterEach
  void stop() {
    reference.close();
  }

  private ReferenceLikeServer.Received last() {
    return reference.received.get(reference.received.size() - 1);
  }

  @Test
  void sendsTheReferenceRequests() {
    assertThat(pod.write("aa/bb/cdef", "ham".getBytes(UTF_8))).isEqualTo(3);
    assertThat(last()).isEqualTo(new ReferenceLikeServer.Received("POST", "write",
        Map.of("path", "aa/bb/cdef", "force", ""), null, null, "Bearer xyz"));
    assertThat(pod.write("aa/bb/cdef", "spam".getBytes(UTF_8))).isEqualTo(-1);
    assertThat(pod.write("aa/bb/cdef", "spam".getBytes(UTF_8), true)).isEqualTo(4);
    assertThat(last().query()).isEqualTo(Map.of("path", "aa/bb/cdef", "force", "true"));
    Pod sub = pod.cd("aa/bb");
    assertThat(sub.read("cdef")).isEqualTo("spam".getBytes(UTF_8)); // decoded from the JSON/base64 answer
    assertThat(last().query()).isEqualTo(Map.of("path", "aa/bb/cdef"));
    assertThat(last().accept()).startsWith("application/octet-stream");
    assertThat(sub.ls()).containsExactly("cdef");
    assertThat(last().query()).isEqualTo(Map.of("path", "aa/bb"));
    assertThat(pod.ls()).containsExactly("aa");
    assertThat(last().query()).isEqualTo(Map.of("path", "."));
    assertThat(pod.walk()).containsExactly("aa/bb/cdef");
    assertThat(last().query()).isEqualTo(Map.of());
    assertThat(pod.cd("aa").walk(2)).containsExactly("bb/cdef");
    assertThat(pod.cd("aa").walk(1)).isEmpty();
    assertThat(last().query()).isEqualTo(Map.of("path", "aa", "max_depth", "1"));
    int requests = reference.received.size();
    assertThat(pod.walk(0)).isEmpty();
    assertThat(reference.received).hasSize(requests);
    sub.mv("cdef", "moved", false);
    assertThat(last().query()).isEqualTo(Map.of("from_path", "aa/bb/cdef", "to_path", "aa/bb/moved", "missing_ok", ""));
    sub.rm("moved");
    assertThat(last().query()).isEqualTo(Map.of("recursive", "", "missing_ok", "", "path", "aa/bb/moved"));
    assertThat(reference.received).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer xyz"));
  }

  @Test
  void mapsTheReferenceErrors() {
    assertThatThrownBy(() -> pod.read("nope"))
        .isInstanceOf(NotFoundException.class).hasMessage("Cannot read nope: no such file");
    assertThatThrownBy(() -> pod.ls("nope", false))
        .isInstanceOf(NotFoundException.class).hasMessage("Cannot list nope: no such folder");
    assertThat(pod.ls("nope", true)).isEmpty();
    assertThatThrownBy(() -> pod.rm("nope"))
        .isInstanceOf(NotFoundException.class).hasMessage("Cannot remove nope: no such file or folder");
    pod.rm("nope", false, true);
    assertThatThrownBy(() -> pod.mv("nope", "x", false))
        .isInstanceOf(NotFoundException.class).hasMessage("Cannot move nope to x: no such file");
    pod.write("d/f", new byte[] {1});
    assertThatThrownBy(() -> pod.rm("d"))
        .isInstanceOfSatisfying(HttpStatusException.class, e -> {
          assertThat(e.status()).isEqualTo(500);
          assertThat(e.code()).isNull();
        })
        .hasMessage("Cannot remove d: " + schemeAndAuthority() + " answered 500 (<h1>Internal Server Error</h1>)");
    assertThat(pod.isDir("d")).isTrue();
    assertThat(pod.isFile("d/f")).isTrue();
    assertThat(pod.isFile("d")).isFalse();
    assertThat(pod.isDir("nope")).isFalse();
  }

  @Test
  void retriesTransientFailuresThenGivesUp() {
    pod.write("k", new byte[] {1});
    reference.received.clear();
    reference.scripted.addAll(List.of(503, 502));
    assertThat(pod.read("k")).containsExactly(1);
    assertThat(reference.received).hasSize(3);
    reference.scripted.addAll(List.of(503, 503, 503));
    assertThatThrownBy(() -> pod.read("k"))
        .isInstanceOfSatisfying(HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(503))
        .hasMessage("Cannot read k: " + schemeAndAuthority() + " answered 503 (scripted)");
    reference.scripted.add(400);
    assertThatThrownBy(() -> pod.ls())
        .isInstanceOfSatisfying(HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(400));
    HttpPod unreachable = HttpPod.builder(reference.uri())
        .retry(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1))).build();
    reference.close();
    assertThatThrownBy(() -> unreachable.read("k"))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("Cannot read k: no answer from " + reference.uri() + "/ after 2 attempts: ");
  }

  @Test
  void aRepositoryWorksOverTheReferenceProtocol() {
    Collection written = new Repo(pod).createCollection(Schema.parse("timestamp int*", "value float"), "c");
    written.series("s").write(Map.of("timestamp", new long[] {1, 2, 3}, "value", new double[] {0.5, 1.5, 2.5}));
    Frame frame = new Repo(HttpPod.open(reference.uri().toString(), Map.of())).collection("c").series("s").frame();
    assertThat(frame.longs("timestamp")).containsExactly(1, 2, 3);
    assertThat(frame.doubles("value")).containsExactly(0.5, 1.5, 2.5);
  }

  private String schemeAndAuthority() {
    return "http://" + reference.uri().getAuthority();
  }
}
