package io.lakota.query;

import java.util.Objects;

/**
 * One output column of {@code reduce} (EXPRESSIONS.md §8.2): its alias and its definition, a plain column name or
 * an s-expression (text starting with {@code (}). Immutable.
 */
public record ReduceColumn(String alias, String definition) {

  public ReduceColumn {
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(definition, "definition");
  }

  /** A positional entry: the alias is the definition text itself. */
  public static ReduceColumn of(String definition) {
    return new ReduceColumn(definition, definition);
  }

  /** A named entry ({@code name=definition}). */
  public static ReduceColumn named(String name, String definition) {
    return new ReduceColumn(name, definition);
  }

  /** True when the definition is an s-expression rather than a column name. */
  public boolean isExpression() {
    return definition.startsWith("(");
  }
}
