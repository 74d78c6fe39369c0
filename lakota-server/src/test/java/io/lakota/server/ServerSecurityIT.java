package io.lakota.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.HttpStatusException;
import io.lakota.errors.ValidationException;
import io.lakota.storage.Pod;
import io.lakota.storage.file.FilePod;
import io.lakota.storage.http.HttpPod;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 6, acceptance 3: authentication, read-only mode, paths escaping the repository, size limits, TLS. */
class ServerSecurityIT {
  private static final String TOKEN = "s3cr3t-t0ken-0123456789";
  private static final String OTHER = "another-token-9876543210";

  @TempDir Path tmp;

  private LiveServer serve(java.util.function.UnaryOperator<PodServer.Builder> settings) {
    FilePod repo = new FilePod(tmp.resolve("repo"));
    repo.write("aa/bb", "ham".getBytes(UTF_8));
    return LiveServer.over(repo, settings);
  }

  @Test
  void noTokenIs401AndAWrongTokenIs403() {
    try (LiveServer live = serve(b -> b.tokens(BearerTokens.of(List.of(TOKEN, OTHER))))) {
      assertThatThrownBy(() -> live.client().read("aa/bb"))
          .isInstanceOfSatisfying(HttpStatusException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.code()).isEqualTo("unauthorized");
          })
          .hasMessage("Cannot read aa/bb: http://127.0.0.1:" + live.server().port()
              + " answered 401 (A bearer token is required)");
      assertThatThrownBy(() -> live.client("wrong-token-000000000000").ls())
          .isInstanceOfSatisfying(HttpStatusException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.code()).isEqualTo("forbidden");
          });
      HttpResponse<String> raw = Raw.get(live.server().uri(), "ls?path=.");
      assertThat(raw.statusCode()).isEqualTo(401);
      assertThat(raw.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"lakota\"");
      assertThat(Raw.get(live.server().uri(), "ls", "Authorization", "Basic dXNlcjpwYXNz").statusCode())
          .isEqualTo(401);
      assertThat(Raw.get(live.server().uri(), "", "Authorization", "Bearer nope-nope-nope-nope").statusCode())
          .isEqualTo(403);
      // both tokens work, also through the URI forms of the reference and of this implementation
      assertThat(live.client(TOKEN).read("aa/bb")).isEqualTo("ham".getBytes(UTF_8));
      assertThat(live.client(OTHER).write("cc", new byte[] {1})).isEqualTo(1);
      String base = live.server().uri().toString();
      assertThat(HttpPod.open(base + "?header-Authorization=Bearer%20" + TOKEN, Map.of()).ls())
          .containsExactlyInAnyOrder("aa", "cc");
      assertThat(HttpPod.open(base + "?token=" + OTHER, Map.of()).ls()).containsExactlyInAnyOrder("aa", "cc");
      assertThat(HttpPod.open(base, Map.of(HttpPod.TOKEN_VARIABLE, TOKEN)).ls()).containsExactlyInAnyOrder("aa", "cc");
    }
  }

  @Test
  void aReadOnlyServerRefusesWriteRmAndMv() {
    try (LiveServer live = serve(b -> b.readOnly(true))) {
      HttpPod pod = live.client();
      assertThatThrownBy(() -> pod.write("new", new byte[] {1}))
          .isInstanceOfSatisfying(HttpStatusException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.code()).isEqualTo("read-only");
          })
          .hasMessageEndingWith(" answered 403 (This server is read-only)");
      assertThatThrownBy(() -> pod.rm("aa", true, false))
          .isInstanceOfSatisfying(HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(403));
      assertThatThrownBy(() -> pod.mv("aa/bb", "aa/cc", false))
          .isInstanceOfSatisfying(HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(403));
      for (String target : List.of("write?path=x", "rm?path=aa&recursive=true", "mv?from_path=aa/bb&to_path=x")) {
        assertThat(Raw.get(live.server().uri(), target).statusCode()).as(target).isEqualTo(403);
      }
      assertThat(pod.read("aa/bb")).isEqualTo("ham".getBytes(UTF_8));
      assertThat(pod.walk()).containsExactly("aa/bb");
      assertThat(live.served().walk()).containsExactly("aa/bb");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "../x", "aa/../../x", "/etc/passwd", "aa//bb", "a\\b", "%2e%2e/x", "aa/%2e%2e/%2e%2e/x"})
  void pathsEscapingTheRepositoryAre400(String path) throws Exception {
    Files.writeString(tmp.resolve("x"), "outside");
    try (LiveServer live = serve(b -> b)) {
      URI base = live.server().uri();
      String p = path.replace("\\", "%5C").replace("/etc", "%2Fetc");
      List<String> targets = List.of("read?path=" + p, "ls?path=" + p, "write?path=" + p, "rm?path=" + p
          + "&recursive=true", "mv?from_path=" + p + "&to_path=ok", "mv?from_path=aa/bb&to_path=" + p,
          "walk?path=" + p);
      for (String target : targets) {
        HttpResponse<String> response = Raw.post(base, target, "evil".getBytes(UTF_8));
        assertThat(response.statusCode()).as(target).isEqualTo(400);
        assertThat(response.headers().firstValue("Lakota-Error")).as(target).hasValue("invalid-path");
      }
      assertThat(Files.readString(tmp.resolve("x"))).isEqualTo("outside");
      assertThat(live.served().walk()).containsExactly("aa/bb");
      try (var files = Files.list(tmp)) {
        assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("repo", "x");
      }
    }
  }

  @Test
  void requestBodiesAboveTheLimitAre413() {
    try (LiveServer live = serve(b -> b.maxRequestBytes(1000))) {
      HttpPod pod = live.client();
      assertThat(pod.write("fits", new byte[1000])).isEqualTo(1000);
      assertThatThrownBy(() -> pod.write("big", new byte[1001]))
          .isInstanceOfSatisfying(HttpStatusException.class, e -> {
            assertThat(e.status()).isEqualTo(413);
            assertThat(e.code()).isEqualTo("too-large");
          });
      // a chunked body without a declared length is cut at the limit as well
      HttpResponse<String> chunked = Raw.send(HttpRequest.newBuilder(live.server().uri().resolve("write?path=c"))
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[5000]))));
      assertThat(chunked.statusCode()).isEqualTo(413);
      assertThat(live.served().walk()).containsExactlyInAnyOrder("aa/bb", "fits");
    }
  }

  @Test
  void aNonLoopbackAddressNeedsTokens() {
    Mounts mounts = Mounts.of("", Map.of("/", (Pod) new FilePod(tmp)));
    assertThatThrownBy(() -> PodServer.builder(mounts).host("0.0.0.0").port(0).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot serve on 0.0.0.0: a non-loopback address needs bearer tokens (--token-file or "
            + "LAKOTA_SERVE_TOKENS)");
    try (PodServer server = PodServer.builder(mounts).host("0.0.0.0").port(0)
        .tokens(BearerTokens.of(List.of(TOKEN))).build().start()) {
      assertThat(server.port()).isPositive();
    }
  }

  @Test
  void tokensAreLongAndPrintable() {
    assertThatThrownBy(() -> BearerTokens.of(List.of("short")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot use a bearer token of 5 characters: at least 16 are needed");
    assertThatThrownBy(() -> BearerTokens.parse("abcdefghijklmnopé"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot use a bearer token with blanks or non-ASCII characters");
    assertThat(BearerTokens.parse(" a-token-of-16-chars,b-token-of-16-chars\nc-token-of-16-chars ").size())
        .isEqualTo(3);
  }

  @Test
  void servesHttpsWithAKeyStore() throws Exception {
    Path store = tmp.resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "lakota", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
        "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
    keytool.getInputStream().readAllBytes();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).isZero();
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    try (FileInputStream in = new FileInputStream(store.toFile())) {
      trusted.load(in, "changeit".toCharArray());
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    try (LiveServer live = serve(b -> b.tls(store, "changeit").tokens(BearerTokens.of(List.of(TOKEN))))) {
      URI uri = live.server().uri();
      assertThat(uri.getScheme()).isEqualTo("https");
      HttpPod pod = HttpPod.builder(uri).sslContext(context).bearerToken(TOKEN).retry(LiveServer.TEST_RETRY).build();
      assertThat(pod.read("aa/bb")).isEqualTo("ham".getBytes(UTF_8));
      assertThat(pod.write("secure", new byte[] {7})).isEqualTo(1);
      assertThat(live.served().read("secure")).containsExactly(7);
    }
  }
}
