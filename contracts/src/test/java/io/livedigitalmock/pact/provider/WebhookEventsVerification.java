package io.livedigitalmock.pact.provider;

import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import io.livedigitalmock.junit.Livedigital;
import io.livedigitalmock.pact.LivedigitalStates;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The webhook message pacts against what the mock really POSTs: the states make the event happen (a
 * call, a recording) in a space whose webhook points at a built-in receiver, and each message is the
 * body that receiver got, once its signature was checked. Subclasses say where the mock runs. The
 * provider methods are declared here only, so Pact's scan finds each once and calls it on the test.
 */
abstract class WebhookEventsVerification {

  private LivedigitalStates states;

  @BeforeEach
  void target(PactVerificationContext context, Livedigital mock) {
    context.setTarget(new MessageTestTarget(List.of(WebhookEventsVerification.class.getPackageName())));
    states = LivedigitalStates.on(mock);
    context.withStateChangeHandlers(states);
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void event(PactVerificationContext context) {
    context.verifyInteraction();
  }

  @PactVerifyProvider("a call_started event")
  String callStarted() {
    return states.awaitWebhook("call_started");
  }

  @PactVerifyProvider("a call_finished event")
  String callFinished() {
    return states.awaitWebhook("call_finished");
  }

  @PactVerifyProvider("a record_started event")
  String recordStarted() {
    return states.awaitWebhook("record_started");
  }

  @PactVerifyProvider("a record_finished event")
  String recordFinished() {
    return states.awaitWebhook("record_finished");
  }

  @PactVerifyProvider("a record_aborted event")
  String recordAborted() {
    return states.awaitWebhook("record_aborted");
  }

  @PactVerifyProvider("a record_failed event")
  String recordFailed() {
    return states.awaitWebhook("record_failed");
  }
}
