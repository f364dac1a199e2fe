package com.example.schoolportal;

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

/**
 * The school portal's pact with livedigital, verified against the livedigital mock: the mock plays
 * the provider, livedigital-mock-pact's states set up what each interaction is given.
 */
@Provider("livedigital-api")          // the provider name in your pacts
@PactFolder("pacts")                  // or @PactBroker with -Dpactbroker.url=… (-Dpactbroker.auth.token=…)
@LivedigitalMock                      // or mode = Mode.CONTAINER
class LivedigitalContractTest {

  @BeforeEach
  void target(PactVerificationContext context, Livedigital mock) throws Exception {
    context.setTarget(HttpTestTarget.fromUrl(URI.create(mock.baseUrl()).toURL()));
    context.withStateChangeHandlers(LivedigitalStates.on(mock));   // a new one per interaction
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void interaction(PactVerificationContext context) {
    context.verifyInteraction();
  }
}
