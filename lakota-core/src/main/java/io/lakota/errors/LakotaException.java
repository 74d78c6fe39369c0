package io.lakota.errors;

/**
 * Root of every exception the Lakota library throws.
 *
 * <p>All Lakota exceptions are unchecked. Messages read "Cannot &lt;verb&gt;: &lt;reason&gt;" or reproduce the
 * reference implementation's message where the specification fixes it; callers branch on the type and its
 * fields, never on the message text.
 */
public class LakotaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LakotaException(String message) {
    super(message);
  }

  public LakotaException(String message, Throwable cause) {
    super(message, cause);
  }
}
