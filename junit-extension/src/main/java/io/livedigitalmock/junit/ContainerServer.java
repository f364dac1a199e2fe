package io.livedigitalmock.junit;

import com.fasterxml.jackson.databind.JsonNode;
import io.livedigitalmock.testcontainers.LivedigitalMockContainer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/**
 * The mock's image in a container (Testcontainers): tenants are made and reset through the control
 * plane. Only loaded for {@link Mode#CONTAINER}, so in-process users need no Testcontainers.
 */
final class ContainerServer implements SharedServer {

  private final LivedigitalMockContainer container;
  private final JsonHttp http;

  private ContainerServer(LivedigitalMockContainer container) {
    this.container = container;
    this.http = new JsonHttp(container.getBaseUrl(), container.getControlToken());
  }

  static SharedServer start(ServerKey key) {
    DockerCheck.decide(DockerClientFactory.instance().isDockerAvailable(), System.getenv("CI"),
        System.getProperty(DockerCheck.REQUIRE_PROPERTY));
    DockerImageName image = DockerImageName.parse(key.image())
        .asCompatibleSubstituteFor(LivedigitalMockContainer.DEFAULT_IMAGE_NAME);
    @SuppressWarnings("resource") // closed by close(), which JUnit calls at the end of the run
    LivedigitalMockContainer container = new LivedigitalMockContainer(image)
        .withWebhookRetryInterval(key.webhookRetryInterval())
        .withControlToken(JsonHttp.newControlToken())
        .withHostPortBinding("127.0.0.1", key.port())
        .withLabel("io.livedigitalmock.junit", "container-mode");
    try {
      container.start();
    } catch (RuntimeException e) {
      container.stop();
      throw new IllegalStateException("could not start " + key.image() + " (built by docker/build-image.sh?): "
          + e.getMessage(), e);
    }
    return new ContainerServer(container);
  }

  LivedigitalMockContainer container() {
    return container;
  }

  @Override
  public Mode mode() {
    return Mode.CONTAINER;
  }

  @Override
  public JsonHttp http() {
    return http;
  }

  @Override
  public TenantRef createTenant(String plan) {
    JsonNode t = http.post("/_mock/tenants", JsonHttp.object().put("plan", plan), null);
    JsonNode user = t.path("user");
    String clientId = t.path("clientId").asText();
    String resetPath = "/_mock/tenants/" + Paths.segment(clientId) + "/reset";
    return new TenantRef(clientId, t.path("clientSecret").asText(), t.path("clientObjectId").asText(),
        t.path("plan").asText(), user.path("id").asText(), user.path("email").asText(),
        user.path("password").asText(), user.path("username").asText(),
        () -> http.post(resetPath, null, null));
  }

  @Override
  public void close() {
    container.stop();
  }
}
