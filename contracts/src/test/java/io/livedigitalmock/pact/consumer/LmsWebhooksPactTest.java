package io.livedigitalmock.pact.consumer;

import static io.livedigitalmock.pact.consumer.Shapes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The guide's "Отслеживание событий": the space's one webhook, created, read, changed, re-keyed, removed. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "livedigital-api", pactVersion = PactSpecVersion.V4)
class LmsWebhooksPactTest {

  private static final String WEBHOOK = "/v1/spaces/${spaceId}/webhook";
  private static final String WEBHOOK_EXAMPLE = "/v1/spaces/" + SPACE_ID + "/webhook";
  private static final String LMS_URL = "https://lms.example.com/livedigital/webhook";
  private static final String SECRET = "g7r0gOSKiQ59prCGXo1H50PACb5ca1mD";

  private static PactDslJsonBody hook(boolean withSecret) {
    PactDslJsonBody body = new PactDslJsonBody().stringMatcher("url", HTTP_URL, LMS_URL);
    if (withSecret) {
      body.stringMatcher("secret", "^\\S{16,}$", SECRET);
    }
    return body.booleanType("isActive", true);
  }

  @Pact(consumer = "lms-integration")
  V4Pact webhooks(PactDslWithProvider builder) {
    return builder
        .given("a space exists")
        .uponReceiving("a webhook for the space")
        .pathFromProviderState(WEBHOOK, WEBHOOK_EXAMPLE).method("POST")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .headers("Content-Type", "application/json")
        .body(new PactDslJsonBody().stringValue("url", LMS_URL))
        .willRespondWith().status(201).body(hook(true).booleanValue("isActive", true))
        .given("a space exists").given("a webhook is registered for the space")
        .uponReceiving("the space's webhook")
        .pathFromProviderState(WEBHOOK, WEBHOOK_EXAMPLE).method("GET")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .willRespondWith().status(200).body(hook(false))
        .given("a space exists").given("a webhook is registered for the space")
        .uponReceiving("the space's webhook paused")
        .pathFromProviderState(WEBHOOK, WEBHOOK_EXAMPLE).method("PUT")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .headers("Content-Type", "application/json")
        .body(new PactDslJsonBody().stringValue("url", LMS_URL).booleanValue("isActive", false))
        .willRespondWith().status(200)
        .body(new PactDslJsonBody().stringMatcher("url", HTTP_URL, LMS_URL).booleanValue("isActive", false))
        .given("a space exists").given("a webhook is registered for the space")
        .uponReceiving("a new secret for the space's webhook")
        .pathFromProviderState(WEBHOOK + "/refresh-secret", WEBHOOK_EXAMPLE + "/refresh-secret").method("PUT")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .willRespondWith().status(200).body(hook(true))
        .given("a space exists").given("a webhook is registered for the space")
        .uponReceiving("the space's webhook removed")
        .pathFromProviderState(WEBHOOK, WEBHOOK_EXAMPLE).method("DELETE")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .willRespondWith().status(200)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "webhooks")
  void theLmsSubscribesToTheSchoolsEvents(MockServer server) {
    IntegratorHttp http = new IntegratorHttp(server.getUrl());
    String secret = http.post(WEBHOOK_EXAMPLE, Map.of("url", LMS_URL), USER_TOKEN).field("secret");
    assertEquals(LMS_URL, http.get(WEBHOOK_EXAMPLE, USER_TOKEN).field("url"));
    assertEquals("false", http.put(WEBHOOK_EXAMPLE, Map.of("url", LMS_URL, "isActive", false), USER_TOKEN)
        .field("isActive"));
    assertNotEquals("", http.put(WEBHOOK_EXAMPLE + "/refresh-secret", null, USER_TOKEN).field("secret"));
    assertNotEquals("", secret);
    assertEquals(200, http.delete(WEBHOOK_EXAMPLE, USER_TOKEN).status());
  }

  @Pact(consumer = "lms-integration")
  V4Pact secondWebhook(PactDslWithProvider builder) {
    return builder
        .given("a space exists").given("a webhook is registered for the space")
        .uponReceiving("a second webhook for the same space")
        .pathFromProviderState(WEBHOOK, WEBHOOK_EXAMPLE).method("POST")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .headers("Content-Type", "application/json")
        .body(new PactDslJsonBody().stringValue("url", LMS_URL))
        .willRespondWith().status(409).body(error(409, "Conflict", "Space already has a webhook", false))
        .toPact(V4Pact.class);
  }

  /** The guide: one webhook per space. */
  @Test
  @PactTestFor(pactMethod = "secondWebhook")
  void aSpaceHasOneWebhook(MockServer server) {
    assertEquals(409, new IntegratorHttp(server.getUrl()).post(WEBHOOK_EXAMPLE, Map.of("url", LMS_URL), USER_TOKEN)
        .status());
  }
}
