package io.livedigitalmock.pact.provider;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.livedigitalmock.junit.Livedigital;
import io.livedigitalmock.junit.LivedigitalMock;
import io.livedigitalmock.pact.LivedigitalStates;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lms-integration pact verified through {@link FieldRenamingProxy}: states on the mock, requests
 * through the proxy. Run only by {@link WrongAnswerIT} (its name matches no test pattern).
 */
@Provider("livedigital-api")
@Consumer("lms-integration")
@PactFolder("pacts")
@LivedigitalMock
class WrongAnswerVerification {

  private static FieldRenamingProxy proxy;

  @BeforeAll
  static void startProxy(Livedigital mock) throws Exception {
    proxy = new FieldRenamingProxy(URI.create(mock.baseUrl()).getPort());
  }

  @AfterAll
  static void stopProxy() {
    proxy.close();
  }

  @BeforeEach
  void target(PactVerificationContext context, Livedigital mock) throws Exception {
    context.setTarget(HttpTestTarget.fromUrl(URI.create(proxy.baseUrl()).toURL()));
    context.withStateChangeHandlers(LivedigitalStates.on(mock));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void interaction(PactVerificationContext context) {
    context.verifyInteraction();
  }
}
