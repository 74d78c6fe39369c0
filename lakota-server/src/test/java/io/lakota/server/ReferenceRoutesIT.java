package io.lakota.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.storage.CachePod;
import io.lakota.storage.Pod;
import io.lakota.storage.uri.Pods;
import io.lakota.storage.file.FilePod;
import io.lakota.storage.memory.MemoryPod;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference's routes and payloads (HTTP.md §1), byte for byte, as a reference client or curl sends them: several
 * repositories under a base path, a caching proxy, GET and POST for every action, error statuses and bodies.
 */
class ReferenceRoutesIT {
  @TempDir Path tmp;
  private PodServer server;
  private FilePod first;
  private FilePod second;
  private CachePod proxy;
  private URI base;

  @BeforeEach
  void start() {
    first = new FilePod(tmp.resolve("one"));
    second = new FilePod(tmp.resolve("two"));
    proxy = (CachePod) Pods.fromUris(List.of("memory://", tmp.resolve("two").toString()));
    Map<String, Pod> pods = new LinkedHashMap<>();
    pods.put("/", first);
    pods.put("//two/", second);
    pods.put("fast", proxy);
    server = PodServer.builder(Mounts.of("/some_prefix//test_repo/", pods)).port(0).build().start();
    base = server.uri();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String target) {
    return Raw.get(base, target);
  }

