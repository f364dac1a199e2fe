package io.livedigitalmock.server.domain.common;

/**
 * The one error type the domain raises. It carries the HTTP status it maps to, so that a single
 * failure handler renders every error the same way (moto's exceptions.py, Firebase's ApiError).
 */
public final class ApiError extends RuntimeException {

  /** Statuses the mock answers with; each knows its reason phrase for the {@code error} field. */
  public enum Status {
    BAD_REQUEST(400, "Bad Request"),
    UNAUTHORIZED(401, "Unauthorized"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not Found"),
    CONFLICT(409, "Conflict"),
    GONE(410, "Gone"),
    PAYLOAD_TOO_LARGE(413, "Payload Too Large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type"),
    UNPROCESSABLE(422, "Unprocessable Entity"),
    TOO_MANY_REQUESTS(429, "Too Many Requests");

    public final int code;
    public final String reason;

    Status(int code, String reason) {
      this.code = code;
      this.reason = reason;
    }
  }

  /** The documented answer to a client token on a user-only method [guide FAQ]. */
  public static final String USER_TOKEN_REQUIRED = "Данный метод запрещен для пользователя";

  private final Status status;

  public ApiError(Status status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public Status status() {
    return status;
  }

  public static ApiError badRequest(String message) {
    return new ApiError(Status.BAD_REQUEST, message);
  }

  public static ApiError unauthorized(String message) {
    return new ApiError(Status.UNAUTHORIZED, message);
  }

  public static ApiError forbidden(String message) {
    return new ApiError(Status.FORBIDDEN, message);
  }

  public static ApiError notFound(String what) {
    return new ApiError(Status.NOT_FOUND, what + " not found");
  }

  public static ApiError conflict(String message) {
    return new ApiError(Status.CONFLICT, message);
  }

  public static ApiError gone(String message) {
    return new ApiError(Status.GONE, message);
  }
}
