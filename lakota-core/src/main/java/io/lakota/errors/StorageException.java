package io.lakota.errors;

/** An I/O failure of a storage backend (pod) that is neither "not found" nor "not empty". */
public class StorageException extends LakotaException {
  private static final long serialVersionUID = 1L;
  private final String path;

  public StorageException(String path, String message, Throwable cause) {
    super(message, cause);
    this.path = path;
  }

  public StorageException(String path, String message) {
    this(path, message, null);
  }

  /** The pod-relative path the failed operation was about. */
  public String path() {
    return path;
  }
}
