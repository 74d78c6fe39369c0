package io.lakota.storage.uri;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.ValidationException;
import io.lakota.storage.CachePod;
import io.lakota.storage.Pod;
import io.lakota.storage.PodProvider;
import io.lakota.storage.file.FilePod;
import io.lakota.storage.memory.MemoryPod;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PodsTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", ":memory:", "memory://"})
  void opensAMemoryPod(String uri) {
    Pod pod = Pods.fromUri(uri);
    assertThat(pod).isInstanceOf(MemoryPod.class);
    assertThat(((MemoryPod) pod).lruSize()).isZero();
    assertThat(pod.kind()).isEqualTo("MemPOD");
    assertThat(pod.ls(".", false)).isEmpty();
  }

  @Test
  void everyMemoryUriOpensItsOwnStore() {
    Pod first = Pods.fromUri("memory://");
    Pod second = Pods.fromUri("memory://");
    first.write("key", "x".getBytes(UTF_8));
    assertThat(second.ls(".", true)).isEmpty();
  }

  @Test
  void opensALruMemoryPod() {
    Pod pod = Pods.fromUri("memory://?lru_size=400");
    assertThat(pod).isInstanceOf(MemoryPod.class);
    assertThat(((MemoryPod) pod).lruSize()).isEqualTo(400);
  }

  @Test
  void aMemoryUriPathNamesAFolderOfTheNewStore() {
    Pod pod = Pods.fromUri("memory://ham/spam?lru_size=10");
    assertThat(pod.toString()).isEqualTo("memory://ham/spam");
    assertThat(((MemoryPod) pod).lruSize()).isEqualTo(10);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "memory://?lru_size=0",
        "memory://?lru_size=-4",
        "memory://?lru_size=abc",
        "memory://?lru_size=",
        "memory://?lru_size=1.5"
      })
  void refusesABadLruSize(String uri) {
    assertThatThrownBy(() -> Pods.fromUri(uri))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot open \"" + uri + "\": lru_size must be a positive integer");
  }

  @Test
  void refusesUnknownOrMalformedParameters() {
    assertThatThrownBy(() -> Pods.fromUri("memory://?size=3"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot open \"memory://?size=3\": unknown parameter \"size\"");
    assertThatThrownBy(() -> Pods.fromUri("file:///x?sync=true"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot open \"file:///x?sync=true\": unknown parameter \"sync\"");
    assertThatThrownBy(() -> Pods.fromUri("file:///x?fsync"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot open \"file:///x?fsync\": malformed parameter \"fsync\"");
    assertThatThrownBy(() -> Pods.fromUri("file:///x?fsync=yes"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot open \"file:///x?fsync=yes\": fsync must be true or false");
    assertThatThrownBy(() -> Pods.fromUri("memory://../x"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot open \"memory://../x\": Cannot access \"../x\": contains a \"..\" component");
  }

  @Test
  void opensPlainPathsAsFilePods() {
    Path abs = tmp.resolve("repo");
    assertThat(file(abs.toString()).root()).isEqualTo(abs);
    assertThat(file("some/rel").root()).isEqualTo(Path.of("some/rel").toAbsolutePath());
    assertThat(file("some/rel").isFsync()).isFalse();
    assertThat(Pods.fromUri(abs.toString()).kind()).isEqualTo("FilePOD");
  }

  @Test
  void expandsTheHomeDirectory() {
    String home = System.getProperty("user.home");
    try {
      System.setProperty("user.home", tmp.toString());
      assertThat(file("~/x").root()).isEqualTo(tmp.resolve("x"));
      assertThat(file("~").root()).isEqualTo(tmp);
      assertThat(file("file:///~/y").root()).isEqualTo(tmp.resolve("y"));
      assertThat(file("~other/z").root()).isEqualTo(Path.of("~other/z").toAbsolutePath());
    } finally {
      System.setProperty("user.home", home);
    }
  }

  @Test
  void fileUrisWithThreeSlashesAreRelative() {
    assertThat(file("file:///rel/path").root()).isEqualTo(Path.of("rel/path").toAbsolutePath());
    assertThat(file("file:///.lakota").root()).isEqualTo(Path.of(".lakota").toAbsolutePath());
  }

  @Test
  void fileUrisWithFourSlashesAreAbsolute() {
    Path abs = tmp.resolve("abs");
    FilePod pod = file("file:///" + abs);
    assertThat(pod.root()).isEqualTo(abs);
    pod.write("key", "ham".getBytes(UTF_8));
    assertThat(abs.resolve("key")).hasContent("ham");
  }

  @Test
  void fileUrisTakeAnFsyncOption() {
    assertThat(file("file:///" + tmp + "?fsync=true").isFsync()).isTrue();
    assertThat(file("file:///" + tmp + "?fsync=true").root()).isEqualTo(tmp);
    assertThat(file("file:///" + tmp + "?fsync=false").isFsync()).isFalse();
    assertThat(file("file:///" + tmp).isFsync()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "file://host/x|Malformed repo uri, should start with 'file:///'",
        "file://|Malformed repo uri, should start with 'file:///'",
        "ssh://host/path|SSH support not implemented yet",
        "s3:///bucket/prefix|Cannot open \"s3:///bucket/prefix\": the s3 backend is not available in this build",
        "s3://localhost:9000/b|Cannot open \"s3://localhost:9000/b\": the s3 backend is not available in this build",
        "ftp://host/x|Protocol \"ftp\" not supported in \"ftp://host/x\"",
        "FILE:///x|Protocol \"FILE\" not supported in \"FILE:///x\"",
      })
  void refusesUnsupportedUris(String uri, String message) {
    assertThatThrownBy(() -> Pods.fromUri(uri)).isInstanceOf(ValidationException.class).hasMessage(message);
  }

  @Test
  void aListOfUrisIsACacheChain() {
    assertThat(Pods.fromUris(List.of("memory://"))).isInstanceOf(MemoryPod.class);

    Pod two = Pods.fromUris(List.of("memory://?lru_size=100", tmp.toString()));
    assertThat(two).isInstanceOf(CachePod.class);
    assertThat(((CachePod) two).local()).isInstanceOf(MemoryPod.class);
    assertThat(((MemoryPod) ((CachePod) two).local()).lruSize()).isEqualTo(100);
    assertThat(((FilePod) ((CachePod) two).remote()).root()).isEqualTo(tmp);
    assertThat(two.kind()).isEqualTo("FilePOD");

    Pod three = Pods.fromUris(Arrays.asList(null, "memory://", tmp.toString()));
    CachePod outer = (CachePod) three;
    assertThat(outer.local()).isInstanceOf(MemoryPod.class);
    CachePod inner = (CachePod) outer.remote();
    assertThat(inner.local()).isInstanceOf(MemoryPod.class);
    assertThat(inner.remote()).isInstanceOf(FilePod.class);
    assertThat(outer.local()).isNotSameAs(inner.local());
  }

  @Test
  void aListOfUrisIsCheckedItemByItem() {
    assertThatThrownBy(() -> Pods.fromUris(List.of("memory://", "ssh://x")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("SSH support not implemented yet");
    assertThatThrownBy(() -> Pods.fromUris(List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot open a repository: no URI given");
  }

  @Test
  void registeredProvidersOpenOtherSchemes() throws IOException {
    Path services = Files.createDirectories(tmp.resolve("cp/META-INF/services"));
    Files.writeString(services.resolve(PodProvider.class.getName()), FakeProvider.class.getName() + "\n");
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {tmp.resolve("cp").toUri().toURL()}, getClass().getClassLoader())) {
      thread.setContextClassLoader(loader);
      Pod fake = Pods.fromUri("fake://anything");
      assertThat(fake.toString()).isEqualTo("memory://fake");
      assertThat(Pods.fromUri("s3:///bucket").toString()).isEqualTo("memory://s3");
      // the built-in forms are never offered to providers
      assertThat(Pods.fromUri("memory://").toString()).isEqualTo("memory://");
      assertThatThrownBy(() -> Pods.fromUri("other://x"))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Protocol \"other\" not supported in \"other://x\"");
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** A provider for the schemes {@code fake} and {@code s3}, registered by a test class loader. */
  public static final class FakeProvider implements PodProvider {
    @Override
    public boolean accepts(String scheme) {
      return scheme.equals("fake") || scheme.equals("s3") || scheme.equals("memory");
    }

    @Override
    public Pod open(String uri) {
      return new MemoryPod().cd(uri.substring(0, uri.indexOf(':')));
    }
  }

  private static FilePod file(String uri) {
    Pod pod = Pods.fromUri(uri);
    assertThat(pod).isInstanceOf(FilePod.class);
    return (FilePod) pod;
  }
}
