package io.lakota.errors;

/**
 * A pod server answered an HTTP request with an error status that has no more specific meaning (not "not found",
 * not "not empty"): missing credentials (401), a refused token or a read-only server (403), a request the server
 * rejects (400, 413) or a server failure (5xx) that retries did not overcome. Callers branch on {@link #status()}
 * and {@link #code()}, never on the message.
 */
public class HttpStatusException extends StorageException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String code;

  public HttpStatusException(String path, int status, String code, String message) {
    super(path, message);
    this.status = status;
    this.code = code;
  }

  /** The HTTP status code of the last response. */
  public int status() {
    return status;
  }

  /**
   * The error code a Lakota server sends in its {@code Lakota-Error} header ({@code unauthorized},
   * {@code forbidden}, {@code read-only}, {@code too-large}, {@code bad-request}, …), or null when the server sent
   * none (the reference server never does).
   */
  public String code() {
    return code;
  }
}
