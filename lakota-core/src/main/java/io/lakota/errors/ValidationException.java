package io.lakota.errors;

/** Invalid input given by the caller: a malformed schema, label, bound, value or argument. */
public class ValidationException extends LakotaException {
  private static final long serialVersionUID = 1L;

  public ValidationException(String message) {
    super(message);
  }

  public ValidationException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Throws a {@code ValidationException} with the formatted message when {@code test} is false. */
  public static void check(boolean test, String format, Object... args) {
    if (!test) {
      throw new ValidationException(String.format(java.util.Locale.ROOT, format, args));
    }
  }
}
