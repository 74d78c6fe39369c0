package io.lakota.query;

import io.lakota.format.Datetimes;
import io.lakota.format.Dtype;
import io.lakota.format.Values;
import java.util.List;

/**
 * The binary operators on arrays, element-wise with numpy's rules for one-dimensional arrays: scalars and
 * one-element arrays broadcast; integer arithmetic wraps at 64 bits and integer {@code %} by zero gives 0; true
 * division and any float operand give doubles; comparisons give boolean arrays; datetimes compare in their finer
 * unit, with strings parsed as datetimes, and shift by integers. Every loop runs on primitive arrays.
 */
final class ArrayOps {
  private ArrayOps() {}

  /** True when a binary operator on these operands is element-wise. */
  static boolean isArrayOperation(Object a, Object b) {
    return a instanceof ArrayValue || b instanceof ArrayValue || a instanceof List || b instanceof List;
  }

  static ArrayValue apply(Op op, Object a, Object b) {
    ArrayValue x = operand(a, b);
    ArrayValue y = operand(b, a);
    int n = Operands.broadcastLength(x, y);
    x = Operands.expand(x, n);
    y = Operands.expand(y, n);
    Dtype dx = x.dtype();
    Dtype dy = y.dtype();
    if (x.isDatetime() || y.isDatetime()) {
      return datetimes(op, x, y, n);
    }
    if (Operands.isString(dx) || Operands.isString(dy)) {
      return strings(op, x, y, n);
    }
    if (dx.kind() == Dtype.Kind.OBJECT || dy.kind() == Dtype.Kind.OBJECT) {
      return objects(op, x, y, n);
    }
    return numbers(op, x, y, n);
  }

  /** {@code v} as an array; a string facing a datetime array is parsed as a datetime. */
  private static ArrayValue operand(Object v, Object other) {
    if (v instanceof String && other instanceof ArrayValue && ((ArrayValue) other).isDatetime()) {
      return Operands.scalar(ScalarOps.asDatetime(v));
    }
    return Operands.toArray(v);
  }

