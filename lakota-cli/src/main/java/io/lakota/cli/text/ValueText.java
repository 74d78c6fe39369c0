package io.lakota.cli.text;

import io.lakota.format.Datetimes;
import io.lakota.format.Dtype;
import io.lakota.format.internal.PythonFloats;

/**
 * The text form of column values (CLI.md §2.2), used in CSV output, in revision tables and, before the table rules,
 * in pretty tables: floats as Python prints them, datetimes as numpy does, {@code True}/{@code False}, object values
 * as Python's {@code str}. Stateless.
 */
public final class ValueText {
  private ValueText() {}

  /** The text of element {@code i} of a column array of {@code dtype}; null for a null object value. */
  public static String text(Dtype dtype, Object array, int i) {
    switch (dtype.storage()) {
      case DOUBLE:
        return PythonFloats.repr(((double[]) array)[i]);
      case FLOAT:
        return DecimalText.float32(((float[]) array)[i]);
      case LONG:
        long l = ((long[]) array)[i];
        if (dtype.kind() == Dtype.Kind.DATETIME) {
          return Datetimes.format(l, dtype.unit());
        }
        return dtype.kind() == Dtype.Kind.UINT ? Long.toUnsignedString(l) : Long.toString(l);
      case INT:
        int n = ((int[]) array)[i];
        return dtype.kind() == Dtype.Kind.UINT ? Integer.toUnsignedString(n) : Integer.toString(n);
      case SHORT:
        short s = ((short[]) array)[i];
        return Integer.toString(dtype.kind() == Dtype.Kind.UINT ? s & 0xffff : s);
      case BYTE:
        byte b = ((byte[]) array)[i];
        return Integer.toString(dtype.kind() == Dtype.Kind.UINT ? b & 0xff : b);
      case BOOLEAN:
        return ((boolean[]) array)[i] ? "True" : "False";
      case STRING:
        return ((String[]) array)[i];
      default:
        Object o = ((Object[]) array)[i];
        return o == null ? null : PythonLiteral.str(o);
    }
  }

  /** The text of one index value (a boxed start or stop element of a commit row) of {@code dtype}. */
  public static String text(Dtype dtype, Object value) {
    Object array;
    switch (dtype.storage()) {
      case DOUBLE:
        array = new double[] {((Number) value).doubleValue()};
        break;
      case FLOAT:
        array = new float[] {((Number) value).floatValue()};
        break;
      case LONG:
        array = new long[] {((Number) value).longValue()};
        break;
      case INT:
        array = new int[] {((Number) value).intValue()};
        break;
      case SHORT:
        array = new short[] {((Number) value).shortValue()};
        break;
      case BYTE:
        array = new byte[] {((Number) value).byteValue()};
        break;
      case BOOLEAN:
        array = new boolean[] {(Boolean) value};
        break;
      case STRING:
        array = new String[] {String.valueOf(value)};
        break;
      default:
        array = new Object[] {value};
    }
    return text(dtype, array, 0);
  }
}
