package io.livedigitalmock.pact.consumer;

import static io.livedigitalmock.pact.consumer.Shapes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** The guide's "Создание инвайта" and "Активация инвайта": one invite, one user. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "livedigital-api", pactVersion = PactSpecVersion.V4)
class LmsInvitesPactTest {

  private static final String ACTIVATE = "/v1/spaces/${spaceId}/invites/${inviteId}/activate";
  private static final String ACTIVATE_EXAMPLE = "/v1/spaces/" + SPACE_ID + "/invites/" + INVITE_ID + "/activate";

  @Pact(consumer = "lms-integration")
  V4Pact invites(PactDslWithProvider builder) {
    return builder
        .given("a space exists")
        .uponReceiving("an invite to the space as its user")
        .pathFromProviderState("/v1/spaces/${spaceId}/invites", "/v1/spaces/" + SPACE_ID + "/invites")
        .method("POST")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .headers("Content-Type", "application/json")
        .body(new PactDslJsonBody().stringValue("role", "role_space_user"))
        .willRespondWith().status(201).body(idOnly(INVITE_ID))
        .given("a space exists").given("an invite to the space exists").given("a second user exists")
        .uponReceiving("the invite activated by the invitee")
        .pathFromProviderState(ACTIVATE, ACTIVATE_EXAMPLE).method("POST")
        .headerFromProviderState("Authorization", "Bearer ${otherUserToken}", "Bearer " + OTHER_USER_TOKEN)
        .willRespondWith().status(200)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "invites")
  void aTeacherJoinsTheSchoolsSpaceByInvite(MockServer server) {
    IntegratorHttp http = new IntegratorHttp(server.getUrl());
    String inviteId = http.post("/v1/spaces/" + SPACE_ID + "/invites", Map.of("role", "role_space_user"), USER_TOKEN)
        .field("id");
    assertEquals(200, http.post("/v1/spaces/" + SPACE_ID + "/invites/" + inviteId + "/activate", null,
        OTHER_USER_TOKEN).status());
  }

  @Pact(consumer = "lms-integration")
  V4Pact usedInvite(PactDslWithProvider builder) {
    return builder
        .given("a space exists").given("an invite to the space exists").given("a second user exists")
        .given("the invite has been activated")
        .uponReceiving("an invite activated a second time")
        .pathFromProviderState(ACTIVATE, ACTIVATE_EXAMPLE).method("POST")
        .headerFromProviderState("Authorization", "Bearer ${otherUserToken}", "Bearer " + OTHER_USER_TOKEN)
        .willRespondWith().status(409)
        .body(error(409, "Conflict", "Invite has already been activated", false))
        .toPact(V4Pact.class);
  }

  /** The guide: "По одному инвайту можно пригласить только одного пользователя". */
  @Test
  @PactTestFor(pactMethod = "usedInvite")
  void anInviteWorksOnce(MockServer server) {
    assertEquals(409, new IntegratorHttp(server.getUrl()).post(ACTIVATE_EXAMPLE, null, OTHER_USER_TOKEN).status());
  }
}
