package io.lakota.errors;

/** A file or folder of a pod does not exist (the reference's {@code FileNotFoundError}). */
public class NotFoundException extends StorageException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String path) {
    super(path, path + " not found");
  }

  public NotFoundException(String path, String message) {
    super(path, message);
  }
}
