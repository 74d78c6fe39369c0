package io.lakota.format;

import io.lakota.errors.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One column of a schema: name, dtype, codec chain and index flag (SEMANTICS.md §3.1). Immutable.
 *
 * <p>Definitions are parsed from the reference's grammar {@code DTYPE ['*'] ['|' CODEC {CODEC}]}, e.g.
 * {@code "timestamp*"}, {@code "float | zstd"}, {@code "str* |vlen-utf8 gzip"}.
 */
public final class ColumnDefinition {
  private final String name;
  private final Dtype dtype;
  private final List<String> codecs;
  private final boolean index;

  /** A column; {@code codecs} empty or null means the default chain of the dtype (FORMAT.md §6.1). */
  public ColumnDefinition(String name, Dtype dtype, List<String> codecs, boolean index) {
    this.name = Objects.requireNonNull(name, "name");
    this.dtype = Objects.requireNonNull(dtype, "dtype");
    this.codecs = codecs == null || codecs.isEmpty() ? defaultCodecs(dtype) : List.copyOf(codecs);
    this.index = index;
  }

  /** The codec chain used when a definition names none. */
  public static List<String> defaultCodecs(Dtype dtype) {
    return dtype.isVariableSize() ? List.of("msgpack2", "zstd") : List.of("blosc");
  }

  /**
   * Parses {@code definition} (the part after the column name) with the reference's tokenizer rules.
   *
   * @throws ValidationException for unexpected tokens ({@code "Unexpected item: *|"})
   * @throws io.lakota.errors.UnsupportedFormatException for an unknown dtype
   */
  public static ColumnDefinition parse(String name, String definition) {
    List<String> tokens = DefinitionTokenizer.tokenize(definition);
    ValidationException.check(!tokens.isEmpty(), "Cannot parse column \"%s\": empty definition", name);
    Dtype dtype = Dtype.parse(tokens.get(0));
    boolean idx = false;
    List<String> codecs = new ArrayList<>();
    boolean inCodecs = false;
    for (String tok : tokens.subList(1, tokens.size())) {
      if (inCodecs) {
        codecs.add(tok);
      } else if (tok.equals("*")) {
        idx = true;
      } else if (tok.equals("|")) {
        inCodecs = true;
      } else {
        throw new ValidationException("Unexpected item: " + tok);
      }
    }
    return new ColumnDefinition(name, dtype, codecs, idx);
  }

  public String name() {
    return name;
  }

  public Dtype dtype() {
    return dtype;
  }

  /** The codec names, in encoding order. */
  public List<String> codecs() {
    return codecs;
  }

  /** True for index columns (flagged {@code *}). */
  public boolean isIndex() {
    return index;
  }

  /** The same column under another name. */
  public ColumnDefinition withName(String newName) {
    return new ColumnDefinition(newName, dtype, codecs, index);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ColumnDefinition)) {
      return false;
    }
    ColumnDefinition c = (ColumnDefinition) o;
    return name.equals(c.name) && dtype.equals(c.dtype) && codecs.equals(c.codecs) && index == c.index;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, dtype, codecs, index);
  }

  @Override
  public String toString() {
    return name + " " + dtype.name() + (index ? "*" : "") + " | " + String.join(" ", codecs);
  }
}
