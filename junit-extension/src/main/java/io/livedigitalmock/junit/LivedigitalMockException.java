package io.livedigitalmock.junit;

/**
 * The mock refused a request the handle made (or could not be reached): carries the HTTP status (0 when
 * there was no answer), the request, and the mock's own message.
 */
public final class LivedigitalMockException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String request;
  private final String mockMessage;

  LivedigitalMockException(int status, String request, String mockMessage, Throwable cause) {
    super(request + " -> " + (status == 0 ? "no answer" : "HTTP " + status) + ": " + mockMessage, cause);
    this.status = status;
    this.request = request;
    this.mockMessage = mockMessage;
  }

  /** The HTTP status the mock answered with; 0 if it did not answer. */
  public int status() {
    return status;
  }

  /** Method and path, e.g. {@code POST /_mock/rooms/abc/participants}. */
  public String request() {
    return request;
  }

  /** The {@code message} of the mock's error body, or the body itself. */
  public String mockMessage() {
    return mockMessage;
  }
}
