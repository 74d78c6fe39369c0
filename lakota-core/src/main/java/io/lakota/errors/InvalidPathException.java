package io.lakota.errors;

/** A pod path is malformed or escapes the pod root ({@code ..}, absolute paths, empty components). */
public class InvalidPathException extends StorageException {
  private static final long serialVersionUID = 1L;

  public InvalidPathException(String path, String reason) {
    super(path, "Cannot access \"" + path + "\": " + reason);
  }
}
