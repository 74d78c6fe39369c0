package io.lakota.query;

import io.lakota.format.Columns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code reduce} algorithm (EXPRESSIONS.md §8.2): key columns are evaluated element-wise; with aggregating
 * columns the rows are grouped by the sorted distinct key tuples and every aggregate gives one value per group (or,
 * without keys, one value for the whole frame). Output: key columns first, then aggregates, each in argument order.
 */
final class Reducer {
  private Reducer() {}

  static ReducedFrame reduce(ColumnSource source, List<ReduceColumn> columns, Map<String, Object> env) {
    int n = source.length();
    List<String> keyNames = new ArrayList<>();
    List<ArrayValue> keys = new ArrayList<>();
    List<ReduceColumn> aggregates = new ArrayList<>();
    List<Node> aggregateTrees = new ArrayList<>();
    for (ReduceColumn c : columns) {
      if (!c.isExpression()) {
        keyNames.add(c.alias());
        keys.add(ArrayValue.of(source.dtype(c.definition()), source.column(c.definition())));
        continue;
      }
      Node tree = Parser.parse(c.definition());
      if (Evaluator.isAggregating(tree)) {
        aggregates.add(c);
        aggregateTrees.add(tree);
        continue;
      }
      Object v = new Evaluator(c.definition(), env, null).evaluate(tree);
      String name = c.alias();
      if (v instanceof Aliased) {
        name = ((Aliased) v).name();
        v = Operands.normalize(((Aliased) v).value());
      }
      keyNames.add(name);
      keys.add(column(v, n));
    }
    List<Boolean> index = new ArrayList<>();
    if (aggregates.isEmpty()) {
      for (int i = 0; i < keys.size(); i++) {
        index.add(true);
      }
      return new ReducedFrame(keyNames, keys, index);
    }
    Grouping grouping = null;
    List<String> names = new ArrayList<>(keyNames);
    List<ArrayValue> out = new ArrayList<>();
    if (!keys.isEmpty()) {
      grouping = Grouping.of(keys, n);
      for (ArrayValue k : keys) {
        out.add(ArrayValue.of(k.dtype(), Columns.take(k.dtype(), k.data(), grouping.first)));
        index.add(true);
      }
    }
    int rows = grouping == null ? 1 : grouping.groups;
    for (int i = 0; i < aggregates.size(); i++) {
      ReduceColumn c = aggregates.get(i);
      Object v = new Evaluator(c.definition(), env, grouping).evaluate(aggregateTrees.get(i));
      String name = c.alias();
      if (v instanceof Aliased) {
        name = ((Aliased) v).name();
        v = Operands.normalize(((Aliased) v).value());
      }
      names.add(name);
      out.add(column(v, rows));
      index.add(false);
    }
    return new ReducedFrame(names, out, index);
  }

  /** A result as a column: arrays as they are, lists through {@code asarray}, scalars repeated {@code n} times. */
  private static ArrayValue column(Object v, int n) {
    if (v instanceof ArrayValue) {
      return (ArrayValue) v;
    }
    if (v instanceof List) {
      return Operands.asarray((List<?>) v);
    }
    if (v instanceof ColumnSource || v instanceof ExpressionFunction || v instanceof Keywords) {
      throw new ExpressionException("Cannot use a " + Operands.typeName(v) + " as a column");
    }
    return Operands.expand(Operands.scalar(v), n);
  }
}
