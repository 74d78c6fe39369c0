package io.lakota.errors;

/** A schema or stored object names a dtype or codec this implementation does not support. */
public class UnsupportedFormatException extends LakotaException {
  private static final long serialVersionUID = 1L;
  private final String name;

  public UnsupportedFormatException(String kind, String name) {
    super("Unsupported " + kind + ": \"" + name + "\"");
    this.name = name;
  }

  /** The unsupported dtype or codec name, as found. */
  public String name() {
    return name;
  }
}
