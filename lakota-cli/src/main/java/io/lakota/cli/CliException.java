package io.lakota.cli;

import io.lakota.cli.text.PythonLiteral;
import io.lakota.errors.LakotaException;

/**
 * A command failure reported as one line on stderr, exit status 1 (CLI.md §2.4): a lookup failure prints its
 * message alone ({@code Collection "nope" not found}); other failures print {@code <Kind>: <message>} with the kind
 * the reference's Python exception has ({@code ValueError}, {@code KeyError}, {@code AssertionError},
 * {@code NotImplementedError}).
 */
public final class CliException extends LakotaException {
  private static final long serialVersionUID = 1L;
  private final String kind;

  private CliException(String kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** A lookup failure (unknown collection or series), printed without a kind. */
  public static CliException notFound(String message) {
    return new CliException(null, message);
  }

  /** A failure of the given kind. */
  public static CliException of(String kind, String message) {
    return new CliException(kind, message);
  }

  /** {@code KeyError: '<key>'}: the key as Python's {@code repr} shows it. */
  public static CliException keyError(String key) {
    return new CliException("KeyError", PythonLiteral.repr(key));
  }

  /** The Python exception name, or null for a lookup failure. */
  public String kind() {
    return kind;
  }

  /** The line printed on stderr. */
  public String line() {
    return kind == null ? getMessage() : kind + ": " + getMessage();
  }
}
