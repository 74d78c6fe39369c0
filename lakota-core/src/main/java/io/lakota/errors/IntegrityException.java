package io.lakota.errors;

/**
 * A revision file's content does not hash to the digest in its name, even after the bounded retries that
 * cover a concurrent writer still writing it ("Unable to read &lt;name&gt;").
 */
public class IntegrityException extends CorruptObjectException {
  private static final long serialVersionUID = 1L;

  public IntegrityException(String path, String name) {
    super(path, "Unable to read " + name);
  }

  @Override
  public String getMessage() {
    // the reference's exact message, kept because the CLI prints it
    String m = super.getMessage();
    return m.substring(m.indexOf("Unable to read"));
  }
}
