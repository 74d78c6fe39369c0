package io.lakota.query;

import io.lakota.format.Datetimes;
import io.lakota.format.Values;
import java.util.Objects;

/**
 * The binary operators on scalars, with Python's semantics: booleans count as 0 and 1, {@code int} arithmetic stays
 * integral except true division, {@code %} takes the sign of the divisor, comparisons of unrelated types are a
 * {@code TypeError} (equality is simply false).
 */
final class ScalarOps {
  private ScalarOps() {}

  static Object apply(Op op, Object a, Object b) {
    if (op.isComparison()) {
      return compare(op, a, b);
    }
    if (op.isLogical()) {
      return logical(op, a, b);
    }
    if (a instanceof String && b instanceof String && op == Op.ADD) {
      return (String) a + b;
    }
    if (a instanceof DatetimeValue || b instanceof DatetimeValue) {
      return datetimeArithmetic(op, a, b);
    }
    if (!Operands.isNumber(a) || !Operands.isNumber(b)) {
      throw unsupportedOperands(op, a, b);
    }
    if (op == Op.DIV || a instanceof Double || b instanceof Double) {
      return arithmetic(op, Operands.asDouble(a), Operands.asDouble(b));
    }
    return arithmetic(op, Operands.asLong(a), Operands.asLong(b));
  }

  static double arithmetic(Op op, double x, double y) {
    switch (op) {
      case ADD:
        return x + y;
      case SUB:
        return x - y;
      case MUL:
        return x * y;
      case DIV:
        if (y == 0) {
          throw new ExpressionException("ZeroDivisionError: float division by zero");
        }
        return x / y;
      case MOD:
        if (y == 0) {
          throw new ExpressionException("ZeroDivisionError: float modulo");
        }
        return pythonMod(x, y);
      default:
        throw new IllegalStateException(op.name());
    }
  }

  static long arithmetic(Op op, long x, long y) {
    try {
      switch (op) {
        case ADD:
          return Math.addExact(x, y);
        case SUB:
          return Math.subtractExact(x, y);
        case MUL:
          return Math.multiplyExact(x, y);
        case MOD:
          if (y == 0) {
            throw new ExpressionException("ZeroDivisionError: integer division or modulo by zero");
          }
          return Math.floorMod(x, y);
        default:
          throw new IllegalStateException(op.name());
      }
    } catch (ArithmeticException e) {
      // Python integers do not overflow; ours are 64-bit and refuse to wrap silently on scalars
      throw new ExpressionException("OverflowError: integer result out of the 64-bit range");
    }
  }

  /** Python's (and numpy's) float modulo: the result has the sign of the divisor. */
  static double pythonMod(double x, double y) {
    double r = x % y;
    if (r != 0) {
      if ((r < 0) != (y < 0)) {
        r += y;
      }
    } else {
      r = Math.copySign(0.0, y);
    }
    return r;
  }

  private static Object logical(Op op, Object a, Object b) {
    if (a instanceof Boolean && b instanceof Boolean) {
      boolean x = (Boolean) a;
      boolean y = (Boolean) b;
      return op == Op.AND ? x & y : x | y;
    }
    if ((a instanceof Long || a instanceof Boolean) && (b instanceof Long || b instanceof Boolean)) {
      long x = Operands.asLong(a);
      long y = Operands.asLong(b);
      return op == Op.AND ? x & y : x | y;
    }
    throw unsupportedOperands(op, a, b);
  }

  private static Object datetimeArithmetic(Op op, Object a, Object b) {
    if (a instanceof DatetimeValue && (b instanceof Long || b instanceof Boolean) && (op == Op.ADD || op == Op.SUB)) {
      DatetimeValue d = (DatetimeValue) a;
      long n = Operands.asLong(b);
      return d.value() == Datetimes.NAT ? d : new DatetimeValue(op == Op.ADD ? d.value() + n : d.value() - n, d.unit());
    }
    if (b instanceof DatetimeValue && (a instanceof Long || a instanceof Boolean) && op == Op.ADD) {
      return datetimeArithmetic(op, b, a);
    }
    throw unsupportedOperands(op, a, b);
  }

