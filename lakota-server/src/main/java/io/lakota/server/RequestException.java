package io.lakota.server;

/** A request the server refuses before any storage call: its status, error code and short text. */
final class RequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String code;

  RequestException(int status, String code, String text) {
    super(text, null, false, false);
    this.status = status;
    this.code = code;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }
}
