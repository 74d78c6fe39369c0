package io.lakota.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a parsed expression in an environment (EXPRESSIONS.md §3): a list evaluates its arguments left to right
 * (merging keyword bundles), then its head, and calls it; an atom resolves, in order, to a builtin, an aggregate, an
 * integer, a float, a string literal, an environment path, or a library function. While a grouped {@code reduce}
 * runs, aggregates compute one value per group. Single-use, not thread-safe.
 */
final class Evaluator {
  private final String text;
  private final Map<String, Object> env;
  private final Grouping grouping;

  /**
   * @param text the expression text, for error locations
   * @param env names visible to the expression ({@code self}, user functions…)
   * @param grouping the groups of a grouped {@code reduce}, or null
   */
  Evaluator(String text, Map<String, Object> env, Grouping grouping) {
    this.text = text;
    this.env = env;
    this.grouping = grouping;
  }

  Object evaluate(Node node) {
    if (node instanceof Node.Atom) {
      return atom((Node.Atom) node);
    }
    Node.ListNode list = (Node.ListNode) node;
    if (list.items().isEmpty()) {
      throw new ExpressionException("Cannot evaluate an empty list", text, "()", list.position());
    }
    List<Object> args = new ArrayList<>();
    Map<String, Object> keywords = new LinkedHashMap<>();
    for (Node child : list.items().subList(1, list.items().size())) {
      Object v = evaluate(child);
      if (v instanceof Keywords) {
        keywords.putAll(((Keywords) v).values());
      } else {
        args.add(v);
      }
    }
    Node headNode = list.items().get(0);
    Object head = evaluate(headNode);
    if (!(head instanceof ExpressionFunction)) {
      throw new ExpressionException("TypeError: '" + Operands.typeName(head) + "' object is not callable", text,
          headNode.toString(), headNode.position());
    }
    try {
      Object result = grouping != null && head instanceof Aggregate
          ? ((Aggregate) head).grouped(args, grouping)
          : ((ExpressionFunction) head).call(args, keywords);
      return Operands.normalize(result);
    } catch (ExpressionException e) {
      throw e.at(text, headNode.toString(), headNode.position());
    } catch (ClassCastException | ArithmeticException e) {
      // a user function given arguments it does not expect
      throw new ExpressionException("TypeError: " + e.getMessage(), text, headNode.toString(), headNode.position());
    }
  }

  private Object atom(Node.Atom atom) {
    String t = atom.text();
    try {
      Object builtin = Builtins.get(t);
      if (builtin != null) {
        return builtin;
      }
      Aggregate aggregate = Aggregate.of(t);
      if (aggregate != null) {
        return aggregate;
      }
      Long integer = Literals.integer(t);
      if (integer != null) {
        return integer;
      }
      Double floating = Literals.floating(t);
      if (floating != null) {
        return floating;
      }
      if (isQuote(t.charAt(0)) || isQuote(t.charAt(t.length() - 1))) {
        return stripQuotes(t);
      }
      String[] parts = t.split("\\.", -1);
      if (env.containsKey(parts[0])) {
        Object v = env.get(parts[0]);
        for (int i = 1; i < parts.length; i++) {
          v = select(v, parts[i]);
        }
        return Operands.normalize(v);
      }
      ExpressionFunction f = LibraryFunctions.get(t);
      if (f != null) {
        return f;
      }
    } catch (ExpressionException e) {
      throw e.at(text, t, atom.position());
    }
    throw new ExpressionException("Unexpected token: \"" + t + "\"", text, t, atom.position());
  }

  private static Object select(Object v, String part) {
    if (v instanceof ColumnSource) {
      ColumnSource s = (ColumnSource) v;
      return ArrayValue.of(s.dtype(part), s.column(part));
    }
    if (v instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) v;
      if (!m.containsKey(part)) {
        throw new MissingKeyException(part);
      }
      return m.get(part);
    }
    throw new ExpressionException(
        "AttributeError: '" + Operands.typeName(v) + "' object has no attribute '" + part + "'");
  }

  private static boolean isQuote(char c) {
    return c == '\'' || c == '"';
  }

  /** Python's {@code s.strip("'\"")}. */
  private static String stripQuotes(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && isQuote(s.charAt(a))) {
      a++;
    }
    while (b > a && isQuote(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(a, b);
  }

  /** True if any atom of the tree is an aggregate name (EXPRESSIONS.md §8.2). */
  static boolean isAggregating(Node node) {
    if (node instanceof Node.Atom) {
      return Aggregate.NAMES.contains(((Node.Atom) node).text());
    }
    for (Node child : ((Node.ListNode) node).items()) {
      if (isAggregating(child)) {
        return true;
      }
    }
    return false;
  }
}
