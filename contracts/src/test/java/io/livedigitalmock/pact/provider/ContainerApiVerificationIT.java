package io.livedigitalmock.pact.provider;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.livedigitalmock.junit.Livedigital;
import io.livedigitalmock.junit.LivedigitalMockExtension;
import io.livedigitalmock.junit.Mode;
import io.livedigitalmock.pact.LivedigitalStates;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every interaction of the committed API pacts, against the mock's Docker image. */
@Provider("livedigital-api")
@PactFolder("pacts")
@ExtendWith(DockerRequired.class)
class ContainerApiVerificationIT {

  @RegisterExtension
  static final LivedigitalMockExtension MOCK = LivedigitalMockExtension.builder()
      .mode(Mode.CONTAINER).image(DockerRequired.IMAGE).build();

  @BeforeEach
  void target(PactVerificationContext context, Livedigital mock) throws Exception {
    context.setTarget(HttpTestTarget.fromUrl(URI.create(mock.baseUrl()).toURL()));
    context.withStateChangeHandlers(LivedigitalStates.on(mock));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void interaction(PactVerificationContext context) {
    context.verifyInteraction();
  }
}