  private static void assertJson(HttpResponse<String> response, String body) {
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).isEqualTo(body);
  }

  @Test
  void mountsRepositoriesUnderTheBasePath() {
    assertThat(base.toString()).isEqualTo("http://127.0.0.1:" + server.port() + "/some_prefix/test_repo/");
    first.write("a/x", "1".getBytes(UTF_8));
    second.write("b/y", "2".getBytes(UTF_8));
    assertJson(get("ls"), "{\"body\":[\"a\"]}");
    assertJson(get("two/ls?path=."), "{\"body\":[\"b\"]}");
    assertJson(get("fast/ls"), "{\"body\":[\"b\"]}");
    HttpResponse<String> index = Raw.get(base, "/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).isEqualTo("<h4>Available endpoints:</h4><ul>"
        + "<li><a href=\"/some_prefix/test_repo\">/some_prefix/test_repo</a></li>"
        + "<li><a href=\"/some_prefix/test_repo/two\">/some_prefix/test_repo/two</a></li>"
        + "<li><a href=\"/some_prefix/test_repo/fast\">/some_prefix/test_repo/fast</a></li></ul>");
    HttpResponse<String> unknown = get("nope/ls");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).isEqualTo("Action \"ls\" not supported");
  }

  @Test
  void readsAsBase64JsonOrRawBytes() {
    first.write("aa/bb", new byte[] {(byte) 0x93, (byte) 0x87, (byte) 0xa5, 's', 't', 'a'});
    assertJson(get("read?path=aa/bb"), "{\"b64encoded\":true,\"body\":\"k4elc3Rh\"}");
    assertJson(Raw.post(base, "read?path=./aa/bb", new byte[0]), "{\"b64encoded\":true,\"body\":\"k4elc3Rh\"}");
    first.write("empty", new byte[0]);
    assertJson(get("read?path=empty"), "{\"b64encoded\":true,\"body\":\"\"}");
    HttpResponse<String> raw = Raw.get(base, "read?path=aa/bb", "Accept", "application/octet-stream");
    assertThat(raw.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    assertThat(raw.headers().firstValue("Content-Length")).hasValue("6");
    HttpResponse<String> missing = get("read?path=nope");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(missing.body()).isEqualTo("Path \"nope\" not found");
  }

  @Test
  void writesTheRawBodyWhateverTheContentType() {
    assertJson(Raw.post(base, "write?path=ab/cd/ef&force=", "k=v&x".getBytes(UTF_8),
        "Content-Type", "application/x-www-form-urlencoded"), "{\"body\":5}");
    assertThat(first.read("ab/cd/ef")).isEqualTo("k=v&x".getBytes(UTF_8));
    assertJson(Raw.post(base, "write?path=ab/cd/ef", "other".getBytes(UTF_8)), "{\"body\":null}");
    assertJson(Raw.post(base, "write?path=ab/cd/ef&force=TRUE", "other".getBytes(UTF_8)), "{\"body\":5}");
    assertThat(first.read("ab/cd/ef")).isEqualTo("other".getBytes(UTF_8));
    assertJson(Raw.post(base, "write?path=ab/cd/ef&force=yes", "third".getBytes(UTF_8)), "{\"body\":null}");
    HttpResponse<String> noPath = Raw.post(base, "write", "x".getBytes(UTF_8));
    assertThat(noPath.statusCode()).isEqualTo(400);
    assertThat(noPath.body()).isEqualTo("Missing parameter \"path\"");
  }

  @Test
  void removesMovesAndWalks() {
    first.write("a/b/c", new byte[] {1});
    first.write("a/d", new byte[] {2});
    first.write("e", new byte[] {3});
    HttpResponse<String> notEmpty = Raw.post(base, "rm?path=a", new byte[0]);
    assertThat(notEmpty.statusCode()).isEqualTo(500);
    assertThat(notEmpty.body()).isEqualTo("a is not empty");
    assertJson(Raw.post(base, "mv?from_path=a/d&to_path=a/d.17b7d6ef91c&missing_ok=true", new byte[0]),
        "{\"status\":\"ok\"}");
    assertThat(first.read("a/d.17b7d6ef91c")).containsExactly(2);
    HttpResponse<String> gone = get("mv?from_path=a/d&to_path=x");
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(gone.body()).isEqualTo("Path \"a/d\" not found");
    assertJson(get("mv?from_path=a/d&to_path=x&missing_ok=True"), "{\"status\":\"ok\"}");
    HttpResponse<String> walk = get("walk?path=a&max_depth=2");
    assertThat(walk.statusCode()).isEqualTo(200);
    assertThat(walk.body()) // no order guarantee
        .isIn("{\"body\":[\"b/c\",\"d.17b7d6ef91c\"]}", "{\"body\":[\"d.17b7d6ef91c\",\"b/c\"]}");
    assertJson(get("walk?max_depth=1"), "{\"body\":[\"e\"]}");
    assertJson(get("walk?max_depth=0"), "{\"body\":[]}");
    HttpResponse<String> badDepth = get("walk?max_depth=two");
    assertThat(badDepth.statusCode()).isEqualTo(400);
    assertThat(badDepth.body()).isEqualTo("Parameter \"max_depth\" must be an integer, got \"two\"");
    HttpResponse<String> missing = Raw.post(base, "rm?path=nope", new byte[0]);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo("Path \"nope\" not found");
    assertJson(Raw.post(base, "rm?recursive=true&missing_ok=&path=.", new byte[0]), "{\"status\":\"ok\"}");
    assertJson(get("ls?path=."), "{\"body\":[]}");
    HttpResponse<String> delete = Raw.send(java.net.http.HttpRequest.newBuilder(base.resolve("rm?path=e")).DELETE());
    assertThat(delete.statusCode()).isEqualTo(405);
    HttpResponse<String> action = get("frobnicate?path=.");
    assertThat(action.statusCode()).isEqualTo(404);
    assertThat(action.body()).isEqualTo("Action \"frobnicate\" not supported");
  }

  @Test
  void theCachingProxyFillsItsCacheFromTheRemote() {
    second.write("k/v", "remote".getBytes(UTF_8));
    assertJson(get("fast/read?path=k/v"), "{\"b64encoded\":true,\"body\":\"cmVtb3Rl\"}");
    assertThat(((MemoryPod) proxy.local()).read("k/v")).isEqualTo("remote".getBytes(UTF_8));
    assertJson(Raw.post(base, "fast/write?path=k/w", "new".getBytes(UTF_8)), "{\"body\":3}");
    assertThat(second.read("k/w")).isEqualTo("new".getBytes(UTF_8));
  }
}
