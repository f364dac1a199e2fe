package io.livedigitalmock.junit;

import org.junit.jupiter.api.Assumptions;

/**
 * Whether {@link Mode#CONTAINER} can run here: without a Docker engine its tests are skipped (aborted,
 * like Testcontainers' {@code disabledWithoutDocker}), unless the run must not skip them: on CI
 * ({@code CI=true}) or with {@code -Dlivedigital.mock.requireDocker=true}, where they fail instead.
 */
final class DockerCheck {

  static final String REQUIRE_PROPERTY = "livedigital.mock.requireDocker";

  /** Testcontainers' answer, asked once per JVM (it can take seconds); tests may set it. */
  static volatile Boolean available;

  private DockerCheck() {
  }

  /** Before a container is started for {@code settings}: returns when it can be, else skips or fails. */
  static void require(Settings settings) {
    if (settings.mode() == Mode.CONTAINER) {
      decide(dockerAvailable(), System.getenv("CI"), System.getProperty(REQUIRE_PROPERTY));
    }
  }

  /**
   * Why a class with {@code settings} is skipped here, or null when it runs: it is skipped (reported as
   * skipped, as Testcontainers' {@code disabledWithoutDocker} does) only where skipping is allowed; where
   * it is not, the class runs and {@link #require} fails it with the reason.
   */
  static String skipReason(Settings settings) {
    if (settings.mode() != Mode.CONTAINER || mustRun(System.getenv("CI"), System.getProperty(REQUIRE_PROPERTY))
        || dockerAvailable()) {
      return null;
    }
    return WHY + ": skipped (with CI=true or -D" + REQUIRE_PROPERTY + "=true it fails instead)";
  }

  private static boolean mustRun(String ciVariable, String requireProperty) {
    return "true".equalsIgnoreCase(ciVariable) || "true".equalsIgnoreCase(requireProperty);
  }

  private static final String WHY =
      "mode = CONTAINER needs a Docker engine, and none answers (check `docker info`, DOCKER_HOST)";

  /**
   * @throws org.opentest4j.TestAbortedException without Docker, when skipping is allowed
   * @throws IllegalStateException without Docker on CI or when Docker is required
   */
  static void decide(boolean dockerAvailable, String ciVariable, String requireProperty) {
    if (dockerAvailable) {
      return;
    }
    if (mustRun(ciVariable, requireProperty)) {
      throw new IllegalStateException(WHY + ("true".equalsIgnoreCase(ciVariable) ? "; CI=true" : "; -D"
          + REQUIRE_PROPERTY + "=true") + ": container tests must run here");
    }
    Assumptions.abort(WHY + ": skipped (with CI=true or -D" + REQUIRE_PROPERTY + "=true they fail instead)");
  }

  private static boolean dockerAvailable() {
    Boolean known = available;
    if (known == null) {
      try {
        known = org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
      } catch (NoClassDefFoundError e) {
        throw new IllegalStateException("mode = CONTAINER needs Testcontainers on the test classpath: add "
            + "org.testcontainers:testcontainers (2.x, test scope) next to livedigital-mock-junit5", e);
      } catch (RuntimeException e) {
        known = false;
      }
      available = known;
    }
    return known;
  }
}