  private static ArrayValue numbers(Op op, ArrayValue x, ArrayValue y, int n) {
    boolean floating = Operands.isFloat(x.dtype()) || Operands.isFloat(y.dtype());
    if (op.isComparison()) {
      boolean[] out = new boolean[n];
      if (floating) {
        double[] p = Operands.doubles(x);
        double[] q = Operands.doubles(y);
        for (int i = 0; i < n; i++) {
          out[i] = ScalarOps.compareDoubles(op, p[i], q[i]);
        }
      } else {
        long[] p = Operands.longs(x);
        long[] q = Operands.longs(y);
        for (int i = 0; i < n; i++) {
          out[i] = op.test(Long.compare(p[i], q[i]));
        }
      }
      return ArrayValue.ofBooleans(out);
    }
    if (op.isLogical()) {
      if (x.dtype().kind() == Dtype.Kind.BOOL && y.dtype().kind() == Dtype.Kind.BOOL) {
        boolean[] p = Operands.booleans(x);
        boolean[] q = Operands.booleans(y);
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
          out[i] = op == Op.AND ? p[i] & q[i] : p[i] | q[i];
        }
        return ArrayValue.ofBooleans(out);
      }
      if (floating) {
        throw unsupported(op, x, y);
      }
      long[] p = Operands.longs(x);
      long[] q = Operands.longs(y);
      long[] out = new long[n];
      for (int i = 0; i < n; i++) {
        out[i] = op == Op.AND ? p[i] & q[i] : p[i] | q[i];
      }
      return ArrayValue.ofLongs(out);
    }
    if (floating || op == Op.DIV) {
      double[] p = Operands.doubles(x);
      double[] q = Operands.doubles(y);
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = doubleArithmetic(op, p[i], q[i]);
      }
      return ArrayValue.ofDoubles(out);
    }
    long[] p = Operands.longs(x);
    long[] q = Operands.longs(y);
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = longArithmetic(op, p[i], q[i]);
    }
    return ArrayValue.ofLongs(out);
  }

  private static double doubleArithmetic(Op op, double x, double y) {
    switch (op) {
      case ADD:
        return x + y;
      case SUB:
        return x - y;
      case MUL:
        return x * y;
      case DIV:
        return x / y;
      default:
        // numpy's remainder: sign of the divisor, NaN for a zero divisor
        return y == 0 ? Double.NaN : ScalarOps.pythonMod(x, y);
    }
  }

  private static long longArithmetic(Op op, long x, long y) {
    switch (op) {
      case ADD:
        return x + y;
      case SUB:
        return x - y;
      case MUL:
        return x * y;
      default:
        // numpy gives 0 (with a warning) for an integer modulo by zero
        return y == 0 ? 0 : Math.floorMod(x, y);
    }
  }

  private static ArrayValue strings(Op op, ArrayValue x, ArrayValue y, int n) {
    boolean bothStrings = Operands.isString(x.dtype()) && Operands.isString(y.dtype());
    if (!op.isComparison() || (!bothStrings && op != Op.EQ && op != Op.NE)) {
      throw unsupported(op, x, y);
    }
    boolean[] out = new boolean[n];
    if (!bothStrings) {
      // numpy: a string never equals a number
      java.util.Arrays.fill(out, op == Op.NE);
      return ArrayValue.ofBooleans(out);
    }
    String[] p = (String[]) x.data();
    String[] q = (String[]) y.data();
    for (int i = 0; i < n; i++) {
      out[i] = op.test(Values.compareCodePoints(p[i] == null ? "" : p[i], q[i] == null ? "" : q[i]));
    }
    return ArrayValue.ofBooleans(out);
  }

  private static ArrayValue objects(Op op, ArrayValue x, ArrayValue y, int n) {
    // object arrays hold boxed values anyway: apply Python's scalar semantics element by element
    if (op.isComparison()) {
      boolean[] out = new boolean[n];
      for (int i = 0; i < n; i++) {
        out[i] = ScalarOps.compare(op, boxed(x, i), boxed(y, i));
      }
      return ArrayValue.ofBooleans(out);
    }
    Object[] out = new Object[n];
    for (int i = 0; i < n; i++) {
      out[i] = ScalarOps.apply(op, boxed(x, i), boxed(y, i));
    }
    return ArrayValue.ofObjects(out);
  }

  private static Object boxed(ArrayValue a, int i) {
    return Operands.normalize(a.get(i));
  }

  private static ArrayValue datetimes(Op op, ArrayValue x, ArrayValue y, int n) {
    if (x.isDatetime() && y.isDatetime() && op.isComparison()) {
      String unit = DatetimeUnits.finer(x.dtype().unit(), y.dtype().unit());
      long[] p = (long[]) x.data();
      long[] q = (long[]) y.data();
      boolean[] out = new boolean[n];
      for (int i = 0; i < n; i++) {
        if (p[i] == Datetimes.NAT || q[i] == Datetimes.NAT) {
          out[i] = op == Op.NE;
        } else {
          out[i] = op.test(Long.compare(DatetimeUnits.convert(p[i], x.dtype().unit(), unit),
              DatetimeUnits.convert(q[i], y.dtype().unit(), unit)));
        }
      }
      return ArrayValue.ofBooleans(out);
    }
    boolean shiftRight = x.isDatetime() && isInteger(y.dtype()) && (op == Op.ADD || op == Op.SUB);
    boolean shiftLeft = y.isDatetime() && isInteger(x.dtype()) && op == Op.ADD;
    if (!shiftRight && !shiftLeft) {
      throw unsupported(op, x, y);
    }
    ArrayValue dates = shiftRight ? x : y;
    long[] d = (long[]) dates.data();
    long[] k = Operands.longs(shiftRight ? y : x);
    long sign = op == Op.SUB ? -1 : 1;
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = d[i] == Datetimes.NAT ? Datetimes.NAT : d[i] + sign * k[i];
    }
    return ArrayValue.of(dates.dtype(), out);
  }

  private static boolean isInteger(Dtype d) {
    return d.kind() == Dtype.Kind.INT || d.kind() == Dtype.Kind.UINT || d.kind() == Dtype.Kind.BOOL;
  }

  private static ExpressionException unsupported(Op op, ArrayValue x, ArrayValue y) {
    return new ExpressionException("TypeError: unsupported operand types for " + op.symbol() + ": arrays of "
        + x.dtype().name() + " and " + y.dtype().name());
  }
}
