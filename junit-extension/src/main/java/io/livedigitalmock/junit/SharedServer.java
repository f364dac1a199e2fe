package io.livedigitalmock.junit;

/**
 * A running mock that many test classes share: kept in JUnit's root store under its
 * {@link ServerKey} and closed by JUnit at the end of the run.
 */
interface SharedServer extends AutoCloseable {

  Mode mode();

  /** JSON client for this server; its base URL is the one tests use. */
  JsonHttp http();

  /** A new tenant with generated credentials and a user, whose spaces get {@code plan}. */
  TenantRef createTenant(String plan);

  @Override
  void close();

  /** Starts the server a key describes; blocks until it answers. */
  static SharedServer start(ServerKey key) {
    if (key.mode() == Mode.IN_PROCESS) {
      return InProcessServer.start(key);
    }
    try {
      return ContainerServer.start(key);
    } catch (NoClassDefFoundError e) {
      throw new IllegalStateException("mode = CONTAINER needs Testcontainers on the test classpath: add "
          + "org.testcontainers:testcontainers (2.x, test scope) next to livedigital-mock-junit5", e);
    }
  }
}
