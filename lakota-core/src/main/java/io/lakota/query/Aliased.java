package io.lakota.query;

/**
 * The result of {@code (as value name)}: a value with the name of the output column that {@code reduce} gives it
 * (EXPRESSIONS.md §4). Immutable.
 */
public record Aliased(Object value, String name) {}
