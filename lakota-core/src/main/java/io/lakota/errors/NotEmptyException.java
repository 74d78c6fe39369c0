package io.lakota.errors;

/** A non-recursive removal was asked for a folder that still has entries. */
public class NotEmptyException extends StorageException {
  private static final long serialVersionUID = 1L;

  public NotEmptyException(String path) {
    super(path, path + " is not empty");
  }
}
