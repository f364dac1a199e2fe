package io.livedigitalmock.pact.provider;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * For the container verifications: without a Docker engine they are skipped on a laptop and fail on
 * CI ({@code CI=true}); with one, the image ({@code -Dldmock.image}, built in pre-integration-test)
 * must exist. Declared on the class, so it runs before the extension would start a container.
 */
final class DockerRequired implements BeforeAllCallback {

  static final String IMAGE = System.getProperty("ldmock.image", io.livedigitalmock.server.Version.image());

  @Override
  public void beforeAll(ExtensionContext context) {
    boolean docker;
    try {
      docker = DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      docker = false;
    }
    if (!docker) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true and no Docker engine answers: the Pact verification against the image must run on CI "
            + "(bash .ci/docker-engine.sh starts one)");
      }
      Assumptions.abort("no Docker engine answers: Pact verification against the image skipped (on CI it fails)");
    }
    try {
      DockerClientFactory.instance().client().inspectImageCmd(IMAGE).exec();
    } catch (com.github.dockerjava.api.exception.NotFoundException e) {
      fail("image " + IMAGE + " is missing: mvn verify builds it with docker/build-image.sh when Docker answers");
    }
  }
}
