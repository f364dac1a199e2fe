package io.livedigitalmock.server.state;

/** A state file (or import) that cannot be read: not JSON, another format or version, a bad field. Nothing was changed. */
public final class StateFileException extends RuntimeException {

  public StateFileException(String message) {
    super(message);
  }

  public StateFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
