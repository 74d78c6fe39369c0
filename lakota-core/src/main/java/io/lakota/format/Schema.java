package io.lakota.format;

import io.lakota.errors.CorruptObjectException;
import io.lakota.errors.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ordered columns of a collection, with its kind ({@code null} for plain collections, {@code "kv"} for
 * key/value collections). Immutable. At least one column is an index column; the index is the list of index
 * columns in schema order (SEMANTICS.md §3).
 *
 * <pre>{@code
 * Schema s = Schema.parse("timestamp timestamp*", "value float");
 * Schema kv = Schema.builder().kv().column("category", "str*").column("value", "int").build();
 * }</pre>
 */
public final class Schema {
  /** The registry's fixed schema: {@code label: str*}, {@code meta: O}, key/value. */
  public static final Schema REGISTRY =
      builder().kv().column("label", "str*").column("meta", "O").build();

  private final String kind;
  private final List<ColumnDefinition> columns;
  private final List<ColumnDefinition> index;
  private final Map<String, Integer> positions;

  private Schema(String kind, List<ColumnDefinition> columns) {
    this.kind = kind;
    this.columns = List.copyOf(columns);
    List<ColumnDefinition> idx = new ArrayList<>();
    Map<String, Integer> pos = new LinkedHashMap<>();
    for (ColumnDefinition c : columns) {
      if (pos.put(c.name(), pos.size()) != null) {
        throw new ValidationException("Invalid schema, duplicate column \"" + c.name() + "\"");
      }
      if (c.isIndex()) {
        idx.add(c);
      }
    }
    ValidationException.check(!idx.isEmpty(), "Invalid schema, no index defined");
    this.index = Collections.unmodifiableList(idx);
    this.positions = Collections.unmodifiableMap(pos);
  }

