package io.lakota.parquet;

import io.lakota.errors.ValidationException;
import io.lakota.format.ColumnDefinition;
import io.lakota.format.Datetimes;
import io.lakota.format.Dtype;
import io.lakota.format.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads the columns of a Parquet file into arrays for a schema: datetime columns into {@code long[]} of the schema
 * column's unit (from Parquet timestamps of any unit, dates or plain integers; nulls are NaT), float columns into
 * {@code double[]} (nulls are NaN), every other column into boxed values the frame constructor casts (nulls stay
 * null, which integer and boolean columns then refuse, naming the column). Columns the schema does not know are
 * reported with no values; pandas index columns ({@code __index_level_N__}) are skipped. Stateless.
 */
final class ParquetColumns {
  private static final Pattern PANDAS_INDEX = Pattern.compile("__index_level_\\d+__");

  private ParquetColumns() {}

  static Map<String, Object> read(InputFile file, Schema schema) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    try (ParquetFileReader reader = ParquetFileReader.open(file,
        ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
      MessageType type = reader.getFooter().getFileMetaData().getSchema();
      long total = 0;
      for (BlockMetaData block : reader.getFooter().getBlocks()) {
        total += block.getRowCount();
      }
      if (total > Integer.MAX_VALUE - 8) {
        throw new ValidationException("too many rows (" + total + ")");
      }
      List<ColumnDescriptor> wanted = new ArrayList<>();
      List<Sink> sinks = new ArrayList<>();
      for (Type field : type.getFields()) {
        String name = field.getName();
        if (PANDAS_INDEX.matcher(name).matches()) {
          continue;
        }
        if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
          throw new ValidationException("column \"" + name + "\" is not a flat column (" + field + ")");
        }
        if (!schema.has(name)) {
          out.put(name, new String[0]);
          continue;
        }
        wanted.add(type.getColumnDescription(new String[] {name}));
        sinks.add(new Sink(schema.column(name), field.asPrimitiveType(), (int) total));
      }
      int row = 0;
      PageReadStore group;
      while ((group = reader.readNextRowGroup()) != null) {
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(group,
            new GroupRecordConverter(type).getRootConverter(), type, reader.getFileMetaData().getCreatedBy());
        int rows = (int) group.getRowCount();
        for (int c = 0; c < wanted.size(); c++) {
          ColumnDescriptor d = wanted.get(c);
          ColumnReader column = store.getColumnReader(d);
          Sink sink = sinks.get(c);
          for (int i = 0; i < rows; i++) {
            sink.add(row + i, column, column.getCurrentDefinitionLevel() == d.getMaxDefinitionLevel());
            column.consume();
          }
        }
        row += rows;
      }
      for (Sink s : sinks) {
        out.put(s.name, s.values());
      }
    }
    return out;
  }

  /** Checked integer values in the storage array of an integer dtype. */
  private static Object narrow(long[] values, Dtype dtype) {
    switch (dtype.storage()) {
      case INT:
        int[] ints = new int[values.length];
        for (int i = 0; i < ints.length; i++) {
          ints[i] = (int) values[i];
        }
        return ints;
      case SHORT:
        short[] shorts = new short[values.length];
        for (int i = 0; i < shorts.length; i++) {
          shorts[i] = (short) values[i];
        }
        return shorts;
      case BYTE:
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] = (byte) values[i];
        }
        return bytes;
      default:
        return values;
    }
  }

  /** The values of one column, in the array type its schema dtype wants. */
  private static final class Sink {
    final String name;
    final Dtype dtype;
    final PrimitiveType source;
    final String sourceUnit;
    final boolean integer;
    final boolean unsignedSource;
    final long[] longs;
    final double[] doubles;
    final Object[] objects;

    Sink(ColumnDefinition def, PrimitiveType source, int rows) {
      this.name = def.name();
      this.dtype = def.dtype();
      this.source = source;
      LogicalTypeAnnotation logical = source.getLogicalTypeAnnotation();
      if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) {
        sourceUnit = ParquetTypes.unit(((LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) logical).getUnit());
      } else if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
        sourceUnit = "D";
      } else {
        sourceUnit = null;
      }
      boolean datetime = dtype.kind() == Dtype.Kind.DATETIME;
      boolean floating = dtype.kind() == Dtype.Kind.FLOAT;
      if (datetime && !(source.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT64
          || source.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT32)) {
        throw new ValidationException("column \"" + name + "\" holds " + source.getPrimitiveTypeName()
            + " values, not datetimes");
      }
      integer = dtype.kind() == Dtype.Kind.INT || dtype.kind() == Dtype.Kind.UINT;
      unsignedSource = logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation
          && !((LogicalTypeAnnotation.IntLogicalTypeAnnotation) logical).isSigned();
      longs = datetime || integer ? new long[rows] : null;
      doubles = floating ? new double[rows] : null;
      objects = datetime || floating || integer ? null : new Object[rows];
    }

    void add(int i, ColumnReader column, boolean present) {
      if (integer) {
        if (!present) {
          throw new ValidationException("column \"" + name + "\" has a null at row " + i + ", " + dtype.name()
              + " has no null");
        }
        longs[i] = integer(column, i);
      } else if (longs != null) {
        if (!present) {
          longs[i] = Datetimes.NAT;
          return;
        }
        long v = source.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT64 ? column.getLong()
            : column.getInteger();
        longs[i] = sourceUnit == null ? v : ParquetTypes.convert(v, sourceUnit, dtype.unit());
      } else if (doubles != null) {
        doubles[i] = present ? number(column).doubleValue() : Double.NaN;
      } else {
        objects[i] = present ? value(column) : null;
      }
    }

    /** An integer value, checked against the range of the column's dtype. */
    private long integer(ColumnReader column, int row) {
      long v;
      switch (source.getPrimitiveTypeName()) {
        case INT64:
          v = column.getLong();
          break;
        case INT32:
          v = unsignedSource ? Integer.toUnsignedLong(column.getInteger()) : column.getInteger();
          break;
        default:
          throw new ValidationException("column \"" + name + "\" holds " + source.getPrimitiveTypeName()
              + " values, not integers");
      }
      int bits = dtype.itemSize() * 8;
      boolean fits;
      if (bits == 64) {
        // int64 and uint64 share the long's 64 bits; only the sign of the source says which is meant
        fits = (dtype.kind() == Dtype.Kind.UINT) == unsignedSource || v >= 0;
      } else if (dtype.kind() == Dtype.Kind.UINT) {
        fits = v >= 0 && v < (1L << bits);
      } else {
        fits = v >= -(1L << (bits - 1)) && v < (1L << (bits - 1));
      }
      if (!fits) {
        throw new ValidationException("column \"" + name + "\" row " + row + ": " + (unsignedSource && bits == 64
            ? Long.toUnsignedString(v) : Long.toString(v)) + " does not fit " + dtype.name());
      }
      return v;
    }

    private Number number(ColumnReader column) {
      Object v = value(column);
      if (!(v instanceof Number)) {
        throw new ValidationException("column \"" + name + "\" holds " + source.getPrimitiveTypeName()
            + " values, not numbers");
      }
      return (Number) v;
    }

    private Object value(ColumnReader column) {
      switch (source.getPrimitiveTypeName()) {
        case INT64:
          return column.getLong();
        case INT32:
          return column.getInteger();
        case DOUBLE:
          return column.getDouble();
        case FLOAT:
          return (double) column.getFloat();
        case BOOLEAN:
          return column.getBoolean();
        case BINARY:
        case FIXED_LEN_BYTE_ARRAY:
          return column.getBinary().toStringUsingUTF8();
        default:
          throw new ValidationException("column \"" + name + "\" holds " + source.getPrimitiveTypeName()
              + " values, which Lakota does not read");
      }
    }

    Object values() {
      if (integer) {
        return narrow(longs, dtype);
      }
      return longs != null ? longs : doubles != null ? doubles : objects;
    }
  }
}
