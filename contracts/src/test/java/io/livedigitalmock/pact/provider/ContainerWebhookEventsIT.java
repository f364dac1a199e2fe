package io.livedigitalmock.pact.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.livedigitalmock.junit.LivedigitalMockExtension;
import io.livedigitalmock.junit.Mode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every webhook message pact, against the mock's Docker image (its built-in receivers record them). */
@Provider("livedigital-webhooks")
@PactFolder("pacts")
@ExtendWith(DockerRequired.class)
class ContainerWebhookEventsIT extends WebhookEventsVerification {

  @RegisterExtension
  static final LivedigitalMockExtension MOCK = LivedigitalMockExtension.builder()
      .mode(Mode.CONTAINER).image(DockerRequired.IMAGE).build();
}
