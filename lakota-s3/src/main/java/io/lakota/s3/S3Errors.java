package io.lakota.s3;

import io.lakota.errors.StorageException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns SDK failures into the storage exceptions of {@code io.lakota.errors}, with one clear message for the cases
 * a user can fix: a missing bucket, refused credentials, a wrong region, an unreachable endpoint, no credentials.
 */
final class S3Errors {
  private static final Set<String> DENIED =
      Set.of(
          "AccessDenied",
          "InvalidAccessKeyId",
          "SignatureDoesNotMatch",
          "ExpiredToken",
          "InvalidToken",
          "TokenRefreshRequired",
          "AllAccessDisabled");

  private S3Errors() {}

  /** The error code of an S3 error response, or {@code null} (HEAD responses have no body). */
  static String code(S3Exception e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  /** True for "this key does not exist" (and not "this bucket does not exist"). */
  static boolean isMissingKey(S3Exception e) {
    return e.statusCode() == 404 && !"NoSuchBucket".equals(code(e));
  }

  /**
   * The exception for a failed {@code verb} (read, write, list, …) on the pod path {@code shown}.
   *
   * @param location what the pod is, for the message
   */
  static StorageException failure(String verb, String shown, S3Location location, SdkException e) {
    String what = "Cannot " + verb + " " + shown + ": ";
    String where = where(location);
    if (e instanceof S3Exception s3) {
      String code = code(s3);
      int status = s3.statusCode();
      if ("NoSuchBucket".equals(code)) {
        return new StorageException(
            shown, what + "bucket \"" + location.bucket() + "\" does not exist on " + where, e);
      }
      if (status == 403 || DENIED.contains(code)) {
        return new StorageException(
            shown,
            what + "access to bucket \"" + location.bucket() + "\" on " + where + " denied ("
                + (code == null ? "403" : code) + "); check the credentials and the bucket's policy",
            e);
      }
      if (status == 301 || "PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code)) {
        return new StorageException(
            shown,
            what + "bucket \"" + location.bucket() + "\" is in another region; give it with region=", e);
      }
      String message = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorMessage();
      return new StorageException(
          shown,
          what + "S3 error " + status + (code == null ? "" : " " + code) + (message == null ? "" : ": " + message)
              + " (" + where + ")",
          e);
    }
    Throwable unreachable = unreachableCause(e);
    if (unreachable != null) {
      String hint =
          location.host() != null && !location.host().contains(":")
              ? " (for a bucket on AWS, write s3:///" + location.host() + "/…)"
              : "";
      return new StorageException(
          shown, what + "cannot reach the S3 endpoint " + where + ": " + unreachable + hint, e);
    }
    String message = String.valueOf(e.getMessage());
    if (message.contains("Unable to load credentials") || message.contains("contained no credentials")) {
      return new StorageException(
          shown,
          what + "no AWS credentials for " + where + "; give key= and secret= in the URI, a profile=, or "
              + "configure the default chain (environment, ~/.aws, instance role): " + message,
          e);
    }
    return new StorageException(shown, what + message + " (" + where + ")", e);
  }

  private static String where(S3Location location) {
    return location.host() == null ? "AWS (" + location + ")" : location.endpoint();
  }

  private static Throwable unreachableCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException
          || t instanceof SocketTimeoutException
          || (t instanceof InterruptedIOException && !(t.getCause() instanceof InterruptedException))) {
        return t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
