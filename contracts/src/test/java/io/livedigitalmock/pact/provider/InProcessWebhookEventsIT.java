package io.livedigitalmock.pact.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.livedigitalmock.junit.LivedigitalMock;

/** Every webhook message pact, against the mock in this JVM. */
@Provider("livedigital-webhooks")
@PactFolder("pacts")
@LivedigitalMock
class InProcessWebhookEventsIT extends WebhookEventsVerification {
}
