package io.lakota.cli.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.ValidationException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  private static String write(String... fields) {
    StringBuilder sb = new StringBuilder();
    CsvWriter.record(sb, Arrays.asList(fields));
    return sb.toString();
  }

  @Test
  void quotesOnlyWhenNeeded() {
    assertThat(write("a", "b,c", "say \"hi\"", "", "x\ny", "cr\r", "é")).isEqualTo(
        "a,\"b,c\",\"say \"\"hi\"\"\",,\"x\ny\",\"cr\r\",é\r\n");
    assertThat(write("")).isEqualTo("\"\"\r\n");
    assertThat(write((String) null)).isEqualTo("\"\"\r\n");
    assertThat(write("", "")).isEqualTo(",\r\n");
    assertThat(write("a", null)).isEqualTo("a,\r\n");
    assertThat(write("#a", "b")).isEqualTo("#a,b\r\n");
    assertThat(write(" x ", "é;")).isEqualTo(" x ,é;\r\n");
  }

  @Test
  void readsQuotedFieldsLineBreaksAndSkipsBlankLines() {
    CsvReader.Content c = CsvReader.parse("\uFEFFa,b\r\n\"x,1\",\"two\nlines\"\n\n\"\"\"q\"\"\",\r\nlast,\"\"");
    assertThat(c.header()).containsExactly("a", "b");
    assertThat(c.records()).hasSize(3);
    assertThat(c.records().get(0)).containsExactly("x,1", "two\nlines");
    assertThat(c.records().get(1)).containsExactly("\"q\"", "");
    assertThat(c.records().get(2)).containsExactly("last", "");
  }

  @Test
  void keepsWhatFollowsAClosingQuoteAsPythonDoes() {
    assertThat(CsvReader.parse("a\n\"ab\"cd\n").records().get(0)).containsExactly("abcd");
    assertThat(CsvReader.parse("a\nx\"y\n").records().get(0)).containsExactly("x\"y");
  }

  @Test
  void roundTripsWhatItWrites() {
    List<String> fields = List.of("a", "b,c", "say \"hi\"", "", "x\r\ny");
    StringBuilder sb = new StringBuilder();
    CsvWriter.record(sb, List.of("1", "2", "3", "4", "5"));
    CsvWriter.record(sb, fields);
    assertThat(CsvReader.parse(sb.toString()).records().get(0)).containsExactlyElementsOf(fields);
  }

  @Test
  void failsOnMalformedInput() {
    assertThat(CsvReader.parse("")).isNull();
    assertThat(CsvReader.parse("\n\r\n")).isNull();
    assertThatThrownBy(() -> CsvReader.parse("a,b\n1\n"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot parse CSV: line 2 has 1 fields, the header has 2");
    assertThatThrownBy(() -> CsvReader.parse("a,b\n\n\"1\n2,3\n"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot parse CSV: Unclosed quoted field at end of input (record starting at line 3)");
    assertThatThrownBy(() -> CsvReader.parse("a\n\"x\ny\nz\",\"w\n"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot parse CSV: Unclosed quoted field at end of input (record starting at line 2)");
  }
}
