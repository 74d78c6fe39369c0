package io.lakota.server;

import io.lakota.storage.http.HttpProtocol;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** A response to send: status, headers and body. Immutable; the body array is not copied. */
final class Reply {
  private static final byte[] B64_START = "{\"b64encoded\":true,\"body\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] B64_END = "\"}".getBytes(StandardCharsets.US_ASCII);

  private final int status;
  private final String contentType;
  private final byte[] body;
  private final boolean base64;
  private final String code;
  private final String reason;

  private Reply(int status, String contentType, byte[] body, boolean base64, String code, String reason) {
    this.status = status;
    this.contentType = contentType;
    this.body = body;
    this.base64 = base64;
    this.code = code;
    this.reason = reason;
  }

  /** 200 with a JSON document. */
  static Reply json(String document) {
    return new Reply(200, HttpProtocol.JSON, document.getBytes(StandardCharsets.UTF_8), false, null, null);
  }

  /** 200 with the raw bytes of a file. */
  static Reply binary(byte[] data) {
    return new Reply(200, HttpProtocol.BINARY, data, false, null, null);
  }

  /** 200 with the reference's {@code {"b64encoded": true, "body": "<base64>"}}, encoded while it is sent. */
  static Reply base64(byte[] data) {
    return new Reply(200, HttpProtocol.JSON, data, true, null, null);
  }

  /** An HTML page. */
  static Reply html(String page) {
    return new Reply(200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8), false, null, null);
  }

  /** An error: the status, a Lakota error code, an optional reason and a short text body (HTTP.md §1.2). */
  static Reply error(int status, String code, String reason, String text) {
    return new Reply(status, "text/html; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), false, code, reason);
  }

  int status() {
    return status;
  }

  /** The Lakota error code, or null. */
  String code() {
    return code;
  }

  /** The number of body bytes sent. */
  long length() {
    return base64 ? B64_START.length + 4L * ((body.length + 2) / 3) + B64_END.length : body.length;
  }

  /** Sends the reply; {@code callback} completes when it is sent or has failed. */
  void send(Response response, Callback callback) throws IOException {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length());
    if (code != null) {
      response.getHeaders().put(HttpProtocol.ERROR_HEADER, code);
    }
    if (reason != null) {
      response.getHeaders().put(HttpProtocol.REASON_HEADER, reason);
    }
    if (!base64) {
      response.write(true, ByteBuffer.wrap(body), callback);
      return;
    }
    // the base64 text is never held whole: it is encoded into the response buffers as they are sent
    try (OutputStream out = Content.Sink.asOutputStream(response)) {
      out.write(B64_START);
      try (OutputStream encoder = Base64.getEncoder().wrap(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
              flush(); // keeps the response open for the end of the document
            }
          })) {
        encoder.write(body);
      }
      out.write(B64_END);
    }
    callback.succeeded();
  }
}