  static Boolean compare(Op op, Object a, Object b) {
    if (Operands.isNumber(a) && Operands.isNumber(b)) {
      if (a instanceof Double || b instanceof Double) {
        double x = Operands.asDouble(a);
        double y = Operands.asDouble(b);
        return compareDoubles(op, x, y);
      }
      return op.test(Long.compare(Operands.asLong(a), Operands.asLong(b)));
    }
    if (a instanceof String && b instanceof String) {
      return op.test(Values.compareCodePoints((String) a, (String) b));
    }
    if (a instanceof DatetimeValue || b instanceof DatetimeValue) {
      DatetimeValue x = asDatetime(a);
      DatetimeValue y = asDatetime(b);
      if (x != null && y != null) {
        if (x.value() == Datetimes.NAT || y.value() == Datetimes.NAT) {
          return op == Op.NE;
        }
        String unit = DatetimeUnits.finer(x.unit(), y.unit());
        return op.test(Long.compare(
            DatetimeUnits.convert(x.value(), x.unit(), unit), DatetimeUnits.convert(y.value(), y.unit(), unit)));
      }
    }
    if (op == Op.EQ) {
      return Objects.equals(a, b);
    }
    if (op == Op.NE) {
      return !Objects.equals(a, b);
    }
    throw new ExpressionException("TypeError: '" + op.symbol() + "' not supported between instances of '"
        + Operands.typeName(a) + "' and '" + Operands.typeName(b) + "'");
  }

  /** A comparison of doubles with IEEE semantics (every comparison with NaN is false, except {@code !=}). */
  static boolean compareDoubles(Op op, double x, double y) {
    switch (op) {
      case LT:
        return x < y;
      case LE:
        return x <= y;
      case EQ:
        return x == y;
      case NE:
        return x != y;
      case GE:
        return x >= y;
      default:
        return x > y;
    }
  }

  /** A datetime scalar, or a string parsed as one (numpy compares datetimes with strings that way), else null. */
  static DatetimeValue asDatetime(Object v) {
    if (v instanceof DatetimeValue) {
      return (DatetimeValue) v;
    }
    if (v instanceof String) {
      String unit = DatetimeUnits.unitOf((String) v);
      return new DatetimeValue(DatetimeUnits.parse((String) v, unit), unit);
    }
    return null;
  }

  static ExpressionException unsupportedOperands(Op op, Object a, Object b) {
    return new ExpressionException("TypeError: unsupported operand type(s) for " + op.symbol() + ": '"
        + Operands.typeName(a) + "' and '" + Operands.typeName(b) + "'");
  }

  /** Python's truth value of a scalar (arrays of more than one element are ambiguous). */
  static boolean truth(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    if (v instanceof Long) {
      return (Long) v != 0;
    }
    if (v instanceof Double) {
      return (Double) v != 0;
    }
    if (v instanceof String) {
      return !((String) v).isEmpty();
    }
    if (v instanceof java.util.Collection) {
      return !((java.util.Collection<?>) v).isEmpty();
    }
    if (v instanceof java.util.Map) {
      return !((java.util.Map<?, ?>) v).isEmpty();
    }
    if (v instanceof DatetimeValue) {
      return ((DatetimeValue) v).value() != 0;
    }
    if (v instanceof ArrayValue) {
      ArrayValue a = (ArrayValue) v;
      if (a.length() == 1) {
        return truth(a.get(0));
      }
      if (a.length() > 1) {
        throw new ExpressionException("ValueError: The truth value of an array with more than one element is "
            + "ambiguous. Use a.any() or a.all()");
      }
      return false;
    }
    return true;
  }
}