  /** A schema from {@code "name definition"} strings, as the CLI takes them ({@code "timestamp timestamp*"}). */
  public static Schema parse(String... columns) {
    Builder b = builder();
    for (String c : columns) {
      String t = c.strip();
      int sp = indexOfWhitespace(t);
      ValidationException.check(sp > 0, "Cannot parse column \"%s\": expected \"<name> <definition>\"", c);
      b.column(t.substring(0, sp), t.substring(sp + 1));
    }
    return b.build();
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** A builder, for typed definitions: {@code Schema.builder().index("timestamp", Dtype.TIMESTAMP).build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A schema inferred from column arrays (SEMANTICS.md §3.7): one column per entry, in map order, with the dtype of
   * its array and the default codecs: {@code long[]} int64, {@code int[]} int32, {@code double[]} float64,
   * {@code float[]} float32, {@code boolean[]} bool, {@code String[]} {@code <UW} (W = longest string, as numpy
   * infers), {@code Instant[]} / {@code LocalDateTime[]} datetime64[s], {@code LocalDate[]} datetime64[D], other
   * {@code Object[]} object. Columns named in {@code index} are index columns; when {@code index} is empty every
   * column is.
   */
  public static Schema fromColumns(Map<String, ?> columns, List<String> index) {
    Builder b = builder();
    for (Map.Entry<String, ?> e : columns.entrySet()) {
      boolean idx = index == null || index.isEmpty() || index.contains(e.getKey());
      b.column(e.getKey(), SchemaInference.dtypeOf(e.getKey(), e.getValue()), idx);
    }
    return b.build();
  }

  /**
   * The text form of one value per column (schema order, possibly fewer values than columns), as the reference
   * serializes rows and bounds: datetimes {@code 2020-01-01 00:00:00}, dates {@code 2020-01-01}, floats as Python
   * prints them, integers in decimal, strings as they are.
   */
  public List<String> serialize(Object... values) {
    ValidationException.check(values.length <= columns.size(),
        "Cannot serialize %d values: the schema has %d columns", values.length, columns.size());
    List<String> out = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) {
      out.add(SchemaInference.text(columns.get(i), values[i]));
    }
    return out;
  }

  /** The inverse of {@link #serialize}: each text cast to its column's storage type ({@link Casts#value}). */
  public Object[] deserialize(List<String> texts) {
    ValidationException.check(texts.size() <= columns.size(),
        "Cannot deserialize %d values: the schema has %d columns", texts.size(), columns.size());
    Object[] out = new Object[texts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = SchemaInference.parse(columns.get(i), texts.get(i));
    }
    return out;
  }

  /** {@code null} for plain collections, {@code "kv"} for key/value collections. */
  public String kind() {
    return kind;
  }

  public boolean isKv() {
    return "kv".equals(kind);
  }

  /** All columns, in schema order. */
  public List<ColumnDefinition> columns() {
    return columns;
  }

  /** The index columns, in schema order. */
  public List<ColumnDefinition> index() {
    return index;
  }

  /** The column names, in schema order. */
  public List<String> names() {
    return new ArrayList<>(positions.keySet());
  }

  /** The dtypes of the index columns, in order. */
  public List<Dtype> indexDtypes() {
    List<Dtype> out = new ArrayList<>(index.size());
    for (ColumnDefinition c : index) {
      out.add(c.dtype());
    }
    return out;
  }

  /** True if the schema has a column of that name. */
  public boolean has(String name) {
    return positions.containsKey(name);
  }

  /** The column of that name. */
  public ColumnDefinition column(String name) {
    Integer p = positions.get(name);
    if (p == null) {
      throw new ValidationException("KeyError: \"" + name + "\"");
    }
    return columns.get(p);
  }

  /** The position of a column in schema order, or -1. */
  public int position(String name) {
    Integer p = positions.get(name);
    return p == null ? -1 : p;
  }

  /**
   * The registry form of the schema (FORMAT.md §3.2): {@code {"kind": null|"kv", "columns": {name: {"dt", "codecs",
   * "idx"}}}}, with insertion-ordered maps.
   */
  public Map<String, Object> dump() {
    Map<String, Object> cols = new LinkedHashMap<>();
    for (ColumnDefinition c : columns) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("dt", c.dtype().name());
      m.put("codecs", new ArrayList<Object>(c.codecs()));
      m.put("idx", c.isIndex());
      cols.put(c.name(), m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", kind);
    out.put("columns", cols);
    return out;
  }

  /**
   * The inverse of {@link #dump()}.
   *
   * @throws CorruptObjectException when the map does not have the registry layout
   */
  public static Schema load(Object dumped) {
    if (!(dumped instanceof Map)) {
      throw new CorruptObjectException(null, "schema is not a map: " + dumped);
    }
    Map<?, ?> m = (Map<?, ?>) dumped;
    Object kind = m.get("kind");
    Object cols = m.get("columns");
    if (!(cols instanceof Map) || (kind != null && !(kind instanceof String))) {
      throw new CorruptObjectException(null, "schema has no column map: " + dumped);
    }
    Builder b = builder();
    b.kind = (String) kind;
    for (Map.Entry<?, ?> e : ((Map<?, ?>) cols).entrySet()) {
      if (!(e.getKey() instanceof String) || !(e.getValue() instanceof Map)) {
        throw new CorruptObjectException(null, "schema column is not a map: " + e);
      }
      Map<?, ?> c = (Map<?, ?>) e.getValue();
      Object dt = c.get("dt");
      Object codecs = c.get("codecs");
      Object idx = c.get("idx");
      if (!(dt instanceof String) || !(codecs instanceof List) || !(idx instanceof Boolean)) {
        throw new CorruptObjectException(null, "schema column " + e.getKey() + " is malformed: " + c);
      }
      List<String> names = new ArrayList<>();
      for (Object codec : (List<?>) codecs) {
        if (!(codec instanceof String)) {
          throw new CorruptObjectException(null, "codec name is not a string: " + codec);
        }
        names.add((String) codec);
      }
      b.add(new ColumnDefinition((String) e.getKey(), Dtype.parse((String) dt), names, (Boolean) idx));
    }
    return b.build();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Schema)) {
      return false;
    }
    Schema s = (Schema) o;
    return Objects.equals(kind, s.kind) && columns.equals(s.columns);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, columns);
  }

  @Override
  public String toString() {
    return "Schema" + (kind == null ? "" : "[" + kind + "]") + columns;
  }

  /** Builds a schema column by column. Mutable, single-threaded. */
  public static final class Builder {
    private String kind;
    private final List<ColumnDefinition> columns = new ArrayList<>();

    private Builder() {}

    /** Makes the schema a key/value schema. */
    public Builder kv() {
      this.kind = "kv";
      return this;
    }

    /** Adds a column from a definition string ({@code "timestamp*"}, {@code "float | zstd"}). */
    public Builder column(String name, String definition) {
      return add(ColumnDefinition.parse(name, definition));
    }

    /** Adds a column with the default codecs of its dtype. */
    public Builder column(String name, Dtype dtype, boolean index) {
      return add(new ColumnDefinition(name, dtype, null, index));
    }

    /** Adds an index column with the default codecs of its dtype. */
    public Builder index(String name, Dtype dtype) {
      return column(name, dtype, true);
    }

    /** Adds a value (non-index) column with the default codecs of its dtype. */
    public Builder column(String name, Dtype dtype) {
      return column(name, dtype, false);
    }

    /** Adds a column with an explicit codec chain ({@code "zstd"}, {@code "vlen-utf8", "gzip"}, …). */
    public Builder column(String name, Dtype dtype, boolean index, String... codecs) {
      return add(new ColumnDefinition(name, dtype, List.of(codecs), index));
    }

    /** Adds a column. */
    public Builder add(ColumnDefinition column) {
      columns.add(column);
      return this;
    }

    public Schema build() {
      return new Schema(kind, columns);
    }
  }
}
