package io.lakota.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.InvalidPathException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PodPathTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      emptyValue = "",
      value = {
        "''|''",
        ".|''",
        "./|''",
        "a|a",
        "a/|a",
        "./a|a",
        "a/./b|a/b",
        "a/.|a",
        "./././a/b/./|a/b",
        "~|~",
        ".lakota|.lakota",
        "a..b/c.|a..b/c.",
      })
  void normalizes(String path, String expected) {
    assertThat(PodPath.normalize(path)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/|is an absolute path",
        "/a|is an absolute path",
        "a//b|contains an empty component",
        "a//|contains an empty component",
        "//|is an absolute path",
        "..|contains a \"..\" component",
        "a/..|contains a \"..\" component",
        "a/../b|contains a \"..\" component",
        "a\\b|contains a backslash",
      })
  void refuses(String path, String reason) {
    assertThatThrownBy(() -> PodPath.normalize(path))
        .isInstanceOf(InvalidPathException.class)
        .hasMessage("Cannot access \"" + path + "\": " + reason)
        .satisfies(e -> assertThat(((InvalidPathException) e).path()).isEqualTo(path));
  }

  @Test
  void splitsAndJoins() {
    assertThat(PodPath.join("", "a")).isEqualTo("a");
    assertThat(PodPath.join("a", "")).isEqualTo("a");
    assertThat(PodPath.join("a", "b/c")).isEqualTo("a/b/c");
    assertThat(PodPath.parent("a/b/c")).isEqualTo("a/b");
    assertThat(PodPath.parent("a")).isEqualTo("");
    assertThat(PodPath.name("a/b/c")).isEqualTo("c");
    assertThat(PodPath.name("a")).isEqualTo("a");
    assertThat(PodPath.components("a/b")).isEqualTo(List.of("a", "b"));
    assertThat(PodPath.components("")).isEmpty();
    assertThat(PodPath.display("")).isEqualTo(".");
    assertThat(PodPath.display("a/b")).isEqualTo("a/b");
  }
}
