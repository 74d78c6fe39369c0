package io.lakota.query;

import java.util.List;
import java.util.Map;

/**
 * A function callable from an expression: the builtins, the library functions and user functions put in an
 * evaluation environment. Arguments arrive evaluated: {@code Long}, {@code Double}, {@code Boolean}, {@code String},
 * {@link DatetimeValue}, {@link ArrayValue}, {@code List}, {@code Map} or null. A function may return those, or a
 * primitive array ({@code long[]}, {@code double[]}, {@code boolean[]}, {@code String[]}), which becomes an
 * {@link ArrayValue}.
 */
@FunctionalInterface
public interface ExpressionFunction {

  /**
   * Calls the function.
   *
   * @param args the positional arguments, in order
   * @param keywords the keyword arguments given with {@code (kw …)}; empty when there are none
   * @throws ExpressionException when the arguments are not acceptable
   */
  Object call(List<Object> args, Map<String, Object> keywords);
}
