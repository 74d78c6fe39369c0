package io.lakota.parquet;

import io.lakota.errors.ValidationException;
import io.lakota.format.ColumnDefinition;
import io.lakota.format.Datetimes;
import io.lakota.format.Dtype;
import io.lakota.format.Schema;
import java.time.LocalDateTime;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * How Lakota dtypes map to Parquet columns, the way pandas (pyarrow) writes a data frame: every column optional,
 * datetimes as naive timestamps ({@code isAdjustedToUTC=false}) in milliseconds (Parquet has no seconds; numpy's
 * coarser units are converted too), or in micro/nanoseconds for those units, days as {@code DATE}; strings as UTF-8
 * {@code BINARY}; small and unsigned integers annotated with their width and sign. NaT and null strings are nulls.
 * Stateless.
 */
final class ParquetTypes {
  private ParquetTypes() {}

  /** The message type of a schema's columns, in schema order. */
  static MessageType messageType(Schema schema) {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (ColumnDefinition c : schema.columns()) {
      b.addField(field(c));
    }
    return b.named("schema");
  }

  private static Type field(ColumnDefinition c) {
    Dtype dt = c.dtype();
    String name = c.name();
    switch (dt.kind()) {
      case DATETIME:
        if (dt.unit().equals("D")) {
          return Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(name);
        }
        return Types.optional(PrimitiveTypeName.INT64)
            .as(LogicalTypeAnnotation.timestampType(false, timeUnit(dt.unit()))).named(name);
      case FLOAT:
        return Types.optional(dt.itemSize() == 8 ? PrimitiveTypeName.DOUBLE : PrimitiveTypeName.FLOAT).named(name);
      case INT:
      case UINT:
        boolean signed = dt.kind() == Dtype.Kind.INT;
        int bits = dt.itemSize() * 8;
        if (bits == 64) {
          return signed ? Types.optional(PrimitiveTypeName.INT64).named(name)
              : Types.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.intType(64, false)).named(name);
        }
        return bits == 32 && signed ? Types.optional(PrimitiveTypeName.INT32).named(name)
            : Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(bits, signed)).named(name);
      case BOOL:
        return Types.optional(PrimitiveTypeName.BOOLEAN).named(name);
      default:
        return Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
    }
  }

  /** The Parquet unit a datetime unit is written in. */
  static TimeUnit timeUnit(String unit) {
    switch (unit) {
      case "us":
        return TimeUnit.MICROS;
      case "ns":
        return TimeUnit.NANOS;
      default:
        return TimeUnit.MILLIS;
    }
  }

  /** The numpy unit of a Parquet time unit. */
  static String unit(TimeUnit unit) {
    switch (unit) {
      case MICROS:
        return "us";
      case NANOS:
        return "ns";
      default:
        return "ms";
    }
  }

  /**
   * A datetime value converted from one numpy unit to another, floored as numpy's {@code astype} does.
   *
   * @throws ValidationException when the converted value does not fit
   */
  static long convert(long value, String from, String to) {
    if (value == Datetimes.NAT || from.equals(to)) {
      return value;
    }
    long f = nanosPer(from);
    long t = nanosPer(to);
    try {
      if (f > 0 && t > 0) {
        return f >= t ? Math.multiplyExact(value, f / t) : Math.floorDiv(value, t / f);
      }
      LocalDateTime time = Datetimes.toLocalDateTime(value, from);
      return Datetimes.fromLocalDateTime(time, to);
    } catch (ArithmeticException | java.time.DateTimeException e) {
      throw new ValidationException("Cannot convert datetime " + value + " [" + from + "] to [" + to + "]: out of "
          + "range", e);
    }
  }

  /** Nanoseconds in one unit of fixed length (D and below), 0 for Y, M and W. */
  private static long nanosPer(String unit) {
    switch (unit) {
      case "D":
        return 86_400_000_000_000L;
      case "h":
        return 3_600_000_000_000L;
      case "m":
        return 60_000_000_000L;
      case "s":
        return 1_000_000_000L;
      case "ms":
        return 1_000_000L;
      case "us":
        return 1_000L;
      case "ns":
        return 1L;
      default:
        return 0L;
    }
  }
}
