package io.lakota.query;

/**
 * An expression names a column or map key that does not exist ({@code self.nope}, or a plain column name given to
 * {@code reduce}): the reference's {@code KeyError}. Callers use {@link #key()}.
 */
public final class MissingKeyException extends ExpressionException {
  private static final long serialVersionUID = 1L;
  private final String key;

  /** A missing key, not yet located. */
  public MissingKeyException(String key) {
    super("KeyError: \"" + key + "\"");
    this.key = key;
  }

  private MissingKeyException(String key, String expression, String token, int position) {
    super("KeyError: \"" + key + "\"", expression, token, position);
    this.key = key;
  }

  /** The missing column or key. */
  public String key() {
    return key;
  }

  @Override
  ExpressionException relocate(String expressionText, String tokenText, int tokenPosition) {
    return new MissingKeyException(key, expressionText, tokenText, tokenPosition);
  }
}
