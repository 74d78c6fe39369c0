package io.lakota.storage.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.InvalidPathException;
import io.lakota.errors.ValidationException;
import io.lakota.storage.uri.Pods;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HTTP repository URIs (HTTP.md §2): base URL, options, token sources; no request is sent. */
class HttpPodUriTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://h:8080/some/prefix|http://h:8080/some/prefix/",
        "http://h:8080/some/prefix/?header-Authorization=Bearer%20xyz|http://h:8080/some/prefix/",
        "https://h|https://h/",
        "HTTP://h:1/x?token=abc&other=ignored|http://h:1/x/",
      })
  void theBaseUrlHasATrailingSlashAndNoQuery(String uri, String base) {
    HttpPod pod = HttpPod.open(uri, Map.of());
    assertThat(pod.toString()).isEqualTo(base);
    assertThat(pod.cd("aa/bb").cd("./cc").toString()).isEqualTo(base + "aa/bb/cc");
    assertThat(pod.kind()).isEqualTo("HttpPOD");
  }

  @Test
  void podsOpensHttpAndHttpsUris() {
    assertThat(Pods.fromUri("http://h:8080/r")).isInstanceOf(HttpPod.class).hasToString("http://h:8080/r/");
    assertThat(Pods.fromUri("https://h/?header-A=1")).isInstanceOf(HttpPod.class).hasToString("https://h/");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http:///nohost|Cannot open \"http:///nohost\": no host",
        "http://h/x?retries=-1|Cannot open \"http://h/x\": retries must be a non-negative integer, got \"-1\"",
        "http://h/x?timeout=soon&token=secret|Cannot open \"http://h/x\": timeout must be a non-negative integer, got \"soon\"",
        "http://h /x?token=secret|Cannot open \"http://h /x\": Illegal character in authority at index 7",
      })
  void refusesMalformedUrisWithoutShowingTheQuery(String uri, String message) {
    assertThatThrownBy(() -> HttpPod.open(uri, Map.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage(message)
        .hasNoCause();
  }

  @Test
  void pathsAreCheckedBeforeAnyRequest() {
    HttpPod pod = HttpPod.open("http://127.0.0.1:9/", Map.of());
    assertThatThrownBy(() -> pod.read("../x"))
        .isInstanceOf(InvalidPathException.class)
        .hasMessage("Cannot access \"../x\": contains a \"..\" component");
    assertThatThrownBy(() -> pod.write("", new byte[0]))
        .isInstanceOf(InvalidPathException.class)
        .hasMessage("Cannot access \"\": names the pod root, not a file");
    assertThat(pod.walk(0)).isEmpty();
  }

  @Test
  void retryDelaysGrowWithJitterUpToTheCap() {
    RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(300));
    for (int i = 0; i < 50; i++) {
      assertThat(policy.delay(1).toMillis()).isBetween(50L, 100L);
      assertThat(policy.delay(2).toMillis()).isBetween(100L, 200L);
      assertThat(policy.delay(3).toMillis()).isBetween(150L, 300L);
      assertThat(policy.delay(30).toMillis()).isBetween(150L, 300L);
    }
    assertThat(policy.retryAfter(1)).isEqualTo(Duration.ofMillis(300));
    assertThat(policy.retryAfter(0)).isEqualTo(Duration.ZERO);
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot retry: max attempts must be at least 1, got 0");
  }
}
