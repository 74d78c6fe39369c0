package io.lakota.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry points of the s-expression language (EXPRESSIONS.md): evaluation, masks and {@code reduce} over a
 * {@link ColumnSource}. Stateless and thread-safe; the engine reads the source's arrays and never modifies them.
 *
 * <pre>{@code
 * boolean[] keep = Expressions.mask(source, "(< self.value 28)");
 * ReducedFrame monthly = Expressions.reduce(source, List.of(
 *     ReduceColumn.of("(floor self.timestamp 'M')"), ReduceColumn.named("avg", "(mean self.value)")));
 * }</pre>
 *
 * <p>Every failure is an {@link ExpressionException} (a {@link MissingKeyException} for an unknown column) whose
 * message names the offending token and its position.
 */
public final class Expressions {
  private Expressions() {}

  /** Evaluates {@code expression} without environment (EX-1: {@code "(= (/ 6 3 2) 1)"} → {@code true}). */
  public static Object evaluate(String expression) {
    return evaluate(expression, Map.of());
  }

  /**
   * Evaluates {@code expression}; {@code environment} maps names to values ({@code Long}, {@code Double},
   * {@code String}, {@code Boolean}, primitive arrays, {@link ArrayValue}s, lists, maps, {@link ColumnSource}s) and
   * to {@link ExpressionFunction}s.
   *
   * @return a {@code Long}, {@code Double}, {@code Boolean}, {@code String}, {@link DatetimeValue},
   *     {@link ArrayValue}, {@code List}, {@code Map}, {@link Keywords}, {@link Aliased} or a function
   */
  public static Object evaluate(String expression, Map<String, ?> environment) {
    Map<String, Object> env = new HashMap<>();
    for (Map.Entry<String, ?> e : environment.entrySet()) {
      env.put(e.getKey(), Operands.normalize(e.getValue()));
    }
    return new Evaluator(expression, env, null).evaluate(Parser.parse(expression));
  }

  /** The mask of {@code expression} over the rows of {@code source} (EXPRESSIONS.md §8.1). */
  public static boolean[] mask(ColumnSource source, String expression) {
    return mask(source, expression, Map.of());
  }

  /**
   * The mask of {@code expression} over the rows of {@code source}; {@code functions} are extra names (taking
   * precedence over {@code floor}, {@code as-tz} and {@code pretty_nb}).
   *
   * @return a new array of {@code source.length()} booleans
   * @throws ExpressionException when the expression does not give a boolean array of the source's length
   */
  public static boolean[] mask(ColumnSource source, String expression, Map<String, ?> functions) {
    Object v = evaluateOn(source, expression, functions);
    if (v instanceof ArrayValue && ((ArrayValue) v).data() instanceof boolean[]
        && ((ArrayValue) v).length() == source.length()) {
      return ((boolean[]) ((ArrayValue) v).data()).clone();
    }
    int[] positions = positions(source, expression, v);
    boolean[] out = new boolean[source.length()];
    for (int p : positions) {
      out[p] = true;
    }
    return out;
  }

  /**
   * The rows of {@code source} that {@code expression} selects, in order: the positions where a boolean mask is
   * true, or the positions an integer array lists (negative ones counting from the end).
   */
  public static int[] rows(ColumnSource source, String expression) {
    return positions(source, expression, evaluateOn(source, expression, Map.of()));
  }

  private static int[] positions(ColumnSource source, String expression, Object v) {
    int n = source.length();
    if (v instanceof ArrayValue && ((ArrayValue) v).data() instanceof boolean[]) {
      boolean[] m = (boolean[]) ((ArrayValue) v).data();
      if (m.length != n) {
        throw new ExpressionException("IndexError: boolean index did not match indexed array; length is " + n
            + " but corresponding boolean length is " + m.length, expression, expression, 0);
      }
      int count = 0;
      for (boolean b : m) {
        count += b ? 1 : 0;
      }
      int[] out = new int[count];
      for (int i = 0, k = 0; i < n; i++) {
        if (m[i]) {
          out[k++] = i;
        }
      }
      return out;
    }
    if (v instanceof ArrayValue && Operands.isNumeric(((ArrayValue) v).dtype())
        && !Operands.isFloat(((ArrayValue) v).dtype())) {
      long[] p = Operands.longs((ArrayValue) v);
      int[] out = new int[p.length];
      for (int i = 0; i < p.length; i++) {
        long q = p[i] < 0 ? p[i] + n : p[i];
        if (q < 0 || q >= n) {
          throw new ExpressionException("IndexError: index " + p[i] + " is out of bounds for axis 0 with size " + n,
              expression, expression, 0);
        }
        out[i] = (int) q;
      }
      return out;
    }
    throw new ExpressionException("Cannot mask: the expression gives a " + Operands.typeName(v)
        + ", not a boolean array", expression, expression, 0);
  }

  /**
   * Reduces {@code source} (EXPRESSIONS.md §8.2): key columns (plain names and non-aggregating expressions) and
   * aggregating columns, grouped by the keys.
   */
  public static ReducedFrame reduce(ColumnSource source, List<ReduceColumn> columns) {
    return reduce(source, columns, Map.of());
  }

  /** {@link #reduce(ColumnSource, List)} with extra names (user functions) in the environment. */
  public static ReducedFrame reduce(ColumnSource source, List<ReduceColumn> columns, Map<String, ?> functions) {
    return Reducer.reduce(source, columns, frameEnvironment(source, functions));
  }

  /** True if any atom of {@code expression} is an aggregate name (EXPRESSIONS.md §8.2). */
  public static boolean isAggregating(String expression) {
    return Evaluator.isAggregating(Parser.parse(expression));
  }

  private static Object evaluateOn(ColumnSource source, String expression, Map<String, ?> functions) {
    return new Evaluator(expression, frameEnvironment(source, functions), null).evaluate(Parser.parse(expression));
  }

  /** The environment of an expression evaluated against a frame (EXPRESSIONS.md §3.1). */
  static Map<String, Object> frameEnvironment(ColumnSource source, Map<String, ?> functions) {
    Map<String, Object> env = new HashMap<>();
    env.put("self", source);
    env.put("floor", FrameFunctions.FLOOR);
    env.put("as-tz", FrameFunctions.AS_TZ);
    env.put("pretty_nb", FrameFunctions.PRETTY_NB);
    for (Map.Entry<String, ?> e : functions.entrySet()) {
      env.put(e.getKey(), Operands.normalize(e.getValue()));
    }
    return env;
  }
}
