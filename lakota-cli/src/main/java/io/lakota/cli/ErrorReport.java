package io.lakota.cli;

import io.lakota.cli.text.PythonLiteral;
import io.lakota.errors.CorruptObjectException;
import io.lakota.errors.NotFoundException;
import io.lakota.errors.StorageException;
import io.lakota.errors.UnsupportedFormatException;
import io.lakota.errors.ValidationException;
import io.lakota.query.MissingKeyException;

/** The one stderr line of a failed command (CLI.md §2.4), chosen by the exception's type. */
final class ErrorReport {
  private ErrorReport() {}

  static String line(Throwable e) {
    if (e instanceof CliException) {
      return ((CliException) e).line();
    }
    if (e instanceof MissingKeyException) {
      return "KeyError: " + PythonLiteral.repr(((MissingKeyException) e).key());
    }
    if (e instanceof ValidationException || e instanceof UnsupportedFormatException
        || e instanceof CorruptObjectException) {
      return "ValueError: " + e.getMessage();
    }
    if (e instanceof NotFoundException) {
      return "FileNotFoundError: " + e.getMessage();
    }
    if (e instanceof StorageException) {
      return "OSError: " + e.getMessage();
    }
    String name = e.getClass().getSimpleName();
    return (name.endsWith("Exception") ? name.substring(0, name.length() - "Exception".length()) + "Error" : name)
        + ": " + e.getMessage();
  }
}
