package io.livedigitalmock.pact.provider;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.HttpsTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.livedigitalmock.pact.LivedigitalStates;
import java.net.URL;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API pacts against a live livedigital host ({@code LIVEDIGITAL_BASE_URL} and credentials, see
 * {@link RealApiTarget}; skipped without them): states are made through the public API with those
 * credentials, and interactions whose states need the mock's control plane are left out (skipped, each
 * saying why) and listed in a report. A failure here means an assumption of the mock was wrong: the
 * interaction's description names it in {@code pacts/ledger-pins.md}.
 */
@Provider("livedigital-api")
@PactFolder("pacts")
@ExtendWith(RealApiTarget.class)
class RealApiVerificationIT {

  private RealApiTarget.Run run;

  @BeforeEach
  void target(PactVerificationContext context, RealApiTarget.Run run) throws Exception {
    run.requireHost();
    this.run = run;
    Interaction interaction = context.getInteraction();
    List<String> states = interaction.getProviderStates().stream().map(ProviderState::getName).toList();
    Set<String> needing = run.leaveOutIfControlPlane(context.getConsumer().getName(), interaction.getDescription(),
        states);
    Assumptions.assumeTrue(needing.isEmpty(), () -> "left out: needs the mock's control plane (" + needing + ")");
    URL url = URI.create(run.api.baseUrl()).toURL();
    context.setTarget("https".equals(url.getProtocol()) ? HttpsTestTarget.fromUrl(url) : HttpTestTarget.fromUrl(url));
    context.withStateChangeHandlers(LivedigitalStates.onRealApi(run.api));
  }

  @AfterEach
  void deleteWhatTheStatesMade() {
    if (run != null) {
      run.api.deleteCreatedSpaces();
    }
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void interaction(PactVerificationContext context) {
    context.verifyInteraction();
  }
}
