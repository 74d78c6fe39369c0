package io.lakota.query;

/** The binary operators of the builtins (EXPRESSIONS.md §4), with Python's symbol for messages. */
enum Op {
  ADD("+", "+"),
  SUB("-", "-"),
  MUL("*", "*"),
  DIV("/", "/"),
  MOD("%", "%"),
  AND("and", "&"),
  OR("or", "|"),
  LT("<", "<"),
  LE("<=", "<="),
  EQ("=", "=="),
  NE("!=", "!="),
  GE(">=", ">="),
  GT(">", ">");

  private final String name;
  private final String symbol;

  Op(String name, String symbol) {
    this.name = name;
    this.symbol = symbol;
  }

  /** The builtin's name in expressions. */
  String builtinName() {
    return name;
  }

  /** Python's operator symbol. */
  String symbol() {
    return symbol;
  }

  boolean isComparison() {
    return ordinal() >= LT.ordinal();
  }

  boolean isLogical() {
    return this == AND || this == OR;
  }

  /** The outcome of a comparison whose operands compare as {@code c} (negative, zero, positive). */
  boolean test(int c) {
    switch (this) {
      case LT:
        return c < 0;
      case LE:
        return c <= 0;
      case EQ:
        return c == 0;
      case NE:
        return c != 0;
      case GE:
        return c >= 0;
      case GT:
        return c > 0;
      default:
        throw new IllegalStateException(name + " is not a comparison");
    }
  }
}
