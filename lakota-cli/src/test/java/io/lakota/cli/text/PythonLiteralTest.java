package io.lakota.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonLiteralTest {

  @Test
  void printsScalarsAsPythonStr() {
    assertThat(PythonLiteral.str(null)).isEqualTo("None");
    assertThat(PythonLiteral.str(true)).isEqualTo("True");
    assertThat(PythonLiteral.str(3L)).isEqualTo("3");
    assertThat(PythonLiteral.str(new BigInteger("18446744073709551615"))).isEqualTo("18446744073709551615");
    assertThat(PythonLiteral.str(2.5)).isEqualTo("2.5");
    assertThat(PythonLiteral.str(1e16)).isEqualTo("1e+16");
    assertThat(PythonLiteral.str("it's")).isEqualTo("it's");
    assertThat(PythonLiteral.str(LocalDateTime.of(2020, 6, 28, 0, 0))).isEqualTo("2020-06-28 00:00:00");
    assertThat(PythonLiteral.str(LocalDateTime.of(2020, 6, 28, 1, 2, 3, 4_000))).isEqualTo("2020-06-28 01:02:03.000004");
    assertThat(PythonLiteral.str(LocalDate.of(1, 1, 2))).isEqualTo("0001-01-02");
  }

  @Test
  void printsContainersInLiteralSyntax() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", "c0/03/5c");
    m.put("n", 1L);
    assertThat(PythonLiteral.str(m)).isEqualTo("{'path': 'c0/03/5c', 'n': 1}");
    assertThat(PythonLiteral.str(Map.of())).isEqualTo("{}");
    assertThat(PythonLiteral.str(Arrays.asList(1L, 2.5, null, true))).isEqualTo("[1, 2.5, None, True]");
    assertThat(PythonLiteral.str(List.of("it's", "say \"hi\"", "both ' \"", "tab\there\n", "\u0001é😀\u200b")))
        .isEqualTo("[\"it's\", 'say \"hi\"', 'both \\' \"', 'tab\\there\\n', '\\x01é😀\\u200b']");
    assertThat(PythonLiteral.str(List.of(new byte[] {'a', 0, '\''}))).isEqualTo("[b\"a\\x00'\"]");
    assertThat(PythonLiteral.repr("back\\slash")).isEqualTo("'back\\\\slash'");
  }
}
