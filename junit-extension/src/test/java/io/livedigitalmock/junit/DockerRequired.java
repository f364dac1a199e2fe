package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * For container tests: without a Docker engine they are skipped, except on CI ({@code CI=true}), where
 * they fail. With an engine, the image must exist (the build makes it in pre-integration-test).
 * Declared directly on the class, so it runs before the extension would start a container.
 */
public final class DockerRequired implements BeforeAllCallback {

  public static final String IMAGE = System.getProperty("ldmock.image", io.livedigitalmock.server.Version.image());

  @Override
  public void beforeAll(ExtensionContext context) {
    boolean docker;
    try {
      docker = DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      docker = false;
    }
    require(docker, System.getenv("CI"));
    try {
      DockerClientFactory.instance().client().inspectImageCmd(IMAGE).exec();
    } catch (com.github.dockerjava.api.exception.NotFoundException e) {
      fail("image " + IMAGE + " is missing: mvn verify builds it with docker/build-image.sh when Docker answers "
          + "(or run that script)");
    }
  }

  /** Without Docker: a failure on CI, a skip (aborted, via Assumptions) elsewhere. */
  static void require(boolean dockerAvailable, String ciEnvironmentVariable) {
    if (dockerAvailable) {
      return;
    }
    if ("true".equalsIgnoreCase(ciEnvironmentVariable)) {
      fail("CI=true and no Docker engine answers: container tests must run on CI "
          + "(bash .ci/docker-engine.sh starts one)");
    }
    Assumptions.abort("no Docker engine answers: container tests skipped (with CI=true they fail)");
  }
}
