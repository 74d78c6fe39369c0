package io.lakota.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.UnsupportedFormatException;
import io.lakota.errors.ValidationException;
import io.lakota.format.codec.ColumnCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Column definitions, dtypes and schema dumps: SEMANTICS.md §3 and FORMAT.md §6.1, §6.6. */
class SchemaTest {
  @Test
  void parsesDefinitionsWithTheReferenceTokenizer() {
    for (String d : List.of("timestamp*", "timestamp *", "M8[s] *", "int *")) {
      assertThat(ColumnDefinition.parse("c", d).isIndex()).as(d).isTrue();
    }
    assertThat(ColumnDefinition.parse("c", "M8[s] *").dtype()).isEqualTo(Dtype.TIMESTAMP);
    ColumnDefinition f = ColumnDefinition.parse("c", "float");
    assertThat(f.isIndex()).isFalse();
    assertThat(f.codecs()).containsExactly("blosc");
    assertThat(ColumnDefinition.parse("c", "str").codecs()).containsExactly("msgpack2", "zstd");
    assertThat(ColumnDefinition.parse("c", "O").dtype()).isEqualTo(Dtype.OBJECT);
    assertThat(ColumnDefinition.parse("c", "O").codecs()).containsExactly("msgpack2", "zstd");
    assertThat(ColumnDefinition.parse("c", "float | zstd").codecs()).containsExactly("zstd");
    ColumnDefinition v = ColumnDefinition.parse("c", "str* |vlen-utf8 gzip");
    assertThat(v.isIndex()).isTrue();
    assertThat(v.codecs()).containsExactly("vlen-utf8", "gzip");
    ColumnDefinition u3 = ColumnDefinition.parse("c", "U3*");
    assertThat(u3.dtype().name()).isEqualTo("<U3");
    assertThat(u3.codecs()).containsExactly("blosc");
    assertThat(u3.isIndex()).isTrue();
    assertThatThrownBy(() -> ColumnDefinition.parse("c", "str*|zstd"))
        .isInstanceOf(ValidationException.class).hasMessage("Unexpected item: *|");
    assertThatThrownBy(() -> ColumnDefinition.parse("c", "<U3"))
        .isInstanceOf(UnsupportedFormatException.class).hasMessage("Unsupported dtype: \"<\"");
    assertThatThrownBy(() -> ColumnDefinition.parse("c", "float extra"))
        .isInstanceOf(ValidationException.class).hasMessage("Unexpected item: extra");
  }

  @Test
  void normalizesDtypeSpellings() {
    String[][] cases = {
      {"timestamp", "datetime64[s]"}, {"date", "datetime64[D]"}, {"float", "float64"}, {"int", "int64"},
      {"str", "<U0"}, {"O", "object"}, {"object", "object"}, {"M8[s]", "datetime64[s]"}, {"M8[D]", "datetime64[D]"},
      {"M8[ms]", "datetime64[ms]"}, {"M8[us]", "datetime64[us]"}, {"M8[ns]", "datetime64[ns]"}, {"f8", "float64"},
      {"f4", "float32"}, {"i8", "int64"}, {"i4", "int32"}, {"bool", "bool"}, {"U3", "<U3"}, {"<U3", "<U3"},
      {"<M8[s]", "datetime64[s]"}, {"datetime64[m]", "datetime64[m]"}, {"uint8", "uint8"}, {"i2", "int16"},
    };
    for (String[] c : cases) {
      assertThat(Dtype.parse(c[0]).name()).as(c[0]).isEqualTo(c[1]);
    }
    assertThatThrownBy(() -> Dtype.parse("complex128"))
        .isInstanceOf(UnsupportedFormatException.class).hasMessage("Unsupported dtype: \"complex128\"");
    assertThatThrownBy(() -> Dtype.parse("datetime64[fs]"))
        .isInstanceOf(UnsupportedFormatException.class).hasMessage("Unsupported dtype: \"datetime64[fs]\"");
  }

  @Test
  void refusesUnknownCodecsByName() {
    assertThatThrownBy(() -> ColumnCodec.of(ColumnDefinition.parse("c", "float | lzma")))
        .isInstanceOf(UnsupportedFormatException.class).hasMessage("Unsupported codec: \"lzma\"");
    assertThatThrownBy(() -> ColumnCodec.of(ColumnDefinition.parse("c", "str | blosc")))
        .isInstanceOf(UnsupportedFormatException.class).hasMessageContaining("blosc");
    assertThatThrownBy(() -> ColumnCodec.of(ColumnDefinition.parse("c", "timestamp | msgpack2")))
        .isInstanceOf(UnsupportedFormatException.class).hasMessageContaining("msgpack2");
  }

  @Test
  void dumpsAndLoadsTheRegistryLayout() {
    Schema s = Schema.parse("timestamp timestamp*", "version int*", "value float", "note str");
    assertThat(io.lakota.internal.util.Json.write(s.dump())).isEqualTo("{\"kind\": null, \"columns\": "
        + "{\"timestamp\": {\"dt\": \"datetime64[s]\", \"codecs\": [\"blosc\"], \"idx\": true}, "
        + "\"version\": {\"dt\": \"int64\", \"codecs\": [\"blosc\"], \"idx\": true}, "
        + "\"value\": {\"dt\": \"float64\", \"codecs\": [\"blosc\"], \"idx\": false}, "
        + "\"note\": {\"dt\": \"<U0\", \"codecs\": [\"msgpack2\", \"zstd\"], \"idx\": false}}}");
    assertThat(Schema.load(s.dump())).isEqualTo(s);
    assertThat(s.index()).extracting(ColumnDefinition::name).containsExactly("timestamp", "version");
    Schema kv = Schema.builder().kv().column("category", "str*").column("value", "int").build();
    assertThat(kv.dump().get("kind")).isEqualTo("kv");
    assertThat(Schema.load(kv.dump())).isEqualTo(kv);
    assertThatThrownBy(() -> Schema.parse("value float"))
        .isInstanceOf(ValidationException.class).hasMessage("Invalid schema, no index defined");
    assertThat(Schema.parse("a int*")).isNotEqualTo(Schema.parse("a int*", "b float"));
  }

  @Test
  void comparesStringsByCodePoint() {
    // U+FFFD sorts before U+1F600 by code point although its UTF-16 unit is larger than the surrogate
    assertThat(Values.compareCodePoints("\uFFFD", "😀")).isNegative();
    assertThat("\uFFFD".compareTo("😀")).isPositive();
    assertThat(Values.compareCodePoints("a", "ab")).isNegative();
    assertThat(Values.compareCodePoints("b", "ab")).isPositive();
    assertThat(Values.compareCodePoints("😀", "😁")).isNegative();
  }
}
