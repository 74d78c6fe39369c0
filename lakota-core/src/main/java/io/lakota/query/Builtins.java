package io.lakota.query;

import io.lakota.format.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The builtins of EXPRESSIONS.md §4: constants, folded operators, {@code ~ in list dict kw as}. */
final class Builtins {
  private static final Map<String, Object> BUILTINS = new HashMap<>();

  static {
    BUILTINS.put("true", Boolean.TRUE);
    BUILTINS.put("false", Boolean.FALSE);
    for (Op op : Op.values()) {
      BUILTINS.put(op.builtinName(), (ExpressionFunction) (args, kw) -> fold(op, args));
    }
    BUILTINS.put("~", (ExpressionFunction) (args, kw) -> {
      for (Object a : args) {
        if (ScalarOps.truth(a)) {
          return false;
        }
      }
      return true;
    });
    BUILTINS.put("in", (ExpressionFunction) (args, kw) -> {
      arity("in", args, 2);
      return contains(args.get(1), args.get(0));
    });
    BUILTINS.put("list", (ExpressionFunction) (args, kw) -> new ArrayList<>(args));
    BUILTINS.put("dict", (ExpressionFunction) (args, kw) -> pairs("dict", args));
    BUILTINS.put("kw", (ExpressionFunction) (args, kw) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      for (Map.Entry<Object, Object> e : pairs("kw", args).entrySet()) {
        if (!(e.getKey() instanceof String)) {
          throw new ExpressionException("TypeError: keywords must be strings, not " + Operands.typeName(e.getKey()));
        }
        m.put((String) e.getKey(), e.getValue());
      }
      return new Keywords(m);
    });
    BUILTINS.put("as", (ExpressionFunction) (args, kw) -> {
      arity("as", args, 2);
      if (!(args.get(1) instanceof String)) {
        throw new ExpressionException("TypeError: the name given to as must be a string, not "
            + Operands.typeName(args.get(1)));
      }
      return new Aliased(args.get(0), (String) args.get(1));
    });
  }

  private Builtins() {}

  /** The builtin of that name (a constant or an {@link ExpressionFunction}), or null. */
  static Object get(String name) {
    return BUILTINS.get(name);
  }

  /** A left fold of a binary operator; one argument is returned unchanged. */
  static Object fold(Op op, List<Object> args) {
    if (args.isEmpty()) {
      throw new ExpressionException("TypeError: " + op.builtinName() + " needs at least one argument");
    }
    Object acc = args.get(0);
    for (int i = 1; i < args.size(); i++) {
      acc = binary(op, acc, args.get(i));
    }
    return acc;
  }

  static Object binary(Op op, Object a, Object b) {
    return ArrayOps.isArrayOperation(a, b) ? ArrayOps.apply(op, a, b) : ScalarOps.apply(op, a, b);
  }

  /** Python's {@code x in coll}: membership in a list, array or map keys; substring test for strings. */
  static boolean contains(Object coll, Object x) {
    if (coll instanceof String) {
      if (!(x instanceof String)) {
        throw new ExpressionException(
            "TypeError: 'in <string>' requires string as left operand, not " + Operands.typeName(x));
      }
      return ((String) coll).contains((String) x);
    }
    if (coll instanceof List) {
      for (Object o : (List<?>) coll) {
        if (equal(Operands.normalize(o), x)) {
          return true;
        }
      }
      return false;
    }
    if (coll instanceof Map) {
      return ((Map<?, ?>) coll).containsKey(x);
    }
    if (coll instanceof ArrayValue) {
      ArrayValue a = (ArrayValue) coll;
      for (int i = 0; i < a.length(); i++) {
        if (equal(Operands.normalize(a.get(i)), x)) {
          return true;
        }
      }
      return false;
    }
    throw new ExpressionException("TypeError: argument of type '" + Operands.typeName(coll) + "' is not iterable");
  }

  /** Python's {@code ==} on scalars, never failing: numbers by value, strings by code points, else equality. */
  static boolean equal(Object a, Object b) {
    if (Operands.isNumber(a) && Operands.isNumber(b)) {
      return ScalarOps.compare(Op.EQ, a, b);
    }
    if (a instanceof String && b instanceof String) {
      return Values.compareCodePoints((String) a, (String) b) == 0;
    }
    return java.util.Objects.equals(a, b);
  }

  private static Map<Object, Object> pairs(String name, List<Object> args) {
    if (args.size() % 2 != 0) {
      throw new ExpressionException("TypeError: " + name + " needs an even number of arguments, got " + args.size());
    }
    Map<Object, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i += 2) {
      m.put(args.get(i), args.get(i + 1));
    }
    return m;
  }

  static void arity(String name, List<Object> args, int n) {
    if (args.size() != n) {
      throw new ExpressionException(
          "TypeError: " + name + " takes " + n + " arguments but " + args.size() + " were given");
    }
  }
}
