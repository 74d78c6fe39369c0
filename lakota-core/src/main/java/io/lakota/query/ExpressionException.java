package io.lakota.query;

import io.lakota.errors.ValidationException;

/**
 * An s-expression cannot be parsed or evaluated. The message is the reference's wording ({@link #problem()}, e.g.
 * {@code Unexpected token: "spam"}) followed, when known, by where it happened:
 * {@code Unexpected token: "spam" at position 5 of "(bar spam)"}.
 */
public class ExpressionException extends ValidationException {
  private static final long serialVersionUID = 1L;
  private final String problem;
  private final String expression;
  private final String token;
  private final int position;

  /** A failure located at {@code token}, which starts at {@code position} (0-based) in {@code expression}. */
  public ExpressionException(String problem, String expression, String token, int position) {
    super(problem + (expression == null ? "" : " at position " + position + " of \"" + expression + "\""));
    this.problem = problem;
    this.expression = expression;
    this.token = token;
    this.position = position;
  }

  /** A failure not yet located (raised by an operator or function; the evaluator adds the location). */
  public ExpressionException(String problem) {
    this(problem, null, null, -1);
  }

  /** The reference's message, without the location. */
  public String problem() {
    return problem;
  }

  /** The whole expression text, or null when the failure is not located. */
  public String expression() {
    return expression;
  }

  /** The token (or list text) where the failure happened, or null. */
  public String token() {
    return token;
  }

  /** The offset of {@link #token()} in {@link #expression()}, or -1. */
  public int position() {
    return position;
  }

  /** This failure located at {@code token}; a located failure is returned unchanged. */
  ExpressionException at(String expressionText, String tokenText, int tokenPosition) {
    if (expression != null) {
      return this;
    }
    ExpressionException e = relocate(expressionText, tokenText, tokenPosition);
    e.initCause(this);
    return e;
  }

  ExpressionException relocate(String expressionText, String tokenText, int tokenPosition) {
    return new ExpressionException(problem, expressionText, tokenText, tokenPosition);
  }
}
