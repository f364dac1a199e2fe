package io.livedigitalmock.pact.provider;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.livedigitalmock.junit.Livedigital;
import io.livedigitalmock.junit.LivedigitalMock;
import io.livedigitalmock.pact.LivedigitalStates;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every interaction of the committed API pacts, against the mock in this JVM. */
@Provider("livedigital-api")
@PactFolder("pacts")
@LivedigitalMock
class InProcessApiVerificationIT {

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
