package io.livedigitalmock.junit;

/** Where the mock runs for a test class. */
public enum Mode {

  /** In this JVM, on a port of 127.0.0.1: starts in well under a second and resets in microseconds. */
  IN_PROCESS,

  /**
   * In a Docker container of the mock's image, through Testcontainers (add
   * {@code org.testcontainers:testcontainers} to the test classpath): the artifact that ships.
   */
  CONTAINER
}
